import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation } from 'urql';
import { Link, Radios, Textarea } from '../../components';
import type { FieldIds } from '../../lib/graphqlErrors';
import { clientErrors, FormShell, saveErrors, text, useForm } from '../../lib/forms';
import { usePageTitle } from '../../lib/usePageTitle';
import { AskForChangeMutation, AskForReviewMutation } from './documents';
import { useOwnHome } from './useHomePlans';
import { askingAs } from './words';

interface Asking {
  about: string;
  what: string;
  why: string;
}

const fieldIds: FieldIds = [
  ['about', 'about'],
  ['reason', 'what'],
  ['what', 'what'],
  ['details', 'why'],
  ['why', 'why'],
];

function validate(values: Asking) {
  return clientErrors(fieldIds, {
    about: values.about ? null : 'Select what you want to ask for',
    what: values.about === 'change' && !values.what ? 'Select what is wrong with the plan' : null,
    why: values.why.trim() ? null : values.about === 'change' ? 'Tell us what should change' : 'Tell us why you want a review',
  });
}

/**
 * /home/plans/:planId/ask: the person (or a carer, or an advocate for a
 * change) asks for a review (R12) or a change to the plan (R25) with a
 * reason. It goes to the practitioner's due list; the answer shows on the
 * home. The server decides who may ask.
 */
export function AskPage() {
  const { planId = '' } = useParams();
  const { me } = useOwnHome();
  const [, askReview] = useMutation(AskForReviewMutation);
  const [, askChange] = useMutation(AskForChangeMutation);
  const [sent, setSent] = useState<string | null>(null);
  const as = askingAs(me?.roles ?? []);
  const { values, set, errors, submitting, submit } = useForm<Asking>({ about: '', what: '', why: '' }, validate, async (v) => {
    const why = text(v.why) ?? '';
    if (v.about === 'review') {
      const result = await askReview({ input: { planID: planId, kind: 'UNPLANNED', requestedBy: as === 'CARER' ? 'CARER' : 'PERSON', reason: why } });
      const failed = saveErrors(result, fieldIds);
      if (!failed) setSent('review');
      return failed;
    }
    const result = await askChange({
      input: { planID: planId, requestedBy: as, reason: v.what === 'missing' ? 'MISSING_INFORMATION' : 'MISINTERPRETATION', details: why },
    });
    const failed = saveErrors(result, fieldIds);
    if (!failed) setSent('change');
    return failed;
  });
  usePageTitle(sent ? 'Request sent' : 'Ask for a review or a change');

  if (sent) {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Request sent</h1>
        </div>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          Your practitioner will look at your request for {sent === 'review' ? 'a review' : 'a change to the plan'} and tell you what they decide. You will see
          their answer on your home page.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/home">
            Go back to your home page
          </Link>
        </p>
      </>
    );
  }

  const items = [
    { value: 'review', label: 'A review of the plan', hint: 'Talk about how it is going, for example if things have changed.' },
    { value: 'change', label: 'A change to the plan', hint: 'Something is missing from the plan, or something in it is wrong.' },
  ].filter((item) => !(as === 'ADVOCATE' && item.value === 'review'));

  return (
    <FormShell
      heading="Ask for a review or a change"
      hint={<p className="govuk-body">Your practitioner will look at what you ask and tell you their answer.</p>}
      errors={errors}
      submitting={submitting}
      submitLabel="Send your request"
      cancelHref="/home"
      onSubmit={() => void submit()}
    >
      <Radios name="about" legend="What do you want to ask for?" legendSize="m" items={items} value={values.about} onChange={(v) => set('about', v)} error={errors.fields.about} />
      {values.about === 'change' && (
        <Radios
          name="what"
          legend="What is wrong with the plan?"
          legendSize="s"
          items={[
            { value: 'missing', label: 'Something is missing' },
            { value: 'wrong', label: 'Something is wrong, or has been misunderstood' },
          ]}
          value={values.what}
          onChange={(v) => set('what', v)}
          error={errors.fields.what ?? errors.fields.reason}
        />
      )}
      <Textarea
        id="why"
        label={values.about === 'change' ? 'What should change?' : 'Why do you want to ask?'}
        labelSize="s"
        hint="Use your own words."
        value={values.why}
        onChange={(event) => set('why', event.target.value)}
        error={errors.fields.why ?? errors.fields.details}
      />
    </FormShell>
  );
}
