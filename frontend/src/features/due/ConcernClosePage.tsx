import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { BackLink, InsetText, Radios, Textarea } from '../../components';
import type { ConcernSection42Decision } from '../../gql/graphql';
import { formatInstantDate, humanise } from '../../lib/format';
import { clientErrors, FormShell, saveErrors, text, useForm } from '../../lib/forms';
import type { FieldIds } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { CloseConcernMutation, ConcernQuery } from './documents';

const fieldIds: FieldIds = [
  ['actionsTaken', 'actionsTaken'],
  ['section42Decision', 'section42Decision'],
  ['outcome', 'outcome'],
];

interface Values {
  actionsTaken: string;
  section42Decision: string;
  outcome: string;
}

/**
 * /due/concerns/:concernId: close a concern raised at a visit, with what
 * was done recorded (issue 13). For safeguarding, also the decision about a
 * section 42 enquiry (Care Act 2014) and the outcome; the API refuses a
 * close that records less.
 */
export function ConcernClosePage() {
  const { concernId = '' } = useParams();
  const navigate = useNavigate();
  const [result] = useQuery({ query: ConcernQuery, variables: { id: concernId } });
  const [, close] = useMutation(CloseConcernMutation);
  const node = result.data?.node;
  const concern = node && node.__typename === 'Concern' ? node : null;
  const safeguarding = concern?.kind === 'SAFEGUARDING';
  const form = useForm<Values>(
    { actionsTaken: '', section42Decision: '', outcome: '' },
    (v) =>
      clientErrors(fieldIds, {
        actionsTaken: v.actionsTaken.trim() ? null : 'Say what was done about the concern',
        section42Decision: safeguarding && !v.section42Decision ? 'Say whether the council is making a section 42 enquiry' : null,
        outcome: safeguarding && !v.outcome.trim() ? 'Say how the concern ended for the person' : null,
      }),
    async (v) => {
      const saved = await close({
        input: {
          id: concernId,
          actionsTaken: v.actionsTaken.trim(),
          ...(safeguarding && { section42Decision: v.section42Decision as ConcernSection42Decision }),
          ...(text(v.outcome) && { outcome: text(v.outcome) }),
        },
      });
      const errors = saveErrors(saved, fieldIds);
      if (!errors) navigate('/due', { state: { closed: 'The concern is closed and what was done is recorded.' } });
      return errors;
    },
  );
  if (!concern) {
    return <Missing loading={!result.data} />;
  }
  const who = concern.visit?.plan.person.preferredName ?? 'the person';
  return (
    <>
      <BackLink href="/due">Due and overdue</BackLink>
      <FormShell
        heading="Record what was done and close the concern"
        caption={`${humanise(concern.kind ?? 'Concern')} concern about ${who}`}
        hint={
          <InsetText>
            Raised at a visit on {formatInstantDate(concern.createdAt)}: {concern.details ?? 'not shared with you'}
          </InsetText>
        }
        errors={form.errors}
        submitting={form.submitting}
        submitLabel="Close the concern"
        cancelHref="/due"
        onSubmit={() => void form.submit()}
      >
        <Textarea
          id="actionsTaken"
          label="What was done about it?"
          labelSize="s"
          hint="Who you spoke to, what you arranged, and when."
          rows={5}
          value={form.values.actionsTaken}
          error={form.errors.fields.actionsTaken}
          onChange={(event) => form.set('actionsTaken', event.currentTarget.value)}
        />
        {safeguarding && (
          <Radios
            name="section42Decision"
            legend="Is the council making a section 42 enquiry?"
            legendSize="s"
            hint="Care Act 2014, section 42: when an adult with care and support needs is at risk of abuse or neglect and cannot protect themselves."
            value={form.values.section42Decision || null}
            error={form.errors.fields.section42Decision}
            onChange={(value) => form.set('section42Decision', value)}
            items={[
              { value: 'ENQUIRY', label: 'Yes, an enquiry is being made' },
              { value: 'NO_ENQUIRY', label: 'No, the criteria are not met or other action is enough' },
            ]}
          />
        )}
        <Textarea
          id="outcome"
          label={safeguarding ? 'How did it end for the person?' : 'How did it end for the person? (optional)'}
          labelSize="s"
          rows={4}
          value={form.values.outcome}
          error={form.errors.fields.outcome}
          onChange={(event) => form.set('outcome', event.currentTarget.value)}
        />
      </FormShell>
    </>
  );
}

function Missing({ loading }: { loading: boolean }) {
  usePageTitle(loading ? 'Concern' : 'Concern not found');
  if (loading) {
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  }
  return (
    <>
      <BackLink href="/due">Due and overdue</BackLink>
      <h1 className="govuk-heading-l">Concern not found</h1>
      <p className="govuk-body">It may have been closed already, or it is not one routed to you.</p>
    </>
  );
}
