import { graphql } from '../../gql';

/**
 * A plan version as its printed copy shows it (issue 12 item 6, R13): every
 * section the viewer may see; the recipient's scope is narrowed by their
 * share's sections, as the API recorded it.
 */
export const PrintPlanQuery = graphql(`
  query PrintPlan($id: ID!) {
    me {
      roles
      authority {
        id
        name
      }
    }
    node(id: $id) {
      ... on Plan {
        id
        version
        revision
        status
        agreedAt
        commencedAt
        visitFrequency
        visitDurationMinutes
        workerTasks
        fluctuatingNeeds
        otherSupport
        noOtherSupport
        reviewFrequency
        firstReviewDue
        plannedStart
        plannedEnd
        writtenRecordAt
        writtenRecordFormat
        person {
          id
          legalName
          preferredName
        }
        reviewResponsible {
          id
          displayName
          jobTitle
        }
        needs {
          id
          area
          description
        }
        outcomes(first: 100, orderBy: { field: POSITION, direction: ASC }) {
          edges {
            node {
              id
              statement
              supportRequired
              measure
              targetDate
              steps {
                id
                description
                position
                targetDate
                status
              }
            }
          }
        }
        risks {
          id
          kind
          description
          strategy
          contingencies {
            id
            measures
            trigger
            whoActs
          }
        }
        shares {
          id
          recipientName
          recipientKind
          sections
          decision
          revokedAt
        }
        viewerAccess {
          section
          allowed
          basis
          codedOnly
          withheldFromPerson
        }
      }
    }
  }
`);

/** Records that the person was given their written record, and its format (R13, R4). */
export const RecordWrittenRecordMutation = graphql(`
  mutation RecordWrittenRecord($id: ID!, $expectedRevision: Int!, $format: String!) {
    recordWrittenRecord(id: $id, expectedRevision: $expectedRevision, format: $format) {
      id
      revision
      writtenRecordAt
      writtenRecordFormat
    }
  }
`);

/** What a confirmation letter of refusal or withdrawal says (R14, R15). */
export const LetterQuery = graphql(`
  query ConfirmationLetter($id: ID!) {
    me {
      authority {
        id
        name
      }
      account {
        id
        displayName
        jobTitle
      }
    }
    node(id: $id) {
      ... on Plan {
        id
        version
        status
        endedAt
        endReason
        endNotes
        writtenConfirmationAt
        person {
          id
          legalName
          preferredName
          address
          postcode
          advice {
            id
            summary
            givenAt
          }
        }
      }
    }
  }
`);
