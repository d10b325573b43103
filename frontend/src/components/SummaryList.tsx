import type { ReactNode } from 'react';
import { cx } from './classNames';
import { Link } from './Link';

export interface SummaryAction {
  href: string;
  text: ReactNode;
  /** Completes the link text for screen readers, e.g. "date of birth". */
  visuallyHiddenText?: string;
}

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  actions?: readonly SummaryAction[];
  /** React key; defaults to the position. */
  id?: string;
}

export interface SummaryListProps {
  rows: readonly SummaryRow[];
  noBorder?: boolean;
  className?: string;
  /** Set by SummaryCard: appended to action links for screen readers. */
  cardTitle?: string | undefined;
}

export function SummaryActionLink({ action, cardTitle }: { action: SummaryAction; cardTitle?: string | undefined }) {
  const hidden = [action.visuallyHiddenText, cardTitle && `(${cardTitle})`].filter(Boolean).join(' ');
  return (
    <Link className="govuk-link" href={action.href}>
      {action.text}
      {hidden && <span className="govuk-visually-hidden"> {hidden}</span>}
    </Link>
  );
}

/** govuk-summary-list: keys and values, with optional change links. */
export function SummaryList({ rows, noBorder, className, cardTitle }: SummaryListProps) {
  const anyActions = rows.some((row) => row.actions?.length);
  return (
    <dl className={cx('govuk-summary-list', noBorder && 'govuk-summary-list--no-border', className)}>
      {rows.map((row, index) => (
        <div key={row.id ?? index} className={cx('govuk-summary-list__row', anyActions && !row.actions?.length && 'govuk-summary-list__row--no-actions')}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.actions && row.actions.length > 0 && (
            <dd className="govuk-summary-list__actions">
              {row.actions.length === 1 && row.actions[0] ? (
                <SummaryActionLink action={row.actions[0]} cardTitle={cardTitle} />
              ) : (
                <ul className="govuk-summary-list__actions-list">
                  {row.actions.map((action) => (
                    <li key={action.href} className="govuk-summary-list__actions-list-item">
                      <SummaryActionLink action={action} cardTitle={cardTitle} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
