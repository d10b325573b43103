import { WarningText } from '../../../components';
import { formatInstantDate } from '../../../lib/format';
import { riskCategories } from '../labels';
import type { TodayRisk } from '../types';
import { Contingencies } from './OtherRisks';

/**
 * Risks to the worker (R31), first and in warning text: what the risk is,
 * how it is managed, whether a registered manager has confirmed the
 * mitigation, and what to do if it happens.
 */
export function WorkerRisks({ risks }: { risks: readonly TodayRisk[] }) {
  if (risks.length === 0) return null;
  return (
    <div className="app-worker-risks">
      {risks.map((risk) => (
        <div key={risk.id} className="app-worker-risk">
          <WarningText iconFallbackText="Risk to you">
            Risk to you{risk.category ? ` (${(riskCategories[risk.category] ?? risk.category).toLowerCase()})` : ''}: {risk.description || 'not described'}
          </WarningText>
          <dl className="app-facts">
            <dt>How it is managed</dt>
            <dd>{risk.strategy || 'Not recorded: ask the office before going in.'}</dd>
            <dt>Mitigation</dt>
            <dd>
              {risk.mitigationConfirmedAt
                ? `Confirmed by a registered manager on ${formatInstantDate(risk.mitigationConfirmedAt)}`
                : 'Not yet confirmed by a registered manager'}
            </dd>
            {risk.environmentAssessmentRequired && (
              <>
                <dt>Environment risk assessment</dt>
                <dd>{risk.environmentAssessmentDoneAt ? `Done ${formatInstantDate(risk.environmentAssessmentDoneAt)}` : 'Needed: not done yet'}</dd>
              </>
            )}
          </dl>
          <Contingencies risk={risk} />
        </div>
      ))}
    </div>
  );
}
