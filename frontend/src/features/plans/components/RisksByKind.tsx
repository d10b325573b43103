import type { ReactNode } from 'react';
import { SummaryList, Tag, type SummaryRow } from '../../../components';
import { formatInstantDate } from '../../../lib/format';
import { label, likelihoods, riskCategories, riskKindOrder, riskKinds, type RiskKindName } from '../labels';
import type { ContingencyData, RiskData } from '../types';

/** Risks in R6's four groups, in order; risks of an unknown kind last, so none is lost. */
export function groupRisks(risks: readonly RiskData[]): Array<{ kind: RiskKindName | 'OTHER'; risks: RiskData[] }> {
  const groups: Array<{ kind: RiskKindName | 'OTHER'; risks: RiskData[] }> = riskKindOrder.map((kind) => ({
    kind,
    risks: risks.filter((risk) => risk.kind === kind),
  }));
  const other = risks.filter((risk) => !riskKindOrder.includes(risk.kind as RiskKindName));
  if (other.length > 0) groups.push({ kind: 'OTHER', risks: other });
  return groups;
}

function ContingencyItem({ contingency, actions }: { contingency: ContingencyData; actions?: ReactNode }) {
  return (
    <li className="app-contingency">
      {actions}
      <SummaryList
        noBorder
        className="govuk-!-margin-bottom-0"
        rows={[
          { key: 'If', value: contingency.trigger || 'Not recorded' },
          { key: 'Then', value: contingency.measures || 'Not recorded' },
          { key: 'Who acts', value: contingency.whoActs || 'Not recorded' },
        ]}
      />
    </li>
  );
}

export interface RiskCardProps {
  risk: RiskData;
  headingLevel?: 3 | 4 | 5;
  /** Extra content under the contingencies (edit links). */
  actions?: ReactNode;
  /** Links in the card's title bar. */
  titleActions?: ReactNode;
  /** Links for one contingency (edit pages). */
  contingencyActions?: (contingency: ContingencyData, index: number) => ReactNode;
}

/** One risk and its agreed contingencies (R7). */
export function RiskCard({ risk, headingLevel = 4, actions, titleActions, contingencyActions }: RiskCardProps) {
  const Heading = `h${headingLevel}` as const;
  const contingencies = risk.contingencies ?? [];
  const rows: SummaryRow[] = [
    ...(risk.category ? [{ key: 'Kind', value: label(riskCategories, risk.category) }] : []),
    ...(risk.likelihood
      ? [{ key: 'Likelihood', value: `${label(likelihoods, risk.likelihood)}${risk.likelihoodEvidence ? `: ${risk.likelihoodEvidence}` : ''}` }]
      : []),
    ...(risk.wellbeingImpact ? [{ key: 'Impact on wellbeing', value: risk.wellbeingImpact }] : []),
    ...(risk.benefits ? [{ key: 'Benefits weighed against it', value: risk.benefits }] : []),
    { key: 'How it is managed', value: risk.strategy || 'Not recorded' },
  ];
  if (risk.kind === 'TO_WORKER') {
    rows.push({
      key: 'Mitigation',
      value: risk.mitigationConfirmedAt ? (
        <>
          <Tag colour="green">Confirmed</Tag> {formatInstantDate(risk.mitigationConfirmedAt)}
        </>
      ) : (
        <Tag colour="orange">Not yet confirmed</Tag>
      ),
    });
    if (risk.environmentAssessmentRequired) {
      rows.push({
        key: 'Environment risk assessment',
        value: risk.environmentAssessmentDoneAt ? `Done ${formatInstantDate(risk.environmentAssessmentDoneAt)}` : 'Needed before visits start',
      });
    }
  }
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{risk.description || 'Risk'}</Heading>
        {titleActions}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} />
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-top-4 govuk-!-margin-bottom-1">
          {contingencies.length === 0 ? 'No contingency agreed' : contingencies.length === 1 ? 'Contingency' : `Contingencies (${contingencies.length})`}
        </p>
        {risk.kind === 'TO_PLAN' && contingencies.length === 0 && (
          <p className="govuk-body">
            <Tag colour="orange">Contingency needed</Tag> A risk to the plan needs an agreed contingency before the plan can be agreed (R7).
          </p>
        )}
        {contingencies.length > 0 && (
          <ul className="app-contingencies" aria-label={`Contingencies for ${risk.description || 'this risk'}`}>
            {contingencies.map((contingency, index) => (
              <ContingencyItem key={contingency.id} contingency={contingency} actions={contingencyActions?.(contingency, index)} />
            ))}
          </ul>
        )}
        {actions}
      </div>
    </div>
  );
}

/**
 * Risks grouped by who or what is at risk (R6), each with its contingencies.
 * Every group is shown, so an empty one reads as "none recorded" rather
 * than as missing. Renders props only.
 */
export function RisksByKind({
  risks,
  headingLevel = 3,
  renderRisk,
}: {
  risks: readonly RiskData[];
  headingLevel?: 2 | 3 | 4;
  /** Renders one risk; defaults to a RiskCard. */
  renderRisk?: (risk: RiskData) => ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {groupRisks(risks).map((group) => (
        <section key={group.kind} className="app-risk-group" aria-labelledby={`risks-${group.kind}`}>
          <Heading className="govuk-heading-s" id={`risks-${group.kind}`}>
            {group.kind === 'OTHER' ? 'Other risks' : riskKinds[group.kind].heading}
            <span className="govuk-visually-hidden"> ({group.risks.length})</span>
          </Heading>
          {group.risks.length === 0 ? (
            <p className="govuk-body govuk-hint">None recorded.</p>
          ) : (
            group.risks.map((risk) => <div key={risk.id}>{renderRisk ? renderRisk(risk) : <RiskCard risk={risk} headingLevel={headingLevel === 2 ? 3 : headingLevel === 3 ? 4 : 5} />}</div>)
          )}
        </section>
      ))}
    </>
  );
}
