import { graphql } from '../../gql';

/** One chronology entry as the timeline shows it: the record it points to, each field decided by consent. */
export const ChronologyEntryFields = graphql(`
  fragment ChronologyEntryFields on ChronologyEntry {
    kind
    at
    decision
    plan {
      id
      version
    }
    visit {
      id
      status
      startsAt
      durationMinutes
      notes
      worker {
        id
        displayName
      }
      progress {
        id
        note
        stepStatus
        outcome {
          id
          statement
        }
      }
    }
    concern {
      id
      kind
      details
      acknowledgedAt
    }
    review {
      id
      kind
      requestedBy
      reason
      decision
      decisionReason
      due
      heldAt
      result
      resultNotes
    }
    amendment {
      id
      requestedBy
      requesterName
      details
      decision
      decisionReason
      resultingPlan {
        id
        version
      }
    }
    share {
      id
      recipientKind
      recipientName
      method
      sections
      decision
      revokedAt
    }
  }
`);

/** A person's case chronology across their plans, newest first (issue 12 item 5). */
export const PersonChronologyQuery = graphql(`
  query PersonChronology($id: ID!, $kinds: [ChronologyKind!]) {
    node(id: $id) {
      ... on Person {
        id
        preferredName
        legalName
        chronology(kinds: $kinds, first: 200) {
          ...ChronologyEntryFields
        }
      }
    }
  }
`);

/** One plan episode's chronology (all its versions), newest first. */
export const PlanChronologyQuery = graphql(`
  query PlanChronology($id: ID!, $kinds: [ChronologyKind!]) {
    node(id: $id) {
      ... on Plan {
        id
        version
        person {
          id
          preferredName
          legalName
        }
        chronology(kinds: $kinds, first: 200) {
          ...ChronologyEntryFields
        }
      }
    }
  }
`);
