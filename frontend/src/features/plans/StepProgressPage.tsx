import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { BackLink, Button, ErrorSummary, NotificationBanner, Radios, SummaryList } from '../../components';
import { graphql } from '../../gql';
import type { OutcomeStepStatus } from '../../gql/graphql';
import { formatInstantDate, formatTime } from '../../lib/format';
import { formErrorsFrom, noErrors, type FormErrors } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';

/** An outcome's steps with the progress recorded at visits: who, when, what. */
export const OutcomeProgressQuery = graphql(`
  query OutcomeProgress($id: ID!) {
    node(id: $id) {
      id
      ... on Outcome {
        statement
        steps {
          id
          description
          position
          status
          progress {
            id
            stepStatus
            createdAt
            visit {
              id
              startsAt
              worker {
                displayName
              }
            }
          }
        }
      }
    }
  }
`);

/** The practitioner corrects a step's status (a visit's record moved it, issue 13). */
export const CorrectStepStatusMutation = graphql(`
  mutation CorrectStepStatus($id: ID!, $input: UpdateOutcomeStepInput!) {
    updateOutcomeStep(id: $id, input: $input) {
      id
      status
    }
  }
`);

const statusWords: Record<string, string> = { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', DONE: 'Done' };

type Step = { id: string; description?: string | null; status?: string | null; progress?: ReadonlyArray<{ id: string; stepStatus?: string | null; createdAt: string; visit?: { startsAt: string; worker?: { displayName?: string | null } | null } | null }> | null };

/** One step: its status, each visit record that moved it (who and when), and the correction. */
function StepProgress({ step }: { step: Step }) {
  const [status, setStatus] = useState(step.status ?? 'NOT_STARTED');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  const [result, correct] = useMutation(CorrectStepStatusMutation);
  const records = [...(step.progress ?? [])].filter((p) => p.stepStatus).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const name = step.description || 'Step';
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`step-${step.id}`}>
      <h2 className="govuk-heading-m" id={`step-${step.id}`}>
        {name}
      </h2>
      <ErrorSummary errors={errors.summary} description={errors.problem?.message} />
      {saved && (
        <NotificationBanner type="success" title="Success">
          <p className="govuk-notification-banner__heading">The step is now {statusWords[status]?.toLowerCase() ?? status}.</p>
        </NotificationBanner>
      )}
      <SummaryList
        rows={
          records.length === 0
            ? [{ key: 'From visits', value: 'No visit has recorded progress on this step.' }]
            : records.map((p) => ({
                key: statusWords[p.stepStatus ?? ''] ?? p.stepStatus,
                value: `Recorded by ${p.visit?.worker?.displayName ?? 'a reablement worker'} at the visit on ${formatInstantDate(p.visit?.startsAt ?? p.createdAt)} at ${formatTime(p.visit?.startsAt ?? p.createdAt)}`,
              }))
        }
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          void correct({ id: step.id, input: { status: status as OutcomeStepStatus } }).then((r) => {
            const e = r.error ? formErrorsFrom(r.error, [['status', `status-${step.id}`]]) : noErrors;
            setErrors(e);
            setSaved(!r.error);
          });
        }}
      >
        <Radios
          name={`status-${step.id}`}
          legend={`Status of “${name}”`}
          legendSize="s"
          value={status}
          error={errors.fields.status}
          onChange={setStatus}
          items={Object.entries(statusWords).map(([value, label]) => ({ value, label }))}
        />
        <Button variant="secondary" disabled={result.fetching}>
          Correct the status<span className="govuk-visually-hidden"> of “{name}”</span>
        </Button>
      </form>
    </section>
  );
}

/**
 * /plans/:planId/outcomes/:outcomeId/progress: what visits recorded on
 * each step of an outcome, with who and when, and the practitioner's
 * correction when a record set the wrong status (issue 13). The API
 * decides whether the viewer may change the step.
 */
export function StepProgressPage() {
  const { planId = '', outcomeId = '' } = useParams();
  const [result] = useQuery({ query: OutcomeProgressQuery, variables: { id: outcomeId }, requestPolicy: 'cache-and-network' });
  const node = result.data?.node;
  const outcome = node && node.__typename === 'Outcome' ? node : null;
  usePageTitle('Progress from visits');
  if (!outcome) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading…' : 'This outcome could not be found, or it is not one you have a basis to see.'}
      </p>
    );
  }
  const steps = [...(outcome.steps ?? [])].sort((a, b) => a.position - b.position);
  return (
    <>
      <BackLink href={`/plans/${planId}`}>The plan</BackLink>
      <span className="govuk-caption-l">“{outcome.statement ?? 'Outcome'}”</span>
      <h1 className="govuk-heading-l">Progress from visits</h1>
      <p className="govuk-body">What workers recorded at visits moves a step's status. If a record set the wrong status, correct it here.</p>
      {steps.map((step) => (
        <StepProgress key={step.id} step={step} />
      ))}
    </>
  );
}
