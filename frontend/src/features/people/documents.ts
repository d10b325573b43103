import { graphql } from '../../gql';

/**
 * A person's record, every section the viewer may see. Gated fields the
 * viewer has no basis for come back null with a SECTION_WITHHELD error each;
 * viewerAccess says which sections those are and why.
 */
export const PersonQuery = graphql(`
  query Person($id: ID!) {
    me {
      roles
      today
      account {
        id
        displayName
      }
    }
    node(id: $id) {
      ... on Person {
        ...PersonDetailsFields
        ageBand
        team {
          id
          name
          members {
            id
            displayName
            roles
          }
        }
        allocatedPractitionerID
        allocatedPractitioner {
          id
          displayName
        }
        carers {
          ...CarerFields
        }
        contacts {
          ...ContactFields
        }
        needs {
          ...NeedFields
        }
        capacityAssessments {
          ...CapacityAssessmentFields
        }
        consents {
          ...ConsentFields
        }
        advice {
          ...AdviceFields
        }
        viewerAccess {
          section
          allowed
          basis
          codedOnly
          withheldFromPerson
        }
        plans(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
          totalCount
          edges {
            node {
              id
              episode
              version
              status
              inProgress
              createdAt
              agreedAt
              commencedAt
              endedAt
              plannedStart
              plannedEnd
            }
          }
        }
      }
    }
  }
`);

/**
 * The fragments below are the one selection of each part of the record:
 * the person page reads them, and each change answers with the same
 * fields, so Graphcache updates the page from the answer.
 */

/** The person's own details: identity, contact, communication, capacity and advocacy. */
export const PersonDetailsFields = graphql(`
  fragment PersonDetailsFields on Person {
    id
    legalName
    preferredName
    previousSurname
    dateOfBirth
    nhsNumber
    niNumber
    address
    postcode
    phone
    email
    visitAddress
    accessNotes
    communicationNeeds
    preferredFormats
    interpreterLanguage
    autism
    deafblind
    lacksCapacityForPlanning
    substantialDifficulty
    appropriatePerson
    advocacy
  }
`);

/** An unpaid carer, with their own view. */
export const CarerFields = graphql(`
  fragment CarerFields on Carer {
    id
    name
    relationship
    phone
    email
    livesWithPerson
    ownView
  }
`);

/** Anyone else in the person's life or care. */
export const ContactFields = graphql(`
  fragment ContactFields on Contact {
    id
    name
    kind
    organisation
    phone
    email
    notes
  }
`);

/** An area of need with every view on it and any difference of view. */
export const NeedFields = graphql(`
  fragment NeedFields on Need {
    id
    area
    description
    effect
    personView
    carerView
    othersView
    differenceOfView
    evidence
    wellbeingImpact
  }
`);

/** A capacity assessment for one decision. */
export const CapacityAssessmentFields = graphql(`
  fragment CapacityAssessmentFields on CapacityAssessment {
    id
    decision
    hasCapacity
    assessedAt
    assessor
    notes
  }
`);

/** A decision by or for the person: consent, or a best-interests decision. */
export const ConsentFields = graphql(`
  fragment ConsentFields on Consent {
    id
    purpose
    covers
    givenBy
    decidedByName
    hadCapacity
    bestInterestsRecord
    decidedAt
    withdrawnAt
  }
`);

/** Information and advice, who follows it up and when (R34). */
export const AdviceFields = graphql(`
  fragment AdviceFields on Advice {
    id
    summary
    givenAt
    followUpDue
    followedUpAt
    followUpNotes
    followUpBy {
      id
      displayName
    }
  }
`);

/** Changes the person's details. */
export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {
    updatePerson(id: $id, input: $input) {
      ...PersonDetailsFields
    }
  }
`);

export const CreateCarerMutation = graphql(`
  mutation CreateCarer($input: CreateCarerInput!) {
    createCarer(input: $input) {
      ...CarerFields
    }
  }
`);

export const UpdateCarerMutation = graphql(`
  mutation UpdateCarer($id: ID!, $input: UpdateCarerInput!) {
    updateCarer(id: $id, input: $input) {
      ...CarerFields
    }
  }
