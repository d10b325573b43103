import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Checkboxes, DateInput, Select, TextInput } from '../../components';
import { noDate, parseDateFields, type DateFields } from '../../lib/dates';
import { clientErrors, FormShell, saveErrors, text, useForm } from '../../lib/forms';
import type { FieldIds } from '../../lib/graphqlErrors';
import { CreatePersonMutation, NewPersonViewerQuery } from './documents';

interface NewPersonValues {
  legalName: string;
  preferredName: string;
  dateOfBirth: DateFields;
  nhsNumber: string;
  address: string;
  postcode: string;
  referralSource: string;
  teamID: string;
  allocateToMe: boolean;
}

const fieldIds: FieldIds = [
  ['legalName', 'legalName'],
  ['preferredName', 'preferredName'],
  ['dateOfBirth', 'dateOfBirth-day'],
  ['nhsNumber', 'nhsNumber'],
  ['address', 'address'],
  ['postcode', 'postcode'],
  ['referralSource', 'referralSource'],
  ['teamID', 'teamID'],
];

/** /people/new: a new referral, on the practitioner's team and (by default) allocated to them. */
export function NewPersonPage() {
  const navigate = useNavigate();
  const [viewer] = useQuery({ query: NewPersonViewerQuery });
  const [, create] = useMutation(CreatePersonMutation);
  const account = viewer.data?.me.account;
  const teams = account?.teams ?? [];
  const initial: NewPersonValues = {
    legalName: '',
    preferredName: '',
    dateOfBirth: noDate,
    nhsNumber: '',
    address: '',
    postcode: '',
    referralSource: '',
    teamID: '',
    allocateToMe: true,
  };
  const validate = (v: NewPersonValues) => {
    const dob = parseDateFields(v.dateOfBirth, 'Date of birth');
    return clientErrors(fieldIds, {
      legalName: v.legalName.trim() ? null : 'Enter their full name',
      preferredName: v.preferredName.trim() ? null : 'Enter the name they like to be called',
      dateOfBirth: 'error' in dob ? dob.error : dob.value === null ? 'Enter their date of birth' : null,
    });
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, async (v) => {
    const dob = parseDateFields(v.dateOfBirth, 'Date of birth');
    const teamID = v.teamID || teams[0]?.id || '';
    const result = await create({
      input: {
        legalName: v.legalName.trim(),
        preferredName: v.preferredName.trim(),
        dateOfBirth: 'value' in dob && dob.value ? dob.value : '',
        teamID,
        nhsNumber: text(v.nhsNumber),
        address: text(v.address),
        postcode: text(v.postcode),
        referralSource: text(v.referralSource),
        ...(v.allocateToMe && account && { allocatedPractitionerID: account.id }),
      },
    });
    const problems = saveErrors(result, fieldIds);
    if (!problems && result.data) navigate(`/people/${result.data.createPerson.id}`);
    return problems;
  });
  return (
    <FormShell heading="Add a person" hint={<p className="govuk-body">A new referral. You can record their needs and start a draft plan next.</p>} errors={errors} submitting={submitting} submitLabel="Add the person" cancelHref="/caseload" onSubmit={submit}>
      <TextInput id="legalName" label="Full name" labelSize="s" autoComplete="off" value={values.legalName} error={errors.fields.legalName} onChange={(e) => set('legalName', e.currentTarget.value)} />
      <TextInput id="preferredName" label="The name they like to be called" labelSize="s" autoComplete="off" value={values.preferredName} error={errors.fields.preferredName} onChange={(e) => set('preferredName', e.currentTarget.value)} />
      <DateInput id="dateOfBirth" legend="Date of birth" legendSize="s" hint="For example, 27 3 1941" value={values.dateOfBirth} error={errors.fields.dateOfBirth} onChange={(d) => set('dateOfBirth', d)} />
      <TextInput id="nhsNumber" label="NHS number (optional)" labelSize="s" width={10} inputMode="numeric" value={values.nhsNumber} error={errors.fields.nhsNumber} onChange={(e) => set('nhsNumber', e.currentTarget.value)} />
      <TextInput id="address" label="Home address (optional)" labelSize="s" value={values.address} error={errors.fields.address} onChange={(e) => set('address', e.currentTarget.value)} />
      <TextInput id="postcode" label="Postcode (optional)" labelSize="s" width={10} value={values.postcode} error={errors.fields.postcode} onChange={(e) => set('postcode', e.currentTarget.value)} />
      <TextInput id="referralSource" label="Who referred them (optional)" labelSize="s" hint="For example, “Ward 7, Kentmere General”: they are told if the person does not wish to proceed (R14)." value={values.referralSource} error={errors.fields.referralSource} onChange={(e) => set('referralSource', e.currentTarget.value)} />
      {teams.length > 1 && (
        <Select
          id="teamID"
          label="Team"
          labelSize="s"
          value={values.teamID || teams[0]?.id || ''}
          error={errors.fields.teamID}
          onChange={(e) => set('teamID', e.currentTarget.value)}
          options={teams.map((t) => ({ value: t.id, text: t.name }))}
        />
      )}
      <Checkboxes
        name="allocateToMe"
        legend="Allocation"
        legendSize="s"
        small
        value={values.allocateToMe ? ['yes'] : []}
        onChange={(v) => set('allocateToMe', v.includes('yes'))}
        items={[{ value: 'yes', label: 'Allocate them to me' }]}
      />
    </FormShell>
  );
}
