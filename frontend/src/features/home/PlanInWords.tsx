import type { HomePlanQuery } from '../../gql/graphql';
import { Tag } from '../../components';
import { formatDate, formatMinutes, formatVisitTime } from '../../lib/format';
import { firstName, goalWords, stepWords } from './words';

export type HomePlan = Extract<NonNullable<HomePlanQuery['node']>, { __typename?: 'Plan' }>;
export type HomeVisit = NonNullable<NonNullable<NonNullable<HomePlanQuery['visits']>['edges']>[number]>['node'];

/**
 * The parts of a plan its holder may see, in plain words: goals and their
 * steps, visits, what the worker does, other help, and what could get in
 * the way. Sections not shared are simply not there (the query asked only
 * for those shared). Used by the home and the printable copy.
 */
export function PlanInWords({ plan, visits, whose, print = false }: { plan: HomePlan; visits: readonly NonNullable<HomeVisit>[] | null; whose: 'your' | 'their'; print?: boolean }) {
  const you = whose === 'your' ? 'you' : 'they';
  const goals = (plan.outcomes?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const risks = (plan.risks ?? []).filter((r) => r.kind !== 'TO_WORKER');
  return (
    <>
      {plan.outcomes && (
        <section aria-labelledby={`goals-${plan.id}`}>
          <h2 className="govuk-heading-m" id={`goals-${plan.id}`}>
            {whose === 'your' ? 'Your goals' : 'Their goals'}
          </h2>
          {goals.length === 0 ? (
            <p className="govuk-body">No goals have been written down yet.</p>
          ) : (
            goals.map((goal, index) => (
              <div key={goal.id} className="app-home-goal">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  Goal {index + 1}: {goal.statement}
                </h3>
                <p className="govuk-body-s govuk-!-margin-bottom-2">
                  {goal.achievement && <>{goalWords[goal.achievement]}. </>}
                  {goal.targetDate && <>Aiming for {formatDate(goal.targetDate)}.</>}
                </p>
                {(goal.steps?.length ?? 0) > 0 && (
                  <ol className="govuk-list govuk-list--number" aria-label={`Steps towards goal ${index + 1}`}>
                    {[...(goal.steps ?? [])]
                      .sort((a, b) => a.position - b.position)
                      .map((step) => (
                        <li key={step.id}>
                          {step.description}{' '}
                          {step.status && (
                            <Tag colour={stepWords[step.status].colour} className="app-home-tag">
                              {stepWords[step.status].text}
                            </Tag>
                          )}
                        </li>
                      ))}
                  </ol>
                )}
              </div>
            ))
          )}
        </section>
      )}
      {(plan.visitFrequency !== undefined || visits) && (
        <section aria-labelledby={`visits-${plan.id}`}>
          <h2 className="govuk-heading-m" id={`visits-${plan.id}`}>
            {whose === 'your' ? 'Your visits' : 'Their visits'}
          </h2>
          {plan.visitFrequency && (
            <p className="govuk-body">
              How often: {plan.visitFrequency}
              {plan.visitDurationMinutes ? `, for about ${formatMinutes(plan.visitDurationMinutes)} each time` : ''}.
            </p>
          )}
          {plan.plannedEnd && <p className="govuk-body">Reablement is planned to end by {formatDate(plan.plannedEnd)}.</p>}
          {!print &&
            (visits && visits.length > 0 ? (
              <>
                <h3 className="govuk-heading-s">Next visits</h3>
                <ul className="govuk-list govuk-list--bullet">
                  {visits.map((v) => (
                    <li key={v.id}>
                      {formatVisitTime(v.startsAt)}
                      {v.durationMinutes ? ` for ${formatMinutes(v.durationMinutes)}` : ''}
                      {v.worker ? ` with ${firstName(v.worker.displayName)}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="govuk-body">No visits are booked yet.</p>
            ))}
        </section>
      )}
      {plan.workerTasks !== undefined && (
        <section aria-labelledby={`worker-${plan.id}`}>
          <h2 className="govuk-heading-m" id={`worker-${plan.id}`}>
            What {whose} reablement worker will do
          </h2>
          <p className="govuk-body app-pre-line">{plan.workerTasks || 'Not written down yet.'}</p>
          {plan.fluctuatingNeeds && (
            <>
              <h3 className="govuk-heading-s">On a bad day</h3>
              <p className="govuk-body app-pre-line">{plan.fluctuatingNeeds}</p>
            </>
          )}
        </section>
      )}
      {plan.otherSupport !== undefined && (
        <section aria-labelledby={`other-${plan.id}`}>
          <h2 className="govuk-heading-m" id={`other-${plan.id}`}>
            Other help
          </h2>
          <p className="govuk-body app-pre-line">{plan.noOtherSupport ? `No other help is needed at the moment.` : plan.otherSupport || 'Not written down yet.'}</p>
        </section>
      )}
      {plan.risks && (
        <section aria-labelledby={`risks-${plan.id}`}>
          <h2 className="govuk-heading-m" id={`risks-${plan.id}`}>
            Things that could get in the way
          </h2>
          {risks.length === 0 ? (
            <p className="govuk-body">Nothing has been written down.</p>
          ) : (
            risks.map((risk) => (
              <div key={risk.id} className="app-home-goal">
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{risk.description}</p>
                {risk.strategy && <p className="govuk-body govuk-!-margin-bottom-1">What we agreed: {risk.strategy}</p>}
                {(risk.contingencies ?? []).map((c) => (
                  <p key={c.id} className="govuk-body govuk-!-margin-bottom-1">
                    If {c.trigger?.replace(/^if /i, '')}: {c.measures}
                    {c.whoActs ? ` (${c.whoActs})` : ''}
                  </p>
                ))}
              </div>
            ))
          )}
        </section>
      )}
      {(plan.reviewFrequency !== undefined || plan.firstReviewDue) && (
        <section aria-labelledby={`review-${plan.id}`}>
          <h2 className="govuk-heading-m" id={`review-${plan.id}`}>
            Checking how it is going
          </h2>
          <p className="govuk-body">
            {plan.firstReviewDue ? `The first review, when ${you} talk about how it is going, is due by ${formatDate(plan.firstReviewDue)}.` : ''}
            {plan.reviewFrequency ? ` After that: ${plan.reviewFrequency}.` : ''}
          </p>
        </section>
      )}
    </>
  );
}