`);

export const CreateContactMutation = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      ...ContactFields
    }
  }
`);

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
    updateContact(id: $id, input: $input) {
      ...ContactFields
    }
  }
`);

export const UpdateNeedMutation = graphql(`
  mutation UpdateNeed($id: ID!, $input: UpdateNeedInput!) {
    updateNeed(id: $id, input: $input) {
      ...NeedFields
    }
  }
`);

export const CreateCapacityAssessmentMutation = graphql(`
  mutation CreateCapacityAssessment($input: CreateCapacityAssessmentInput!) {
    createCapacityAssessment(input: $input) {
      ...CapacityAssessmentFields
    }
  }
`);

export const UpdateCapacityAssessmentMutation = graphql(`
  mutation UpdateCapacityAssessment($id: ID!, $input: UpdateCapacityAssessmentInput!) {
    updateCapacityAssessment(id: $id, input: $input) {
      ...CapacityAssessmentFields
    }
  }
`);

/** A decision by or for the person; here, a best-interests decision (R22). */
export const RecordDecisionMutation = graphql(`
  mutation RecordDecision($input: CreateConsentInput!) {
    recordConsent(input: $input) {
      ...ConsentFields
    }
  }
`);

export const CreateAdviceMutation = graphql(`
  mutation CreateAdvice($input: CreateAdviceInput!) {
    createAdvice(input: $input) {
      ...AdviceFields
    }
  }
`);

/** Records the follow-up of information and advice, which takes it off the due list (R34). */
export const FollowUpAdviceMutation = graphql(`
  mutation FollowUpAdvice($id: ID!, $followedUpAt: Time, $notes: String) {
    followUpAdvice(id: $id, followedUpAt: $followedUpAt, notes: $notes) {
      ...AdviceFields
    }
  }
`);

/** Starts a draft plan (version 1) for a person who has none. */
export const CreateDraftPlanMutation = graphql(`
  mutation CreateDraftPlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      id
      personID
      version
      revision
      status
    }
  }
`);

/** Records one of the person's needs from the assessment, with their own view of it. */
export const CreateNeedMutation = graphql(`
  mutation CreateNeed($input: CreateNeedInput!) {
    createNeed(input: $input) {
      ...NeedFields
    }
  }
`);

/** Who is adding a person, and the teams they can add to. */
export const NewPersonViewerQuery = graphql(`
  query NewPersonViewer {
    me {
      account {
        id
        teams {
          id
          name
        }
      }
    }
  }
`);

/** A new referral: the person's identity, allocated to the team (and practitioner) taking it. */
export const CreatePersonMutation = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      preferredName
    }
  }
`);

/** Keeps sections holding third-party information from the person's own view, with a reason they are shown. */
export const WithholdFromPersonMutation = graphql(`
  mutation WithholdFromPerson($personID: ID!, $sections: [Section!]!, $reason: String!) {
    withholdFromPerson(personID: $personID, sections: $sections, reason: $reason) {
      id
      viewerAccess {
        section
        allowed
        basis
        codedOnly
        withheldFromPerson
      }
    }
  }
`);

/**
 * Anyone in the authority, by name, NHS number or postcode (practitioners
 * and managers). People outside the caseload come with only what identifies
 * them and the ways to a basis; the search itself is on the audit log.
 */
export const FindPeopleQuery = graphql(`
  query FindPeople($text: String!, $dateOfBirth: Date, $first: Int) {
    findPeople(text: $text, dateOfBirth: $dateOfBirth, first: $first) {
      personID
      person {
        id
        preferredName
      }
      name
      dateOfBirth
      postcodeDistrict
      hasBasis
      basis
      teamName
      canRequestEmergencyAccess
    }
  }
`);

/** Emergency access to one record outside the caseload: a reason, at most 24 hours, flagged for review. */
export const RequestEmergencyAccessMutation = graphql(`
  mutation RequestEmergencyAccess($personID: ID!, $reason: String!, $hours: Int!) {
    requestEmergencyAccess(personID: $personID, reason: $reason, hours: $hours) {
      id
      expiresAt
    }
  }
`);
