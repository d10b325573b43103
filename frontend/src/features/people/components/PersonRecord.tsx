import type { ReactNode } from 'react';
import { Details, GatedSection, Link, StatusTag, SummaryCard, SummaryList, Table, TagList, type SummaryRow, type TableColumn } from '../../../components';
import { formatDate, formatInstantDate, humanise } from '../../../lib/format';
import { flagLabels, personFlags, type FlagKey } from '../../../lib/personFlags';
import { accessTo, canRead, canReadCoded, sectionLabel, shownReason, withheldReason, type SectionName } from '../../../lib/sections';
import type { AdviceData, CapacityAssessmentData, CarerData, ConsentData, ContactData, PersonData, PlanVersionData } from '../types';
import { NeedCard } from './NeedCard';
import type { ContactKind } from '../../../gql/graphql';

const flagColours: Record<FlagKey, 'orange' | 'purple' | 'teal' | 'magenta'> = {
  advocate: 'orange',
  capacity: 'purple',
  autism: 'teal',
  deafblind: 'magenta',
};

const advocacyText: Record<string, string> = {
  NOT_NEEDED: 'Not needed',
  REFERRAL_WAITING: 'Needed: referral made, waiting for an advocate',
  IN_PLACE: 'In place',
};

const contactKinds: Record<ContactKind, string> = {
  FAMILY: 'Family',
  FRIEND: 'Friend',
  GP: 'GP',
  OCCUPATIONAL_THERAPIST: 'Occupational therapist',
  PROVIDER: 'Care provider',
  ADVOCATE: 'Advocate',
  HOUSING: 'Housing',
  OTHER: 'Other',
};

/** Where the record's parts are changed, when the viewer may change them; absent for a read-only view. */
export type EditLinks = { base: string } | undefined;

/** A "Change …" link under a section's heading, for viewers who may change the record. */
function ChangeLink({ edit, path, text }: { edit: EditLinks; path: string; text: string }) {
  if (!edit) return null;
  return (
    <p className="govuk-body">
      <Link className="govuk-link" href={`${edit.base}/${path}`}>
        {text}
      </Link>
    </p>
  );
}

const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? 'Not recorded' : value ? 'Yes' : 'No');
const orNone = (value: string | null | undefined, none = 'Not recorded'): ReactNode => (value?.trim() ? value : <span className="govuk-hint govuk-!-margin-0">{none}</span>);

/** The name to call the person by on the page: preferred, else legal, else nothing shared. */
export function personName(person: Pick<PersonData, 'preferredName' | 'legalName' | 'viewerAccess'>): string | null {
  const preferred = canRead(person.viewerAccess, 'CONTACT') ? person.preferredName?.trim() : null;
  const legal = canRead(person.viewerAccess, 'IDENTITY') ? person.legalName?.trim() : null;
  return preferred || legal || null;
}

/** The page heading: the name the person uses, their legal name, and their flags. */
export function PersonHeading({ person }: { person: PersonData }) {
  const name = personName(person);
  const legal = canRead(person.viewerAccess, 'IDENTITY') ? person.legalName : null;
  const flagsShared = canReadCoded(person.viewerAccess, 'CAPACITY') && canReadCoded(person.viewerAccess, 'COMMUNICATION');
  const flags = flagsShared ? personFlags(person) : [];
  return (
    <>
      <span className="govuk-caption-l">{person.team?.name ?? 'Person'}</span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{name ?? 'Name not shared with you'}</h1>
      {legal && legal !== name && <p className="govuk-body-l govuk-!-margin-bottom-2">Legal name: {legal}</p>}
      {flags.length > 0 && <TagList label="Flags" tags={flags.map((flag) => ({ text: flagLabels[flag], colour: flagColours[flag] }))} />}
    </>
  );
}

function IdentitySection({ person, edit }: { person: PersonData; edit: EditLinks }) {
  const identity = canRead(person.viewerAccess, 'IDENTITY');
  const contact = canRead(person.viewerAccess, 'CONTACT');
  const rows: SummaryRow[] = [];
  if (contact) rows.push({ key: 'Preferred name', value: orNone(person.preferredName) });
  if (identity) {
    rows.push(
      { key: 'Legal name', value: orNone(person.legalName) },
      ...(person.previousSurname ? [{ key: 'Previous surname', value: person.previousSurname }] : []),
      { key: 'Date of birth', value: person.dateOfBirth ? `${formatDate(person.dateOfBirth)}${person.ageBand ? ` (aged ${person.ageBand})` : ''}` : orNone(null) },
      { key: 'NHS number', value: orNone(person.nhsNumber) },
      { key: 'National Insurance number', value: orNone(person.niNumber) },
      {
        key: 'Home address',
        value: person.address?.trim() ? (
          <>
            {person.address}
            {person.postcode && <span className="app-block">{person.postcode}</span>}
          </>
        ) : (
          orNone(null)
        ),
      },
      { key: 'Telephone', value: orNone(person.phone) },
      { key: 'Email', value: orNone(person.email) },
    );
  }
  rows.push(
    { key: 'Team', value: person.team?.name ?? orNone(null) },
    {
      key: 'Allocated practitioner',
      value:
        person.allocatedPractitioner?.displayName ??
        (person.allocatedPractitionerID ? orNone(null, 'Allocated, but who is not shared with you') : 'Not allocated'),
    },
  );
  return (
    <section aria-labelledby="identity-heading">
      <h2 className="govuk-heading-m" id="identity-heading">
        Personal details
      </h2>
      <SummaryList rows={rows} />
      {identity && contact && <ChangeLink edit={edit} path="change/details" text="Change personal details" />}
      {!identity && <NotSharedLine section="IDENTITY" person={person} />}
    </section>
  );
}

