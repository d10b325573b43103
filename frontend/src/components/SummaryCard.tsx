import type { ReactNode } from 'react';
import { SummaryActionLink, SummaryList, type SummaryAction, type SummaryRow } from './SummaryList';

export interface SummaryCardProps {
  /** Plain text: it is also appended to action links for screen readers. */
  title: string;
  /** Rendered instead of the plain title, e.g. a link to the record. */
  titleContent?: ReactNode;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  actions?: readonly SummaryAction[];
  rows: readonly SummaryRow[];
  className?: string;
}

/** govuk-summary-card: a summary list under a titled card. */
export function SummaryCard({ title, titleContent, headingLevel = 2, actions, rows, className }: SummaryCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={['govuk-summary-card', className].filter(Boolean).join(' ')}>
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{titleContent ?? title}</Heading>
        {actions && actions.length === 1 && actions[0] && (
          <div className="govuk-summary-card__actions">
            <SummaryActionLink action={actions[0]} cardTitle={title} />
          </div>
        )}
        {actions && actions.length > 1 && (
          <ul className="govuk-summary-card__actions">
            {actions.map((action) => (
              <li key={action.href} className="govuk-summary-card__action">
                <SummaryActionLink action={action} cardTitle={title} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} cardTitle={title} />
      </div>
    </div>
  );
}
