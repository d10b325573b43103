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
    }
    node(id: $id) {
      ... on Person {
        id
        legalName
        preferredName
        previousSurname
        dateOfBirth
        ageBand
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
        team {
          id
          name
        }
        allocatedPractitionerID
        allocatedPractitioner {
          id
          displayName
        }
        carers {
          id
          name
          relationship
          phone
          email
          livesWithPerson
        }
        contacts {
          id
          name
          kind
          organisation
          phone
          email
          notes
        }
        needs {
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
      id
      area
      description
      effect
      personView
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
