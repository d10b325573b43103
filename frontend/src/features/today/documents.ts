import { graphql } from '../../gql';

/**
 * The worker's visits for one day (default today, Europe/London), with what
 * the worker's basis allows: the person's preferred name, where to go and how
 * to get in, how to communicate; the plan's outcomes with their steps, what
 * the worker does, the fluctuating-needs agreement; risks with contingencies.
 * The visit page reads its visit from this same answer, so both open offline
 * from Graphcache's stored copy.
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
      notes
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
          accessNotes
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
      notes
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
