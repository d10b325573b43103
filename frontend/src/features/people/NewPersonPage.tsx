import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Checkboxes, DateInput, Select, TextInput, WarningText } from '../../components';
import { noDate, parseDateFields, type DateFields } from '../../lib/dates';
import { clientErrors, FormShell, saveErrors, text, useForm } from '../../lib/forms';
import type { FieldIds } from '../../lib/graphqlErrors';
import { isValidNhsNumber, nhsDigits, normalisePostcode } from '../../lib/identity';
import { PersonMatches, emergencyAccessHref, type PersonMatch } from './components/PersonMatches';
import { CreatePersonMutation, FindPeopleQuery, NewPersonViewerQuery } from './documents';

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
  /** The practitioner checked the likely duplicates and this is someone new. */
  confirmedNew: boolean;
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
  ['confirmedNew', 'confirmedNew'],
];

/** What the duplicate check searched for: a new check when any of it changes. */
const checkKey = (v: NewPersonValues) => JSON.stringify([v.legalName.trim().toLowerCase(), v.dateOfBirth, nhsDigits(v.nhsNumber)]);

/** /people/new: a new referral, on the practitioner's team and (by default) allocated to them. */
export function NewPersonPage() {
  const navigate = useNavigate();
  const [viewer] = useQuery({ query: NewPersonViewerQuery });
  const [, create] = useMutation(CreatePersonMutation);
  const client = useClient();
  // Likely duplicates found for the details as last checked.
  const [duplicates, setDuplicates] = useState<{ key: string; matches: PersonMatch[] } | null>(null);
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
    confirmedNew: false,
  };
  /** People already known with this NHS number, or this name and date of birth. */
  const likelyDuplicates = async (v: NewPersonValues, dateOfBirth: string): Promise<PersonMatch[]> => {
    const search = (text: string, dateOfBirth: string | null) =>
      client.query(FindPeopleQuery, { text, dateOfBirth, first: 5 }, { requestPolicy: 'network-only' }).toPromise();
    const searches = [search(v.legalName.trim(), dateOfBirth)];
    if (v.nhsNumber.trim()) searches.push(search(nhsDigits(v.nhsNumber), null));
    const found = new Map<string, PersonMatch>();
    // A search that fails does not stop the referral: the server still refuses a known NHS number.
    for (const result of await Promise.all(searches)) for (const match of result.data?.findPeople ?? []) found.set(match.personID, match);
    return [...found.values()];
  };
  const validate = (v: NewPersonValues) => {
    const dob = parseDateFields(v.dateOfBirth, 'Date of birth');
    return clientErrors(fieldIds, {
      legalName: v.legalName.trim() ? null : 'Enter their full name',
      preferredName: v.preferredName.trim() ? null : 'Enter the name they like to be called',
      dateOfBirth: 'error' in dob ? dob.error : dob.value === null ? 'Enter their date of birth' : null,
      nhsNumber: v.nhsNumber.trim() && !isValidNhsNumber(v.nhsNumber) ? 'Enter a valid NHS number: 10 digits, like 943 476 5919. The last digit is a check digit, so check each digit against the letter or record it came from' : null,
      postcode: v.postcode.trim() && !normalisePostcode(v.postcode) ? 'Enter a real postcode, like LA9 4QT' : null,
      confirmedNew:
        duplicates && duplicates.key === checkKey(v) && duplicates.matches.length > 0 && !v.confirmedNew
          ? 'Open the record of the person already known, or confirm this is someone new'
          : null,
    });
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, async (v) => {
    const dob = parseDateFields(v.dateOfBirth, 'Date of birth');
    const teamID = v.teamID || teams[0]?.id || '';
    const dateOfBirth = 'value' in dob && dob.value ? dob.value : '';
    // Before saving, once for these details: is this someone already known?
    if (duplicates?.key !== checkKey(v)) {
      const matches = await likelyDuplicates(v, dateOfBirth);
      setDuplicates({ key: checkKey(v), matches });
      if (matches.length > 0) {
        set('confirmedNew', false);
        return null;
      }
    }
    const result = await create({
      input: {
        legalName: v.legalName.trim(),
        preferredName: v.preferredName.trim(),
        dateOfBirth,
        teamID,
        nhsNumber: text(nhsDigits(v.nhsNumber)),
        address: text(v.address),
        postcode: v.postcode.trim() ? normalisePostcode(v.postcode) : null,
        referralSource: text(v.referralSource),
        ...(v.allocateToMe && account && { allocatedPractitionerID: account.id }),
      },
    });
    const problems = saveErrors(result, fieldIds);
    if (!problems && result.data) navigate(`/people/${result.data.createPerson.id}`);
    return problems;
  });
  const known = duplicates && duplicates.key === checkKey(values) && duplicates.matches.length > 0 ? duplicates.matches : null;
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
      {known && (
        <div className="govuk-!-margin-bottom-6">
          <WarningText>This may be someone already known: {known.map((m) => m.name).join(', ')}. Open their record, or ask for access to it, instead of adding them again.</WarningText>
          <PersonMatches caption="People already known" matches={known} onAskForAccess={(m) => navigate(emergencyAccessHref(m), { state: { name: m.name } })} cardHeadingLevel={2} />
          <Checkboxes
            name="confirmedNew"
            legend="Is this someone new?"
            legendSize="s"
            error={errors.fields.confirmedNew}
            value={values.confirmedNew ? ['yes'] : []}
            onChange={(v) => set('confirmedNew', v.includes('yes'))}
            items={[{ value: 'yes', label: 'I have checked: this is someone new, not one of the people above' }]}
          />
        </div>
      )}
    </FormShell>
  );
}
