import { useLocation, useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { Textarea, TextInput, WarningText } from '../../components';
import { clientErrors, FormShell, saveErrors, useForm } from '../../lib/forms';
import type { FieldIds } from '../../lib/graphqlErrors';
import { RequestEmergencyAccessMutation } from './documents';

interface Values {
  reason: string;
  hours: string;
}

const fieldIds: FieldIds = [
  ['reason', 'reason'],
  ['hours', 'hours'],
  // The API names the end of the access; the form asks for hours.
  ['expiresAt', 'hours'],
];

/** The longest emergency access lasts before it must be asked for again (ent/rule). */
const maxHours = 24;

/**
 * /people/:personId/emergency-access: time-limited access to one record
 * outside the caseload, with a reason (Caldicott principle 1). The access
 * and everything seen under it are flagged for review. On success the
 * record opens.
 */
export function EmergencyAccessPage() {
  const { personId = '' } = useParams();
  const navigate = useNavigate();
  const state: unknown = useLocation().state;
  const name = state && typeof state === 'object' && 'name' in state && typeof state.name === 'string' ? state.name : null;
  const [, request] = useMutation(RequestEmergencyAccessMutation);
  const validate = (v: Values) => {
    const hours = Number(v.hours);
    return clientErrors(fieldIds, {
      reason: v.reason.trim().length >= 10 ? null : 'Say why you need access now, in a sentence',
      hours: /^\d+$/.test(v.hours.trim()) && hours >= 1 && hours <= maxHours ? null : `Enter a number of hours from 1 to ${maxHours}`,
    });
  };
  const { values, set, errors, submitting, submit } = useForm<Values>({ reason: '', hours: '4' }, validate, async (v) => {
    const result = await request({ personID: personId, reason: v.reason.trim(), hours: Number(v.hours) }, { additionalTypenames: ['Person'] });
    const problems = saveErrors(result, fieldIds);
    if (!problems) navigate(`/people/${personId}`, { state: { fresh: true } });
    return problems;
  });
  return (
    <FormShell
      heading="Ask for emergency access"
      caption={name ?? undefined}
      hint={
        <>
          <p className="govuk-body">Use this only when you need the record now and cannot wait for the person to be allocated or transferred to you.</p>
          <WarningText>Your access, your reason and everything you see are recorded and reviewed by information governance.</WarningText>
        </>
      }
      errors={errors}
      submitting={submitting}
      submitLabel="Get access and open the record"
      cancelHref="/people/find"
      onSubmit={submit}
    >
      <Textarea id="reason" label="Why do you need access now?" labelSize="s" hint="For example, “The hospital ward needs to know about support at home before discharge tonight.”" rows={4} value={values.reason} error={errors.fields.reason} onChange={(e) => set('reason', e.currentTarget.value)} />
      <TextInput id="hours" label="For how many hours?" labelSize="s" hint={`At most ${maxHours}. You can ask again when it ends.`} width={3} inputMode="numeric" value={values.hours} error={errors.fields.hours} onChange={(e) => set('hours', e.currentTarget.value)} />
    </FormShell>
  );
}
