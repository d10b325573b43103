import { riskCategories, riskKindNames } from '../labels';
import type { TodayRisk } from '../types';

/** What to do if a risk happens: "If … then …, who acts". */
export function Contingencies({ risk }: { risk: Pick<TodayRisk, 'id' | 'description' | 'contingencies'> }) {
  const contingencies = risk.contingencies ?? [];
  if (contingencies.length === 0) return null;
  return (
    <ul className="govuk-list app-if-then" aria-label={`If it happens: ${risk.description || 'this risk'}`}>
      {contingencies.map((c) => (
        <li key={c.id}>
          <strong>If</strong> {c.trigger || 'it happens'}, <strong>then</strong> {c.measures || 'not recorded'}
          {c.whoActs ? ` (${c.whoActs})` : ''}.
        </li>
      ))}
    </ul>
  );
}

/** The plan's other risks, each with how it is managed and its contingencies. */
export function OtherRisks({ risks, headingLevel = 3 }: { risks: readonly TodayRisk[]; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading className="govuk-heading-s govuk-!-margin-bottom-2">Other risks</Heading>
      {risks.length === 0 ? (
        <p className="govuk-body">None recorded.</p>
      ) : (
        <ul className="govuk-list app-risks">
          {risks.map((risk) => (
            <li key={risk.id} className="app-risks__risk">
              <span className="govuk-caption-m">
                {riskKindNames[risk.kind ?? ''] ?? 'Risk'}
                {risk.category ? `, ${(riskCategories[risk.category] ?? risk.category).toLowerCase()}` : ''}
              </span>
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{risk.description || 'Not described'}</p>
              {risk.strategy && <p className="govuk-body govuk-!-margin-bottom-1">{risk.strategy}</p>}
              <Contingencies risk={risk} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
