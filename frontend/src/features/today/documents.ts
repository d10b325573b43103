import { graphql } from '../../gql';

/**
 * The worker's visits for one day (default today, Europe/London), with what
 * the worker's basis allows: the person's preferred name, where to go and how
 * to get in, how to communicate; the plan's outcomes with their steps, what
 * the worker does, the fluctuating-needs agreement; risks with contingencies.
 * The visit page reads its visit from this same answer, so both open offline
 * from Graphcache's stored copy. Access notes are not here: the API shows
 * them only around each visit (PersonAccessNotesQuery).
 */
export const MyVisitsQuery = graphql(`
  query MyVisits {
    me {
      today
      account {
        id
      }
    }
    myVisits {
      id
      startsAt
      durationMinutes
      status
      revision
      arrivedAt
      departedAt
      outcome
      outcomeReason
      notes
      handover
      handoverFrom {
        id
        startsAt
        departedAt
        handover
      }
      progress {
        id
        outcomeID
        stepID
        stepStatus
        note
      }
      plan {
        id
        workerTasks
        fluctuatingNeeds
        person {
          id
          preferredName
          visitAddress
          carers {
            id
            name
            relationship
            phone
          }
          communicationNeeds
          interpreterLanguage
          autism
          deafblind
        }
        outcomes(first: 100, orderBy: { field: POSITION, direction: ASC }) {
          edges {
            node {
              id
              statement
              position
              steps {
                id
                description
                position
                status
              }
            }
          }
        }
        risks {
          id
          kind
          category
          description
          likelihood
          strategy
          environmentAssessmentRequired
          environmentAssessmentDoneAt
          mitigationConfirmedAt
          contingencies {
            id
            trigger
            measures
            whoActs
          }
        }
      }
    }
  }
`);

/**
 * A visit record from the phone, applied once per recordID. The answer
 * updates the cached visit (status, revision, times, notes, progress).
 */
export const RecordVisitMutation = graphql(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      id
      status
      revision
      arrivedAt
      departedAt
      outcome
      outcomeReason
      notes
      handover
      progress {
        id
        outcomeID
        stepID
        stepStatus
        note
      }
    }
  }
`);

/**
 * How to get in (a key-safe code): the API answers it only from an hour
 * before one of the worker's visits to the person until an hour after it,
 * so the visit page asks for it when it opens.
 */
export const PersonAccessNotesQuery = graphql(`
  query PersonAccessNotes($id: ID!) {
    node(id: $id) {
      id
      ... on Person {
        accessNotes
      }
    }
  }
`);

/** Another day's visits, in brief: the list for tomorrow and the week. */
export const MyVisitsOnQuery = graphql(`
  query MyVisitsOn($date: Date) {
    myVisits(date: $date) {
      id
      startsAt
      durationMinutes
      status
      plan {
        id
        person {
          id
          preferredName
          visitAddress
          interpreterLanguage
          autism
          deafblind
        }
        risks {
          id
          kind
          category
        }
      }
    }
  }
`);
