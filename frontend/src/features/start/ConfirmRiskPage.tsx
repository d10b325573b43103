import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button, ButtonGroup, ErrorSummary, InsetText, Link, SummaryList, Textarea } from '../../components';
import { formatInstantDate, humanise } from '../../lib/format';
import { hasErrors, type FieldIds } from '../../lib/graphqlErrors';
import { actionErrors, clientErrors, useAction, type SavedState } from '../../lib/forms';
import { usePageTitle } from '../../lib/usePageTitle';
import { ConfirmRiskMutation, RiskToConfirmQuery } from './documents';

const fieldIds: FieldIds = [
  ['checked', 'checked'],
  ['mitigationChecked', 'checked'],
];

/**
 * /risks/:riskId/confirm: the registered manager confirms a risk to the
 * worker is mitigated (R31). First what they checked, then a "check your
 * answers" step, because a confirmation lets reablement start and is given
 * once.
 */
export function ConfirmRiskPage() {
  const { riskId = '' } = useParams();
  const navigate = useNavigate();
  const [result] = useQuery({ query: RiskToConfirmQuery, variables: { id: riskId }, requestPolicy: 'cache-and-network' });
  const [, confirm] = useMutation(ConfirmRiskMutation);
  const action = useAction();
  const [checked, setChecked] = useState('');
  const [step, setStep] = useState<'what' | 'check'>('what');
  const title = step === 'what' ? 'What did you check?' : 'Check your answers before confirming';
  usePageTitle(title, hasErrors(action.errors));
  const node = result.data?.node;
  const risk = node?.__typename === 'Risk' ? node : null;
  if (!risk) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading the risk…' : 'There is no risk at this address, or none you have a basis to see.'}
      </p>
    );
  }
  const who = risk.plan.person.preferredName ?? 'the person';
  const caption = `${risk.plan.person.preferredName ? `${risk.plan.person.preferredName}'s plan` : 'Plan'}, version ${risk.plan.version}`;
  if (risk.mitigationConfirmedAt) {
    return (
      <>
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">This risk to the worker is confirmed</h1>
        <p className="govuk-body">
          Confirmed {formatInstantDate(risk.mitigationConfirmedAt)}
          {risk.mitigationChecked ? `. Checked: ${risk.mitigationChecked}` : ''}.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/due">
            Back to what is due
          </Link>
        </p>
      </>
    );
  }
  const riskRows = [
    { key: 'Risk to the worker', value: risk.description ?? '' },
    ...(risk.strategy ? [{ key: 'How it is managed', value: risk.strategy }] : []),
    { key: 'Likelihood', value: humanise(risk.likelihood ?? '') },
    {
      key: 'Environment risk assessment',
      value: risk.environmentAssessmentDoneAt
        ? `Done ${formatInstantDate(risk.environmentAssessmentDoneAt)}${risk.environmentAssessmentFindings ? `: ${risk.environmentAssessmentFindings}` : ''}`
        : risk.environmentAssessmentRequired
          ? 'Needed, not done yet'
          : 'Not needed',
    },
  ];
  const assessmentMissing = Boolean(risk.environmentAssessmentRequired && !risk.environmentAssessmentDoneAt);
  if (step === 'what') {
    return (
      <>
        <span className="govuk-caption-l">{caption}</span>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const local = clientErrors(fieldIds, { checked: checked.trim() ? null : 'Say what you checked before confirming the risk is mitigated' });
            action.setErrors(local);
            if (!hasErrors(local)) setStep('check');
          }}
        >
          <ErrorSummary errors={action.errors.summary} description={action.errors.problem?.message} />
          <h1 className="govuk-heading-l">Confirm a risk to the worker is mitigated</h1>
          <SummaryList rows={riskRows} />
          {assessmentMissing ? (
            <InsetText>The environment risk assessment must be recorded before you can confirm. Ask the practitioner for {who} to record it.</InsetText>
          ) : (
            <>
              <Textarea
                id="checked"
                label="What did you check?"
                labelSize="m"
                hint="For example, what you saw at the home, the equipment, the training the workers hold."
                rows={4}
                value={checked}
                error={action.errors.fields.checked ?? action.errors.fields.mitigationChecked}
                onChange={(e) => setChecked(e.currentTarget.value)}
              />
              <Button>Continue</Button>
            </>
          )}
        </form>
        <p className="govuk-body">
          <Link className="govuk-link" href="/due">
            Back to what is due
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={action.errors.summary} description={action.errors.problem?.message} />
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">Check your answers before confirming</h1>
      <SummaryList
        rows={[
          ...riskRows,
          { key: 'What you checked', value: checked.trim() },
        ]}
      />
      <h2 className="govuk-heading-m">Now confirm the risk is mitigated</h2>
      <p className="govuk-body">By confirming, you say as registered manager that this risk to the worker is mitigated, so reablement can start. You confirm it once.</p>
      <ButtonGroup>
        <Button
          type="button"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              const errors = actionErrors(await confirm({ id: risk.id, checked: checked.trim() }), fieldIds);
              if (!errors) navigate('/due', { state: { saved: `The risk to the worker is confirmed for ${who}` } satisfies SavedState });
              else if (errors.fields.checked || errors.fields.mitigationChecked) setStep('what');
              return errors;
            })
          }
        >
          Confirm the risk is mitigated
        </Button>
        <Button type="button" variant="secondary" onClick={() => setStep('what')}>
          Change what you checked
        </Button>
      </ButtonGroup>
    </>
  );
}
