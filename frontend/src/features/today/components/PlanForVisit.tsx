import { stepStatuses } from '../labels';
import { currentSteps, outcomesOf, type TodayPlan } from '../types';

/** The plan's outcomes with the steps being worked on, and what the worker does. */
export function PlanForVisit({ plan, headingLevel = 3, showFluctuating = false }: { plan: TodayPlan; headingLevel?: 2 | 3 | 4; showFluctuating?: boolean }) {
  const Heading = `h${headingLevel}` as const;
  const outcomes = outcomesOf(plan);
  return (
    <>
      <Heading className="govuk-heading-s govuk-!-margin-bottom-2">Outcomes and steps to work on</Heading>
      {outcomes.length === 0 ? (
        <p className="govuk-body">No outcomes recorded.</p>
      ) : (
        <ol className="govuk-list app-outcomes">
          {outcomes.map((outcome) => {
            const steps = currentSteps(outcome);
            return (
              <li key={outcome.id} className="app-outcomes__outcome">
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">“{outcome.statement || 'Outcome'}”</p>
                {steps.length === 0 ? (
                  <p className="govuk-body govuk-hint">Every step is done.</p>
                ) : (
                  <ul className="govuk-list govuk-list--bullet">
                    {steps.map((step) => (
                      <li key={step.id}>
                        {step.description || 'Step'} <span className="govuk-hint app-inline-hint">({stepStatuses[step.status as keyof typeof stepStatuses] ?? 'Not started'})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <Heading className="govuk-heading-s govuk-!-margin-bottom-2">What you do</Heading>
      <p className="govuk-body app-pre-line">{plan.workerTasks || 'Not recorded.'}</p>
      {showFluctuating && (
        <>
          <Heading className="govuk-heading-s govuk-!-margin-bottom-2">On a bad day</Heading>
          <p className="govuk-body app-pre-line">{plan.fluctuatingNeeds || 'No fluctuating-needs agreement recorded.'}</p>
        </>
      )}
    </>
  );
}
