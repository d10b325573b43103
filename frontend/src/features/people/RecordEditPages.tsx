import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput } from '../../components';
import type { ContactKind, PersonAdvocacy, Role } from '../../gql/graphql';
import { dateFields, noDate, parseDateFields, type DateFields } from '../../lib/dates';
import { clientErrors, FormShell, saveErrors, text, useForm, type SavedState } from '../../lib/forms';
import type { FieldIds, FormErrors } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { dateAsInstant } from '../lifecycle/shared';
import { personName } from './components/PersonRecord';
import {
  CreateAdviceMutation,
  CreateCapacityAssessmentMutation,
  CreateCarerMutation,
  CreateContactMutation,
  FollowUpAdviceMutation,
  RecordDecisionMutation,
  UpdateCapacityAssessmentMutation,
  UpdateCarerMutation,
  UpdateContactMutation,
  UpdateNeedMutation,
  UpdatePersonMutation,
} from './documents';
import type { PersonData } from './types';
import { usePersonRecord } from './usePersonRecord';

/**
 * The pages that keep a person's record (issue 12, item 2): one question
 * page per part, each saving through the API's own mutation and going back
 * to the record with a banner. The server decides the rules (R22, R30,
 * R34); its refusals are shown beside the fields they are about.
 */

type Person = ReturnType<typeof usePersonRecord>['person'] & {};

/** Loads the person, then renders the page; loading and not-found read the same everywhere. */
function RecordPage({ children }: { children: (person: Person, me: NonNullable<ReturnType<typeof usePersonRecord>['me']>) => ReactNode }) {
  const { personId = '' } = useParams();
  const { result, person, me } = usePersonRecord(personId);
  if (person && me) return <>{children(person, me)}</>;
  return <Missing fetching={result.fetching} />;
}