function NotSharedLine({ section, person }: { section: SectionName; person: PersonData }) {
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Not shared with you: {sectionLabel(section)}</p>
      <p className="govuk-body govuk-!-margin-bottom-0">{withheldReason(section, accessTo(person.viewerAccess, section))}</p>
    </div>
  );
}

function CommunicationSection({ person, edit }: { person: PersonData; edit: EditLinks }) {
  return (
    <GatedSection section="COMMUNICATION" access={person.viewerAccess} heading="Communication" id="communication">
      <SummaryList
        rows={[
          { key: 'How to communicate', value: orNone(person.communicationNeeds, 'No particular needs recorded') },
          { key: 'Preferred formats', value: orNone(person.preferredFormats, 'None recorded') },
          { key: 'Interpreter', value: person.interpreterLanguage?.trim() ? `Needed: ${person.interpreterLanguage}` : 'Not needed' },
          { key: 'Autistic', value: yesNo(person.autism) },
          { key: 'Deafblind', value: yesNo(person.deafblind) },
        ]}
      />
      <ChangeLink edit={edit} path="change/communication" text="Change communication needs" />
    </GatedSection>
  );
}

function CapacitySection({ person, edit }: { person: PersonData; edit: EditLinks }) {
  return (
    <GatedSection section="CAPACITY" access={person.viewerAccess} heading="Capacity and advocacy" id="capacity">
      <SummaryList
        rows={[
          { key: 'Lacks capacity for planning decisions', value: yesNo(person.lacksCapacityForPlanning) },
          { key: 'Substantial difficulty being involved', value: yesNo(person.substantialDifficulty) },
          { key: 'Appropriate person', value: orNone(person.appropriatePerson, 'None recorded') },
          { key: 'Independent advocate', value: person.advocacy ? (advocacyText[person.advocacy] ?? humanise(person.advocacy)) : orNone(null) },
        ]}
      />
      <ChangeLink edit={edit} path="change/capacity" text="Change capacity and advocacy" />
      <h3 className="govuk-heading-s">Capacity assessments</h3>
      {(person.capacityAssessments ?? []).length === 0 ? (
        <p className="govuk-body">No capacity assessments recorded.</p>
      ) : (
        (person.capacityAssessments ?? []).map((a) => <AssessmentCard key={a.id} assessment={a} edit={edit} />)
      )}
      <ChangeLink edit={edit} path="capacity/new" text="Record a capacity assessment" />
      <h3 className="govuk-heading-s">Best-interests decisions</h3>
      {bestInterests(person).length === 0 ? (
        <p className="govuk-body">No best-interests decisions recorded.</p>
      ) : (
        bestInterests(person).map((d) => <BestInterestsCard key={d.id} decision={d} />)
      )}
      <ChangeLink edit={edit} path="best-interests/new" text="Record a best-interests decision" />
    </GatedSection>
  );
}

function AssessmentCard({ assessment, edit }: { assessment: CapacityAssessmentData; edit: EditLinks }) {
  const title = assessment.decision || 'A decision';
  return (
    <SummaryCard
      title={title}
      headingLevel={4}
      {...(edit && { actions: [{ href: `${edit.base}/capacity/${assessment.id}`, text: 'Change' }] })}
      rows={[
        { key: 'Has capacity for it', value: yesNo(assessment.hasCapacity) },
        { key: 'Assessed', value: assessment.assessedAt ? formatInstantDate(assessment.assessedAt) : orNone(null) },
        { key: 'By', value: orNone(assessment.assessor) },
        { key: 'Reasons and evidence', value: orNone(assessment.notes, 'None recorded') },
      ]}
    />
  );
}

/** The person's best-interests decisions, newest first. */
const bestInterests = (person: PersonData): ConsentData[] =>
  (person.consents ?? []).filter((c) => c.givenBy === 'BEST_INTERESTS').toSorted((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));

