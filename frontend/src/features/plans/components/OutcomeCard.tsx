import type { ReactNode } from 'react';
import { SummaryList, Tag, type SummaryRow } from '../../../components';
import { formatDate } from '../../../lib/format';
import { achievements, label, outcomeDomains, outcomeKinds } from '../labels';
import type { OutcomeData } from '../types';
import { OutcomeProgress } from './OutcomeProgress';

export interface OutcomeCardProps {
  outcome: OutcomeData;
  /** Its number in the plan, from 1. */
  number: number;
  headingLevel?: 2 | 3 | 4;
  /** Links in the card's title bar (edit pages). */
  titleActions?: ReactNode;
  /** Content after the progress picture (edit pages: the steps' links). */
  children?: ReactNode;
}

/** One outcome in the person's words, with its target, measure and progress picture. */
export function OutcomeCard({ outcome, number, headingLevel = 3, titleActions, children }: OutcomeCardProps) {
  const Heading = `h${headingLevel}` as const;
  const achievement = outcome.achievement ? achievements[outcome.achievement] : undefined;
  const rows: SummaryRow[] = [
    { key: 'Kind', value: [label(outcomeKinds, outcome.kind), label(outcomeDomains, outcome.domain)].filter(Boolean).join(': ') || 'Not recorded' },
    { key: 'Target date', value: outcome.targetDate ? formatDate(outcome.targetDate) : 'No target date' },
    { key: 'How we will know', value: outcome.measure || 'Not recorded' },
    { key: 'Support needed', value: outcome.supportRequired || 'Not recorded' },
  ];
  return (
    <div className="govuk-summary-card app-outcome">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">
          <span className="govuk-caption-m">Outcome {number}</span>
          {outcome.statement ? `“${outcome.statement}”` : 'Outcome'}
        </Heading>
        {titleActions}
      </div>
      <div className="govuk-summary-card__content">
        {achievement && (
          <p className="govuk-body">
            <Tag colour={achievement.colour}>{achievement.text}</Tag>
          </p>
        )}
        <OutcomeProgress steps={outcome.steps ?? []} idPrefix={`outcome-${outcome.id}`} />
        <SummaryList rows={rows} />
        {children}
      </div>
    </div>
  );
}