function Missing({ fetching }: { fetching: boolean }) {
  usePageTitle(fetching ? 'Loading' : 'Not found');
  if (fetching) {
    return (
      <p className="govuk-body" role="status">
        Loading the record…
      </p>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">Not found</h1>
      <p className="govuk-body">There is no record at this address, or none you have a basis to change.</p>
    </>
  );
}

/** Back to the record with a banner saying what was saved. */
function useBackToRecord(person: { id: string }) {
  const navigate = useNavigate();
  return (saved: string, hash = '') => navigate(`/people/${person.id}${hash}`, { state: { saved } satisfies SavedState });
}

const caption = (person: PersonData) => personName(person) ?? 'Person';

/** A text field's change: its value, or clear it when left blank (the update inputs' clearX). */
function change<K extends string>(name: K, value: string): Record<string, string | boolean> {
  const trimmed = value.trim();
  return trimmed ? { [name]: trimmed } : { [`clear${name.charAt(0).toUpperCase()}${name.slice(1)}`]: true };
}

const yesNoItems = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const yn = (value: boolean | null | undefined) => (value ? 'yes' : 'no');

/* ------------------------------------------------------------------ */
/* The person's own details: personal, communication, capacity        */
/* ------------------------------------------------------------------ */

interface DetailsValues {
  preferredName: string;
  legalName: string;
  previousSurname: string;
  dateOfBirth: DateFields;
  nhsNumber: string;
  niNumber: string;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  visitAddress: string;
  accessNotes: string;
}

const detailsFieldIds: FieldIds = [
  ['preferredName', 'preferredName'],
  ['legalName', 'legalName'],
  ['previousSurname', 'previousSurname'],
  ['dateOfBirth', 'dateOfBirth-day'],
  ['nhsNumber', 'nhsNumber'],
  ['niNumber', 'niNumber'],
  ['address', 'address'],
  ['postcode', 'postcode'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['visitAddress', 'visitAddress'],
  ['accessNotes', 'accessNotes'],
];

/** /people/:personId/change/details: identity and how to reach and get in. */
export function PersonDetailsPage() {
  return <RecordPage>{(person) => <DetailsForm person={person} />}</RecordPage>;
}

function DetailsForm({ person }: { person: Person }) {
  const [, update] = useMutation(UpdatePersonMutation);
  const back = useBackToRecord(person);
  const initial: DetailsValues = {
    preferredName: person.preferredName ?? '',
    legalName: person.legalName ?? '',
    previousSurname: person.previousSurname ?? '',
    dateOfBirth: dateFields(person.dateOfBirth),
    nhsNumber: person.nhsNumber ?? '',
    niNumber: person.niNumber ?? '',
    address: person.address ?? '',
    postcode: person.postcode ?? '',
    phone: person.phone ?? '',
    email: person.email ?? '',
    visitAddress: person.visitAddress ?? '',
    accessNotes: person.accessNotes ?? '',
  };
  const validate = (v: DetailsValues) => {
    const dob = parseDateFields(v.dateOfBirth, 'Date of birth');
    return clientErrors(detailsFieldIds, {
      preferredName: v.preferredName.trim() ? null : 'Enter the name they like to be called',
      legalName: v.legalName.trim() ? null : 'Enter their full legal name',
      dateOfBirth: 'error' in dob ? dob.error : dob.value ? null : 'Enter their date of birth',
    });
  };
  const save = async (v: DetailsValues) => {
    const dob = parseDateFields(v.dateOfBirth, 'Date of birth');
    const result = await update({
      id: person.id,
      input: {
        preferredName: v.preferredName.trim(),
        legalName: v.legalName.trim(),
        ...('value' in dob && dob.value ? { dateOfBirth: dob.value } : {}),
        ...change('previousSurname', v.previousSurname),
        ...change('nhsNumber', v.nhsNumber),
        ...change('niNumber', v.niNumber),
        ...change('address', v.address),
        ...change('postcode', v.postcode),
        ...change('phone', v.phone),
        ...change('email', v.email),
        ...change('visitAddress', v.visitAddress),
        ...change('accessNotes', v.accessNotes),
      },
    });
    const errors = saveErrors(result, detailsFieldIds);
    if (!errors) back('Personal details saved');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  const input = (name: keyof Omit<DetailsValues, 'dateOfBirth'>, label: string, extra: { hint?: string; width?: 10 | 20; autoComplete?: string } = {}) => (
    <TextInput
      id={name}
      label={label}
      labelSize="s"
      value={values[name]}
      error={errors.fields[name]}
      onChange={(e) => set(name, e.currentTarget.value)}
      {...(extra.hint && { hint: extra.hint })}
      {...(extra.width && { width: extra.width })}
    />
  );
  return (
    <FormShell heading="Change personal details" caption={caption(person)} errors={errors} submitting={submitting} submitLabel="Save personal details" cancelHref={`/people/${person.id}`} onSubmit={submit}>
      {input('preferredName', 'Preferred name', { hint: 'What they like to be called.' })}
      {input('legalName', 'Full legal name')}
      {input('previousSurname', 'Previous surname (optional)')}
      <DateInput id="dateOfBirth" legend="Date of birth" legendSize="s" hint="For example, 27 3 1941" value={values.dateOfBirth} error={errors.fields.dateOfBirth} onChange={(v) => set('dateOfBirth', v)} isDateOfBirth />
      {input('nhsNumber', 'NHS number (optional)', { hint: '10 digits, like 943 476 5919.', width: 10 })}
      {input('niNumber', 'National Insurance number (optional)', { width: 10 })}
      <Textarea id="address" label="Home address (optional)" labelSize="s" rows={3} value={values.address} error={errors.fields.address} onChange={(e) => set('address', e.currentTarget.value)} />
      {input('postcode', 'Postcode (optional)', { width: 10 })}
      {input('phone', 'Telephone (optional)', { width: 20 })}
      {input('email', 'Email (optional)')}
      <Textarea
        id="visitAddress"
        label="Address for visits (optional)"
        labelSize="s"
        hint="Leave blank when visits are at the home address."
        rows={2}
        value={values.visitAddress}
        error={errors.fields.visitAddress}
        onChange={(e) => set('visitAddress', e.currentTarget.value)}
      />
      <Textarea
        id="accessNotes"
        label="Getting in (optional)"
        labelSize="s"
        hint="Key safe, parking, who answers the door."
        rows={2}
        value={values.accessNotes}
        error={errors.fields.accessNotes}
        onChange={(e) => set('accessNotes', e.currentTarget.value)}
      />
    </FormShell>
  );
}

interface CommunicationValues {
  communicationNeeds: string;
  preferredFormats: string;
  interpreter: 'yes' | 'no';
  interpreterLanguage: string;
  flags: string[];
}

const communicationFieldIds: FieldIds = [
  ['communicationNeeds', 'communicationNeeds'],
  ['preferredFormats', 'preferredFormats'],
  ['interpreterLanguage', 'interpreterLanguage'],
];

/** /people/:personId/change/communication: communication needs, formats (R4) and an interpreter. */
export function CommunicationPage() {
  return <RecordPage>{(person) => <CommunicationForm person={person} />}</RecordPage>;
}

function CommunicationForm({ person }: { person: Person }) {
  const [, update] = useMutation(UpdatePersonMutation);
  const back = useBackToRecord(person);
  const initial: CommunicationValues = {
    communicationNeeds: person.communicationNeeds ?? '',
    preferredFormats: person.preferredFormats ?? '',
    interpreter: person.interpreterLanguage?.trim() ? 'yes' : 'no',
    interpreterLanguage: person.interpreterLanguage ?? '',
    flags: [...(person.autism ? ['autism'] : []), ...(person.deafblind ? ['deafblind'] : [])],
  };
  const validate = (v: CommunicationValues) =>
    clientErrors(communicationFieldIds, {
      interpreterLanguage: v.interpreter === 'yes' && !v.interpreterLanguage.trim() ? 'Enter the language the interpreter speaks' : null,
    });
  const save = async (v: CommunicationValues) => {
    const result = await update({
      id: person.id,
      input: {
        ...change('communicationNeeds', v.communicationNeeds),
        ...change('preferredFormats', v.preferredFormats),
        ...change('interpreterLanguage', v.interpreter === 'yes' ? v.interpreterLanguage : ''),
        autism: v.flags.includes('autism'),
        deafblind: v.flags.includes('deafblind'),
      },
    });
    const errors = saveErrors(result, communicationFieldIds);
    if (!errors) back('Communication needs saved', '#communication');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  return (
    <FormShell heading="Change communication needs" caption={caption(person)} errors={errors} submitting={submitting} submitLabel="Save communication needs" cancelHref={`/people/${person.id}`} onSubmit={submit}>
      <Textarea
        id="communicationNeeds"
        label="How to communicate with them"
        labelSize="s"
        hint="For example, “Speak slowly and face her; she lip-reads”."
        rows={3}
        value={values.communicationNeeds}
        error={errors.fields.communicationNeeds}
        onChange={(e) => set('communicationNeeds', e.currentTarget.value)}
      />
      <TextInput
        id="preferredFormats"
        label="Formats they prefer for written material"
        labelSize="s"
        hint="For example, large print, easy read, audio. Their copy of the plan is given in these (R4)."
        value={values.preferredFormats}
        error={errors.fields.preferredFormats}
        onChange={(e) => set('preferredFormats', e.currentTarget.value)}
      />
      <Radios
        name="interpreter"
        legend="Do they need an interpreter?"
        legendSize="s"
        value={values.interpreter}
        onChange={(v) => set('interpreter', v as 'yes' | 'no')}
        items={[
          {
            value: 'yes',
            label: 'Yes',
            conditional: (
              <TextInput
                id="interpreterLanguage"
                label="Language"
                value={values.interpreterLanguage}
                error={errors.fields.interpreterLanguage}
                width={20}
                onChange={(e) => set('interpreterLanguage', e.currentTarget.value)}
              />
            ),
          },
          { value: 'no', label: 'No' },
        ]}
      />
      <Checkboxes
        name="flags"
        legend="Workers need particular training"
        legendSize="s"
        hint="Workers must hold the matching training (R32)."
        value={values.flags}
        onChange={(v) => set('flags', v)}
        items={[
          { value: 'autism', label: 'They are autistic' },
          { value: 'deafblind', label: 'They are deafblind' },
        ]}
      />
    </FormShell>
  );
}

interface CapacityValues {
  lacksCapacityForPlanning: string;
  substantialDifficulty: string;
  appropriatePerson: string;
  advocacy: PersonAdvocacy;
}

const capacityFieldIds: FieldIds = [
  ['lacksCapacityForPlanning', 'lacksCapacityForPlanning'],
  ['substantialDifficulty', 'substantialDifficulty'],
  ['appropriatePerson', 'appropriatePerson'],
  ['advocacy', 'advocacy'],
];

const advocacyItems: ReadonlyArray<{ value: PersonAdvocacy; label: string; hint?: string }> = [
  { value: 'NOT_NEEDED', label: 'Not needed' },
  { value: 'REFERRAL_WAITING', label: 'Needed: referral made, waiting for an advocate', hint: 'They appear on the due list until one is in place.' },
  { value: 'IN_PLACE', label: 'An independent advocate is in place' },
];

/** /people/:personId/change/capacity: capacity for planning, substantial difficulty and advocacy (R30). */
export function CapacityAdvocacyPage() {
  return <RecordPage>{(person) => <CapacityForm person={person} />}</RecordPage>;
}

function CapacityForm({ person }: { person: Person }) {
  const [, update] = useMutation(UpdatePersonMutation);
  const back = useBackToRecord(person);
  const initial: CapacityValues = {
    lacksCapacityForPlanning: yn(person.lacksCapacityForPlanning),
    substantialDifficulty: yn(person.substantialDifficulty),
    appropriatePerson: person.appropriatePerson ?? '',
    advocacy: (person.advocacy as PersonAdvocacy | null | undefined) ?? 'NOT_NEEDED',
  };
  const save = async (v: CapacityValues) => {
    const result = await update({
      id: person.id,
      input: {
        lacksCapacityForPlanning: v.lacksCapacityForPlanning === 'yes',
        substantialDifficulty: v.substantialDifficulty === 'yes',
        ...change('appropriatePerson', v.appropriatePerson),
        advocacy: v.advocacy,
      },
    });
    const errors = saveErrors(result, capacityFieldIds);
    if (!errors) back('Capacity and advocacy saved', '#capacity');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, () => clientErrors(capacityFieldIds, {}), save);
  return (
    <FormShell heading="Change capacity and advocacy" caption={caption(person)} errors={errors} submitting={submitting} submitLabel="Save capacity and advocacy" cancelHref={`/people/${person.id}`} onSubmit={submit}>
      <Radios
        name="lacksCapacityForPlanning"
        legend="Have they been assessed as lacking capacity to take part in planning decisions?"
        legendSize="s"
        hint="Record the assessment itself under capacity assessments."
        value={values.lacksCapacityForPlanning}
        error={errors.fields.lacksCapacityForPlanning}
        onChange={(v) => set('lacksCapacityForPlanning', v)}
        items={yesNoItems}
        inline
      />
      <Radios
        name="substantialDifficulty"
        legend="Would they have substantial difficulty being involved?"
        legendSize="s"
        hint="In understanding, retaining or weighing information, or saying what they want."
        value={values.substantialDifficulty}
        error={errors.fields.substantialDifficulty}
        onChange={(v) => set('substantialDifficulty', v)}
        items={yesNoItems}
        inline
      />
      <TextInput
        id="appropriatePerson"
        label="An appropriate person who can support them to be involved (optional)"
        labelSize="s"
        hint="Not a paid carer or professional. With no appropriate person, an independent advocate must be in place before a plan is agreed (R30)."
        value={values.appropriatePerson}
        error={errors.fields.appropriatePerson}
        onChange={(e) => set('appropriatePerson', e.currentTarget.value)}
      />
      <Radios name="advocacy" legend="Independent advocate" legendSize="s" value={values.advocacy} error={errors.fields.advocacy} onChange={(v) => set('advocacy', v as PersonAdvocacy)} items={advocacyItems} />
    </FormShell>
  );
}

/* ------------------------------------------------------------------ */
/* Carers and contacts                                                */
/* ------------------------------------------------------------------ */

interface CarerValues {
  name: string;
  relationship: string;
  phone: string;
  email: string;
  livesWithPerson: string;
  ownView: string;
}

const carerFieldIds: FieldIds = [
  ['name', 'name'],
  ['relationship', 'relationship'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['livesWithPerson', 'livesWithPerson'],
  ['ownView', 'ownView'],
];

/** /people/:personId/carers/new and /people/:personId/carers/:carerId: an unpaid carer, with their own view. */
export function CarerFormPage() {
  const { carerId } = useParams();
  return (
    <RecordPage>
      {(person) => {
        const carer = carerId ? (person.carers ?? []).find((c) => c.id === carerId) : undefined;
        if (carerId && !carer) return <Missing fetching={false} />;
        return <CarerForm key={carerId ?? 'new'} person={person} carer={carer} />;
      }}
    </RecordPage>
  );
}

function CarerForm({ person, carer }: { person: Person; carer: NonNullable<Person['carers']>[number] | undefined }) {
  const [, create] = useMutation(CreateCarerMutation);
  const [, update] = useMutation(UpdateCarerMutation);
  const back = useBackToRecord(person);
  const initial: CarerValues = {
    name: carer?.name ?? '',
    relationship: carer?.relationship ?? '',
    phone: carer?.phone ?? '',
    email: carer?.email ?? '',
    livesWithPerson: yn(carer?.livesWithPerson),
    ownView: carer?.ownView ?? '',
  };
  const validate = (v: CarerValues) =>
    clientErrors(carerFieldIds, {
      name: v.name.trim() ? null : "Enter the carer's name",
      relationship: v.relationship.trim() ? null : 'Enter how they are related to the person, for example daughter',
    });
  const save = async (v: CarerValues) => {
    const common = { name: v.name.trim(), relationship: v.relationship.trim(), livesWithPerson: v.livesWithPerson === 'yes' };
    const result = carer
      ? await update({ id: carer.id, input: { ...common, ...change('phone', v.phone), ...change('email', v.email), ...change('ownView', v.ownView) } })
      : await create({
          input: {
            ...common,
            personID: person.id,
            ...(text(v.phone) && { phone: v.phone.trim() }),
            ...(text(v.email) && { email: v.email.trim() }),
            ...(text(v.ownView) && { ownView: v.ownView.trim() }),
          },
        });
    const errors = saveErrors(result, carerFieldIds);
    if (!errors) back(carer ? `Carer saved: ${common.name}` : `Carer added: ${common.name}`, '#contacts');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  return (
    <FormShell
      heading={carer ? 'Change the carer' : 'Add a carer'}
      caption={caption(person)}
      hint={<p className="govuk-body">An unpaid carer gets a copy of the plan in full, unless the person, having capacity, asked to share only part (R21).</p>}
      errors={errors}
      submitting={submitting}
      submitLabel={carer ? 'Save the carer' : 'Add the carer'}
      cancelHref={`/people/${person.id}`}
      onSubmit={submit}
    >
      <TextInput id="name" label="Carer's name" labelSize="s" value={values.name} error={errors.fields.name} onChange={(e) => set('name', e.currentTarget.value)} />
      <TextInput
        id="relationship"
        label="Relationship to the person"
        labelSize="s"
        hint="For example, daughter, husband, neighbour."
        value={values.relationship}
        error={errors.fields.relationship}
        width={20}
        onChange={(e) => set('relationship', e.currentTarget.value)}
      />
      <TextInput id="phone" label="Telephone (optional)" labelSize="s" value={values.phone} error={errors.fields.phone} width={20} onChange={(e) => set('phone', e.currentTarget.value)} />
      <TextInput id="email" label="Email (optional)" labelSize="s" value={values.email} error={errors.fields.email} onChange={(e) => set('email', e.currentTarget.value)} />
      <Radios
        name="livesWithPerson"
        legend="Do they live with the person?"
        legendSize="s"
        value={values.livesWithPerson}
        onChange={(v) => set('livesWithPerson', v)}
        items={yesNoItems}
        inline
      />
      <Textarea
        id="ownView"
        label="The carer's own view (optional)"
        labelSize="s"
        hint="In their words: what they are willing and able to do, and what they need to keep caring."
        rows={4}
        value={values.ownView}
        error={errors.fields.ownView}
        onChange={(e) => set('ownView', e.currentTarget.value)}
      />
    </FormShell>
  );
}

interface ContactValues {
  name: string;
  kind: ContactKind | '';
  organisation: string;
  phone: string;
  email: string;
  notes: string;
}

const contactFieldIds: FieldIds = [
  ['name', 'name'],
  ['kind', 'kind'],
  ['organisation', 'organisation'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['notes', 'notes'],
];

/** Every kind of contact, typed by the generated enum so a new kind fails the type check here. */
export const contactKindLabels: Record<ContactKind, string> = {
  FAMILY: 'Family',
  FRIEND: 'Friend',
  GP: 'GP',
  OCCUPATIONAL_THERAPIST: 'Occupational therapist',
  PROVIDER: 'Care provider',
  ADVOCATE: 'Advocate',
  HOUSING: 'Housing',
  OTHER: 'Other',
};

/** /people/:personId/contacts/new and /people/:personId/contacts/:contactId. */
export function ContactFormPage() {
  const { contactId } = useParams();
  return (
    <RecordPage>
      {(person) => {
        const contact = contactId ? (person.contacts ?? []).find((c) => c.id === contactId) : undefined;
        if (contactId && !contact) return <Missing fetching={false} />;
        return <ContactForm key={contactId ?? 'new'} person={person} contact={contact} />;
      }}
    </RecordPage>
  );
}

function ContactForm({ person, contact }: { person: Person; contact: NonNullable<Person['contacts']>[number] | undefined }) {
  const [, create] = useMutation(CreateContactMutation);
  const [, update] = useMutation(UpdateContactMutation);
  const back = useBackToRecord(person);
  const initial: ContactValues = {
    name: contact?.name ?? '',
    kind: (contact?.kind as ContactKind | null | undefined) ?? '',
    organisation: contact?.organisation ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    notes: contact?.notes ?? '',
  };
  const validate = (v: ContactValues) =>
    clientErrors(contactFieldIds, {
      name: v.name.trim() ? null : 'Enter the name of the contact',
      kind: v.kind ? null : 'Select who they are to the person',
    });
  const save = async (v: ContactValues) => {
    const kind = v.kind as ContactKind;
    const result = contact
      ? await update({ id: contact.id, input: { name: v.name.trim(), kind, ...change('organisation', v.organisation), ...change('phone', v.phone), ...change('email', v.email), ...change('notes', v.notes) } })
      : await create({
          input: {
            personID: person.id,
            name: v.name.trim(),
            kind,
            ...(text(v.organisation) && { organisation: v.organisation.trim() }),
            ...(text(v.phone) && { phone: v.phone.trim() }),
            ...(text(v.email) && { email: v.email.trim() }),
            ...(text(v.notes) && { notes: v.notes.trim() }),
          },
        });
    const errors = saveErrors(result, contactFieldIds);
    if (!errors) back(contact ? `Contact saved: ${v.name.trim()}` : `Contact added: ${v.name.trim()}`, '#contacts');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  return (
    <FormShell
      heading={contact ? 'Change the contact' : 'Add a contact'}
      caption={caption(person)}
      errors={errors}
      submitting={submitting}
      submitLabel={contact ? 'Save the contact' : 'Add the contact'}
      cancelHref={`/people/${person.id}`}
      onSubmit={submit}
    >
      <TextInput id="name" label="Name" labelSize="s" value={values.name} error={errors.fields.name} onChange={(e) => set('name', e.currentTarget.value)} />
      <Select
        id="kind"
        label="Who they are to the person"
        labelSize="s"
        value={values.kind}
        error={errors.fields.kind}
        onChange={(e) => set('kind', e.currentTarget.value as ContactKind | '')}
        options={[{ value: '', text: 'Choose one' }, ...Object.entries(contactKindLabels).map(([value, label]) => ({ value, text: label }))]}
      />
      <TextInput id="organisation" label="Organisation (optional)" labelSize="s" value={values.organisation} error={errors.fields.organisation} onChange={(e) => set('organisation', e.currentTarget.value)} />
      <TextInput id="phone" label="Telephone (optional)" labelSize="s" value={values.phone} error={errors.fields.phone} width={20} onChange={(e) => set('phone', e.currentTarget.value)} />
      <TextInput id="email" label="Email (optional)" labelSize="s" value={values.email} error={errors.fields.email} onChange={(e) => set('email', e.currentTarget.value)} />
      <Textarea id="notes" label="Notes (optional)" labelSize="s" rows={3} value={values.notes} error={errors.fields.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
    </FormShell>
  );
}

/* ------------------------------------------------------------------ */
/* Needs: every view, and the difference of view                      */
/* ------------------------------------------------------------------ */

interface NeedValues {
  area: string;
  description: string;
  evidence: string;
  personView: string;
  carerView: string;
  othersView: string;
  differenceOfView: string;
  wellbeingImpact: string;
}

const needFieldIds: FieldIds = [
  ['area', 'area'],
  ['description', 'description'],
  ['evidence', 'evidence'],
  ['personView', 'personView'],
  ['carerView', 'carerView'],
  ['othersView', 'othersView'],
  ['differenceOfView', 'differenceOfView'],
  ['wellbeingImpact', 'wellbeingImpact'],
];

/** /people/:personId/needs/:needId: the recorded need with the person's view beside it, and any difference of view. */
export function NeedFormPage() {
  const { needId } = useParams();
  return (
    <RecordPage>
      {(person) => {
        const need = (person.needs ?? []).find((n) => n.id === needId);
        return need ? <NeedForm key={need.id} person={person} need={need} /> : <Missing fetching={false} />;
      }}
    </RecordPage>
  );
}

function NeedForm({ person, need }: { person: Person; need: NonNullable<Person['needs']>[number] }) {
  const [, update] = useMutation(UpdateNeedMutation);
  const back = useBackToRecord(person);
  const name = personName(person) ?? 'The person';
  const initial: NeedValues = {
    area: need.area ?? '',
    description: need.description ?? '',
    evidence: need.evidence ?? '',
    personView: need.personView ?? '',
    carerView: need.carerView ?? '',
    othersView: need.othersView ?? '',
    differenceOfView: need.differenceOfView ?? '',
    wellbeingImpact: need.wellbeingImpact ?? '',
  };
  const validate = (v: NeedValues) =>
    clientErrors(needFieldIds, {
      area: v.area.trim() ? null : 'Enter the area of daily life',
      description: v.description.trim() ? null : 'Describe the need as recorded',
    });
  const save = async (v: NeedValues) => {
    const result = await update({
      id: need.id,
      input: {
        area: v.area.trim(),
        description: v.description.trim(),
        ...change('evidence', v.evidence),
        ...change('personView', v.personView),
        ...change('carerView', v.carerView),
        ...change('othersView', v.othersView),
        ...change('differenceOfView', v.differenceOfView),
        ...change('wellbeingImpact', v.wellbeingImpact),
      },
    });
    const errors = saveErrors(result, needFieldIds);
    if (!errors) back(`Need saved: ${v.area.trim()}`, '#needs');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  const area = (field: keyof NeedValues, label: string, hint?: string) => (
    <Textarea
      id={field}
      label={label}
      labelSize="s"
      rows={3}
      value={values[field]}
      error={errors.fields[field]}
      onChange={(e) => set(field, e.currentTarget.value)}
      {...(hint && { hint })}
    />
  );
  return (
    <FormShell heading="Change the need" caption={caption(person)} errors={errors} submitting={submitting} submitLabel="Save the need" cancelHref={`/people/${person.id}#needs`} onSubmit={submit}>
      <TextInput id="area" label="Area of daily life" labelSize="s" value={values.area} error={errors.fields.area} onChange={(e) => set('area', e.currentTarget.value)} />
      {area('description', 'The need as recorded', 'The recorded level of need, for example “Mobilises around the home with a frame”.')}
      {area('evidence', 'Evidence (optional)', 'What the recorded level rests on, for example an OT assessment.')}
      {area('personView', `${name}'s view, in their words (optional)`)}
      {area('carerView', "The carer's view (optional)")}
      {area('othersView', "Others' views (optional)", 'Professionals and family.')}
      {area('differenceOfView', 'Where views differ (optional)', 'Say how the views differ from the recorded need. It stays visible beside the need.')}
      {area('wellbeingImpact', 'Impact on wellbeing (optional)')}
    </FormShell>
  );
}

/* ------------------------------------------------------------------ */
/* Capacity assessments and best-interests decisions                  */
/* ------------------------------------------------------------------ */

interface AssessmentValues {
  decision: string;
  hasCapacity: string;
  assessedOn: DateFields;
  assessor: string;
  notes: string;
}

const assessmentFieldIds: FieldIds = [
  ['decision', 'decision'],
  ['hasCapacity', 'hasCapacity'],
  ['assessedAt', 'assessedOn-day'],
  ['assessor', 'assessor'],
  ['notes', 'notes'],
];

/** /people/:personId/capacity/new and /people/:personId/capacity/:assessmentId: capacity for one decision. */
export function CapacityAssessmentPage() {
  const { assessmentId } = useParams();
  return (
    <RecordPage>
      {(person, me) => {
        const assessment = assessmentId ? (person.capacityAssessments ?? []).find((a) => a.id === assessmentId) : undefined;
        if (assessmentId && !assessment) return <Missing fetching={false} />;
        return <AssessmentForm key={assessmentId ?? 'new'} person={person} assessment={assessment} today={me.today} assessor={me.account?.displayName ?? ''} />;
      }}
    </RecordPage>
  );
}

function AssessmentForm({
  person,
  assessment,
  today,
  assessor,
}: {
  person: Person;
  assessment: NonNullable<Person['capacityAssessments']>[number] | undefined;
  today: string;
  assessor: string;
}) {
  const [, create] = useMutation(CreateCapacityAssessmentMutation);
  const [, update] = useMutation(UpdateCapacityAssessmentMutation);
  const back = useBackToRecord(person);
  const initial: AssessmentValues = {
    decision: assessment?.decision ?? '',
    hasCapacity: assessment ? yn(assessment.hasCapacity) : '',
    assessedOn: dateFields(assessment?.assessedAt?.slice(0, 10) ?? today),
    assessor: assessment?.assessor ?? assessor,
    notes: assessment?.notes ?? '',
  };
  const validate = (v: AssessmentValues) => {
    const on = parseDateFields(v.assessedOn, 'The date of the assessment');
    return clientErrors(assessmentFieldIds, {
      decision: v.decision.trim() ? null : 'Enter the decision the assessment is about',
      hasCapacity: v.hasCapacity ? null : 'Select whether they have capacity for this decision',
      assessedAt: 'error' in on ? on.error : on.value ? null : 'Enter the date of the assessment',
      assessor: v.assessor.trim() ? null : 'Enter who assessed',
      notes: v.hasCapacity === 'no' && !v.notes.trim() ? 'Record why they lack capacity for this decision, and the evidence' : null,
    });
  };
  const save = async (v: AssessmentValues) => {
    const on = parseDateFields(v.assessedOn, 'The date of the assessment');
    const assessedAt = dateAsInstant('value' in on ? on.value : null) ?? undefined;
    const common = { decision: v.decision.trim(), hasCapacity: v.hasCapacity === 'yes', assessor: v.assessor.trim(), ...(assessedAt && { assessedAt }) };
    const result = assessment
      ? await update({ id: assessment.id, input: { ...common, ...change('notes', v.notes) } })
      : await create({ input: { ...common, assessedAt: assessedAt ?? new Date().toISOString(), personID: person.id, ...(text(v.notes) && { notes: v.notes.trim() }) } });
    const errors = saveErrors(result, assessmentFieldIds);
    if (!errors) back(assessment ? 'Capacity assessment saved' : 'Capacity assessment recorded', '#capacity');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  return (
    <FormShell
      heading={assessment ? 'Change the capacity assessment' : 'Record a capacity assessment'}
      caption={caption(person)}
      hint={<p className="govuk-body">Capacity is assessed for one decision at a time, at the time it needs to be made.</p>}
      errors={errors}
      submitting={submitting}
      submitLabel={assessment ? 'Save the assessment' : 'Record the assessment'}
      cancelHref={`/people/${person.id}#capacity`}
      onSubmit={submit}
    >
      <TextInput
        id="decision"
        label="The decision"
        labelSize="s"
        hint="For example, “Taking part in decisions about the reablement plan”."
        value={values.decision}
        error={errors.fields.decision}
        onChange={(e) => set('decision', e.currentTarget.value)}
      />
      <Radios
        name="hasCapacity"
        legend="Do they have capacity for this decision?"
        legendSize="s"
        value={values.hasCapacity || null}
        error={errors.fields.hasCapacity}
        onChange={(v) => set('hasCapacity', v)}
        items={[
          { value: 'yes', label: 'Yes, they have capacity' },
          { value: 'no', label: 'No, they lack capacity for this decision' },
        ]}
      />
      <DateInput id="assessedOn" legend="When was it assessed?" legendSize="s" value={values.assessedOn} error={errors.fields.assessedAt} onChange={(v) => set('assessedOn', v)} />
      <TextInput id="assessor" label="Who assessed" labelSize="s" value={values.assessor} error={errors.fields.assessor} onChange={(e) => set('assessor', e.currentTarget.value)} />
      <Textarea
        id="notes"
        label="Reasons and evidence"
        labelSize="s"
        hint="Needed when they lack capacity: what they could not understand, retain, weigh or communicate, with support, and the evidence."
        rows={4}
        value={values.notes}
        error={errors.fields.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
      />
    </FormShell>
  );
}

interface BestInterestsValues {
  covers: string;
  decidedByName: string;
  bestInterestsRecord: string;
  decidedOn: DateFields;
}

const bestInterestsFieldIds: FieldIds = [
  ['covers', 'covers'],
  ['hadCapacity', 'covers'],
  ['decidedByName', 'decidedByName'],
  ['bestInterestsRecord', 'bestInterestsRecord'],
  ['decidedAt', 'decidedOn-day'],
];

/** /people/:personId/best-interests/new: a decision made in the best interests of a person who lacks capacity for it (R22). */
export function BestInterestsPage() {
  return <RecordPage>{(person, me) => <BestInterestsForm person={person} today={me.today} decider={me.account?.displayName ?? ''} />}</RecordPage>;
}

function BestInterestsForm({ person, today, decider }: { person: Person; today: string; decider: string }) {
  const [, record] = useMutation(RecordDecisionMutation);
  const back = useBackToRecord(person);
  const initial: BestInterestsValues = { covers: '', decidedByName: decider, bestInterestsRecord: '', decidedOn: dateFields(today) };
  const validate = (v: BestInterestsValues) => {
    const on = parseDateFields(v.decidedOn, 'The date of the decision');
    return clientErrors(bestInterestsFieldIds, {
      covers: v.covers.trim() ? null : 'Enter what the decision is',
      decidedByName: v.decidedByName.trim() ? null : 'Enter who made the decision',
      bestInterestsRecord: v.bestInterestsRecord.trim() ? null : "Record who was consulted and why it is in the person's best interests",
      decidedAt: 'error' in on ? on.error : on.value ? null : 'Enter the date of the decision',
    });
  };
  const save = async (v: BestInterestsValues) => {
    const on = parseDateFields(v.decidedOn, 'The date of the decision');
    const result = await record({
      input: {
        personID: person.id,
        purpose: 'OTHER',
        givenBy: 'BEST_INTERESTS',
        hadCapacity: false,
        covers: v.covers.trim(),
        decidedByName: v.decidedByName.trim(),
        bestInterestsRecord: v.bestInterestsRecord.trim(),
        decidedAt: dateAsInstant('value' in on ? on.value : null) ?? new Date().toISOString(),
      },
    });
    const errors = saveErrors(result, bestInterestsFieldIds);
    if (!errors) back('Best-interests decision recorded', '#capacity');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  return (
    <FormShell
      heading="Record a best-interests decision"
      caption={caption(person)}
      hint={<p className="govuk-body">Only for a decision the person lacks capacity to make. Record the capacity assessment first.</p>}
      errors={errors}
      submitting={submitting}
      submitLabel="Record the decision"
      cancelHref={`/people/${person.id}#capacity`}
      onSubmit={submit}
    >
      <Textarea id="covers" label="The decision" labelSize="s" rows={2} value={values.covers} error={errors.fields.covers} onChange={(e) => set('covers', e.currentTarget.value)} />
      <TextInput id="decidedByName" label="Who made the decision" labelSize="s" value={values.decidedByName} error={errors.fields.decidedByName} onChange={(e) => set('decidedByName', e.currentTarget.value)} />
      <Textarea
        id="bestInterestsRecord"
        label="Who was consulted, and why it is in their best interests"
        labelSize="s"
        hint="Their past and present wishes, feelings, beliefs and values; the views of family, carers and anyone named."
        rows={5}
        value={values.bestInterestsRecord}
        error={errors.fields.bestInterestsRecord}
        onChange={(e) => set('bestInterestsRecord', e.currentTarget.value)}
      />
      <DateInput id="decidedOn" legend="When was it decided?" legendSize="s" value={values.decidedOn} error={errors.fields.decidedAt} onChange={(v) => set('decidedOn', v)} />
    </FormShell>
  );
}

/* ------------------------------------------------------------------ */
/* Information and advice, and its follow-up (R34)                    */
/* ------------------------------------------------------------------ */

interface AdviceValues {
  summary: string;
  givenOn: DateFields;
  followUpByID: string;
  followUpDue: DateFields;
}

const adviceFieldIds: FieldIds = [
  ['summary', 'summary'],
  ['givenAt', 'givenOn-day'],
  ['followUpByID', 'followUpByID'],
  ['followUpDue', 'followUpDue-day'],
];

/** Staff who can follow advice up: the team's practitioners and managers. */
const followUpRoles: readonly Role[] = ['PRACTITIONER', 'MANAGER'];

/** /people/:personId/advice/new: information and advice given, who follows it up and by when (R34). */
export function AdvicePage() {
  return <RecordPage>{(person, me) => <AdviceForm person={person} today={me.today} myId={me.account?.id ?? ''} />}</RecordPage>;
}

function AdviceForm({ person, today, myId }: { person: Person; today: string; myId: string }) {
  const [, create] = useMutation(CreateAdviceMutation);
  const back = useBackToRecord(person);
  const staff = person.staff.filter((s) => s.roles.some((r) => followUpRoles.includes(r as Role)));
  const initial: AdviceValues = { summary: '', givenOn: dateFields(today), followUpByID: staff.some((s) => s.id === myId) ? myId : '', followUpDue: noDate };
  const validate = (v: AdviceValues) => {
    const given = parseDateFields(v.givenOn, 'The date it was given');
    const due = parseDateFields(v.followUpDue, 'The follow-up date');
    return clientErrors(adviceFieldIds, {
      summary: v.summary.trim() ? null : 'Enter what information or advice was given',
      givenAt: 'error' in given ? given.error : given.value ? null : 'Enter the date it was given',
      followUpByID: v.followUpByID ? null : 'Select who will follow it up',
      followUpDue: 'error' in due ? due.error : due.value ? null : 'Enter the date it will be followed up by',
    });
  };
  const save = async (v: AdviceValues) => {
    const given = parseDateFields(v.givenOn, 'The date it was given');
    const due = parseDateFields(v.followUpDue, 'The follow-up date');
    const result = await create({
      input: {
        personID: person.id,
        summary: v.summary.trim(),
        givenAt: dateAsInstant('value' in given ? given.value : null) ?? new Date().toISOString(),
        followUpByID: v.followUpByID,
        ...('value' in due && due.value && { followUpDue: `${due.value}T17:00:00Z` }),
      },
    });
    const errors = saveErrors(result, adviceFieldIds);
    if (!errors) back('Information and advice recorded', '#advice');
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  return (
    <FormShell
      heading="Record information and advice"
      caption={caption(person)}
      hint={<p className="govuk-body">Advice given is followed up: say who will do it and by when. It stays on their due list until it is done (R34).</p>}
      errors={errors}
      submitting={submitting}
      submitLabel="Record the advice"
      cancelHref={`/people/${person.id}#advice`}
      onSubmit={submit}
    >
      <Textarea id="summary" label="What information or advice was given" labelSize="s" rows={3} value={values.summary} error={errors.fields.summary} onChange={(e) => set('summary', e.currentTarget.value)} />
      <DateInput id="givenOn" legend="When was it given?" legendSize="s" value={values.givenOn} error={errors.fields.givenAt} onChange={(v) => set('givenOn', v)} />
      <Select
        id="followUpByID"
        label="Who will follow it up"
        labelSize="s"
        value={values.followUpByID}
        error={errors.fields.followUpByID}
        onChange={(e) => set('followUpByID', e.currentTarget.value)}
        options={[{ value: '', text: 'Choose someone' }, ...staff.map((s) => ({ value: s.id, text: s.id === myId ? `${s.displayName} (you)` : s.displayName }))]}
      />
      <DateInput id="followUpDue" legend="Follow it up by" legendSize="s" hint="For example, 27 3 2027" value={values.followUpDue} error={errors.fields.followUpDue} onChange={(v) => set('followUpDue', v)} />
    </FormShell>
  );
}

interface FollowUpValues {
  followedUpOn: DateFields;
  notes: string;
}

const followUpFieldIds: FieldIds = [
  ['followedUpAt', 'followedUpOn-day'],
  ['notes', 'notes'],
];

/** /people/:personId/advice/:adviceId/follow-up: records the follow-up, which takes it off the due list (R34). */
export function AdviceFollowUpPage() {
  const { adviceId } = useParams();
  return (
    <RecordPage>
      {(person, me) => {
        const advice = (person.advice ?? []).find((a) => a.id === adviceId);
        return advice ? <FollowUpForm person={person} advice={advice} today={me.today} /> : <Missing fetching={false} />;
      }}
    </RecordPage>
  );
}

function FollowUpForm({ person, advice, today }: { person: Person; advice: NonNullable<Person['advice']>[number]; today: string }) {
  const [, followUp] = useMutation(FollowUpAdviceMutation);
  const navigate = useNavigate();
  const initial: FollowUpValues = { followedUpOn: dateFields(today), notes: '' };
  const validate = (v: FollowUpValues): FormErrors => {
    const on = parseDateFields(v.followedUpOn, 'The date it was followed up');
    return clientErrors(followUpFieldIds, {
      followedUpAt: 'error' in on ? on.error : on.value ? null : 'Enter the date it was followed up',
      notes: v.notes.trim() ? null : 'Say what the follow-up found or did',
    });
  };
  const save = async (v: FollowUpValues) => {
    const on = parseDateFields(v.followedUpOn, 'The date it was followed up');
    const result = await followUp({ id: advice.id, followedUpAt: dateAsInstant('value' in on ? on.value : null), notes: v.notes.trim() });
    const errors = saveErrors(result, followUpFieldIds);
    if (!errors) navigate('/due', { state: { saved: `Follow-up recorded for ${caption(person)}` } satisfies SavedState });
    return errors;
  };
  const { values, set, errors, submitting, submit } = useForm(initial, validate, save);
  return (
    <FormShell
      heading="Record the follow-up"
      caption={caption(person)}
      hint={
        <div className="govuk-inset-text">
          <p className="govuk-body govuk-!-margin-bottom-0">{advice.summary ?? 'Information and advice'}</p>
        </div>
      }
      errors={errors}
      submitting={submitting}
      submitLabel="Record the follow-up"
      cancelHref="/due"
      onSubmit={submit}
    >
      <DateInput id="followedUpOn" legend="When was it followed up?" legendSize="s" value={values.followedUpOn} error={errors.fields.followedUpAt} onChange={(v) => set('followedUpOn', v)} />
      <Textarea id="notes" label="What the follow-up found or did" labelSize="s" rows={4} value={values.notes} error={errors.fields.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
    </FormShell>
  );
}