function BestInterestsCard({ decision }: { decision: ConsentData }) {
  return (
    <SummaryCard
      title={decision.covers || 'A best-interests decision'}
      headingLevel={4}
      rows={[
        { key: 'Decided', value: decision.decidedAt ? formatInstantDate(decision.decidedAt) : orNone(null) },
        { key: 'By', value: orNone(decision.decidedByName) },
        { key: 'Who was consulted and why', value: orNone(decision.bestInterestsRecord) },
        ...(decision.withdrawnAt ? [{ key: 'Withdrawn', value: formatInstantDate(decision.withdrawnAt) }] : []),
      ]}
    />
  );
}

function CarerCard({ carer, edit }: { carer: CarerData; edit: EditLinks }) {
  const title = carer.name || 'Carer';
  return (
    <SummaryCard
      title={title}
      headingLevel={4}
      {...(edit && { actions: [{ href: `${edit.base}/carers/${carer.id}`, text: 'Change' }] })}
      rows={[
        { key: 'Relationship', value: orNone(carer.relationship) },
        { key: 'Lives with the person', value: yesNo(carer.livesWithPerson) },
        { key: 'Telephone', value: orNone(carer.phone) },
        { key: 'Email', value: orNone(carer.email) },
        ...(carer.ownView !== undefined ? [{ key: "The carer's own view", value: orNone(carer.ownView) }] : []),
      ]}
    />
  );
}

function ContactCard({ contact, edit }: { contact: ContactData; edit: EditLinks }) {
  const title = contact.name || 'Contact';
  return (
    <SummaryCard
      title={title}
      headingLevel={4}
      {...(edit && { actions: [{ href: `${edit.base}/contacts/${contact.id}`, text: 'Change' }] })}
      rows={[
        { key: 'Who they are', value: contact.kind ? (contactKinds[contact.kind as ContactKind] ?? humanise(contact.kind)) : orNone(null) },
        ...(contact.organisation ? [{ key: 'Organisation', value: contact.organisation }] : []),
        { key: 'Telephone', value: orNone(contact.phone) },
        ...(contact.email ? [{ key: 'Email', value: contact.email }] : []),
        ...(contact.notes ? [{ key: 'Notes', value: contact.notes }] : []),
      ]}
    />
  );
}

function CarersSection({ person, edit }: { person: PersonData; edit: EditLinks }) {
  const carers = person.carers ?? [];
  const contacts = person.contacts ?? [];
  return (
    <GatedSection section="CONTACT" access={person.viewerAccess} heading="Visits, carers and contacts" id="contacts">
      <SummaryList
        rows={[
          { key: 'Where visits happen', value: orNone(person.visitAddress, 'At the home address') },
          { key: 'Getting in', value: orNone(person.accessNotes, 'No access notes') },
        ]}
      />
      <h3 className="govuk-heading-s">Carers</h3>
      {carers.length === 0 ? <p className="govuk-body">No unpaid carers recorded.</p> : carers.map((carer) => <CarerCard key={carer.id} carer={carer} edit={edit} />)}
      <ChangeLink edit={edit} path="carers/new" text="Add a carer" />
      <h3 className="govuk-heading-s">Contacts</h3>
      {contacts.length === 0 ? <p className="govuk-body">No contacts recorded.</p> : contacts.map((contact) => <ContactCard key={contact.id} contact={contact} edit={edit} />)}
      <ChangeLink edit={edit} path="contacts/new" text="Add a contact" />
    </GatedSection>
  );
}

function NeedsSection({ person, edit }: { person: PersonData; edit: EditLinks }) {
  const needs = person.needs ?? [];
  const name = personName(person) ?? 'The person';
  return (
    <GatedSection section="NEEDS" access={person.viewerAccess} heading="Needs" id="needs">
      {needs.length === 0 ? (
        <p className="govuk-body">No needs recorded yet.</p>
      ) : (
        <>
          <p className="govuk-body">
            Each need shows {name}'s view, their carer's and others' views side by side. Where views differ, the difference is recorded and kept
            visible.
          </p>
          {needs.map((need) => (
            <NeedCard key={need.id} need={need} personName={name} {...(edit && { changeHref: `${edit.base}/needs/${need.id}` })} />
          ))}
        </>
      )}
    </GatedSection>
  );
}

function planDates(plan: PlanVersionData): string {
  if (plan.endedAt) return `Ended ${formatInstantDate(plan.endedAt)}`;
  if (plan.commencedAt) return `Started ${formatInstantDate(plan.commencedAt)}`;
  if (plan.agreedAt) return `Agreed ${formatInstantDate(plan.agreedAt)}`;
  return `Drafted ${formatInstantDate(plan.createdAt)}`;
}

const planColumns: ReadonlyArray<TableColumn<PlanVersionData>> = [
  {
    key: 'version',
    header: 'Version',
    hideInCard: true,
    cell: (plan) => (
      <Link className="govuk-link" href={`/plans/${plan.id}`}>
        {plan.episode && plan.episode > 1 ? `Plan ${plan.episode}, version ${plan.version}` : `Version ${plan.version}`}
      </Link>
    ),
  },
  { key: 'status', header: 'Status', cell: (plan) => <StatusTag status={plan.status} /> },
  { key: 'dates', header: 'Dates', cell: planDates },
  {
    key: 'period',
    header: 'Planned period',
    cell: (plan) =>
      plan.plannedStart || plan.plannedEnd ? `${formatDate(plan.plannedStart) || 'Not set'} to ${formatDate(plan.plannedEnd) || 'not set'}` : 'Not set',
  },
];

/** Plan versions, newest first, each linking to its page. */
export function PlanVersions({ plans, createAction }: { plans: readonly PlanVersionData[]; createAction?: ReactNode }) {
  return (
    <section aria-labelledby="plans-heading">
      <h2 className="govuk-heading-m" id="plans-heading">
        Reablement plans
      </h2>
      {plans.length === 0 ? (
        <p className="govuk-body">There is no reablement plan yet.</p>
      ) : (
        <Table
          caption="Plan versions, newest first"
          captionHidden
          columns={planColumns}
          rows={plans}
          rowKey={(plan) => plan.id}
          firstCellIsHeader
          cardTitle={(plan) => (plan.episode && plan.episode > 1 ? `Plan ${plan.episode}, version ${plan.version}` : `Version ${plan.version}`)}
          cardTitleContent={(plan) => (
            <Link className="govuk-link" href={`/plans/${plan.id}`}>
              Version {plan.version}
            </Link>
          )}
        />
      )}
      {createAction}
    </section>
  );
}

function AdviceSection({ person, edit }: { person: PersonData; edit: EditLinks }) {
  const advice = person.advice ?? [];
  return (
    <GatedSection section="OTHER_SUPPORT" access={person.viewerAccess} heading="Information and advice" id="advice">
      {advice.length === 0 ? (
        <p className="govuk-body">No information or advice recorded.</p>
      ) : (
        advice.map((a) => (
          <SummaryCard
            key={a.id}
            title={a.summary || 'Information and advice'}
            headingLevel={3}
            {...(edit && !a.followedUpAt && { actions: [{ href: `${edit.base}/advice/${a.id}/follow-up`, text: 'Record the follow-up' }] })}
            rows={adviceRows(a)}
          />
        ))
      )}
      <ChangeLink edit={edit} path="advice/new" text="Record information and advice" />
    </GatedSection>
  );
}

function adviceRows(a: AdviceData): SummaryRow[] {
  return [
    { key: 'Given', value: a.givenAt ? formatInstantDate(a.givenAt) : orNone(null) },
    { key: 'Who follows it up', value: a.followUpBy?.displayName ?? orNone(null) },
    { key: 'Follow up by', value: a.followUpDue ? formatInstantDate(a.followUpDue) : orNone(null) },
    a.followedUpAt
      ? { key: 'Followed up', value: `${formatInstantDate(a.followedUpAt)}${a.followUpNotes ? `: ${a.followUpNotes}` : ''}` }
      : { key: 'Followed up', value: 'Not yet' },
  ];
}

/** Why the viewer sees what they see: each section and its basis, from viewerAccess. */
export function AccessExplained({ person }: { person: PersonData }) {
  return (
    <Details summary="Why you can see this record">
      <ul className="govuk-list govuk-list--bullet">
        {person.viewerAccess.map((entry) => (
          <li key={entry.section}>
            <strong>{humanise(sectionLabel(entry.section))}</strong>:{' '}
            {entry.allowed ? (entry.codedOnly ? 'coded values only, for statistics' : `shown because ${shownReason(entry) ?? 'you have a basis'}`) : 'not shared with you'}
          </li>
        ))}
      </ul>
    </Details>
  );
}

/**
 * A person's record, section by section as the viewer may see it: sections
 * they have no basis for say "Not shared with you" and why. Renders props only.
 */
export function PersonRecord({ person, createAction, needsAction, edit }: { person: PersonData; createAction?: ReactNode; needsAction?: ReactNode; edit?: EditLinks }) {
  const plans = (person.plans.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
  return (
    <>
      <PersonHeading person={person} />
      <div className="govuk-!-margin-top-6">
        <AccessExplained person={person} />
      </div>
      <PlanVersions plans={plans} createAction={createAction} />
      <IdentitySection person={person} edit={edit} />
      <CommunicationSection person={person} edit={edit} />
      <CapacitySection person={person} edit={edit} />
      <CarersSection person={person} edit={edit} />
      <NeedsSection person={person} edit={edit} />
      {needsAction}
      <AdviceSection person={person} edit={edit} />
    </>
  );
}
