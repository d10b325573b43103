import { graphql } from '../../gql';

/** What is due or overdue for the viewer's people. */
export const DueListQuery = graphql(`
  query DueList($withinDays: Int) {
    me {
      today
      roles
    }
    dueList(withinDays: $withinDays) {
      reviews {
        id
        kind
        due
        decision
        plan {
          id
          version
          person {
            id
            preferredName
          }
        }
      }
      firstReviewsDue {
        id
        version
        firstReviewDue
        person {
          id
          preferredName
        }
      }
      plansNearingEnd {
        id
        version
        plannedEnd
        person {
          id
          preferredName
        }
      }
      adviceFollowUps {
        id
        summary
        followUpDue
        person {
          id
          preferredName
        }
      }
      workerRisksToConfirm {
        id
        description
        strategy
        plan {
          id
          version
          person {
            id
            preferredName
          }
        }
      }
      advocacyReferralsWaiting {
        id
        preferredName
      }
      amendmentRequests {
        id
        requestedBy
        createdAt
        plan {
          id
          version
          person {
            id
            preferredName
          }
        }
      }
      concerns {
        id
        kind
        details
        createdAt
        acknowledgedAt
        visit {
          id
          plan {
            id
            person {
              id
              preferredName
            }
          }
        }
      }
    }
  }
`);

/** One concern, to record what was done about it. */
export const ConcernQuery = graphql(`
  query Concern($id: ID!) {
    node(id: $id) {
      id
      ... on Concern {
        kind
        details
        createdAt
        closedAt
        visit {
          id
          startsAt
          plan {
            id
            person {
              id
              preferredName
            }
          }
        }
      }
    }
  }
`);

/** Closes a concern with what was done recorded (issue 13). */
export const CloseConcernMutation = graphql(`
  mutation CloseConcern($input: CloseConcernInput!) {
    closeConcern(input: $input) {
      id
      closedAt
      actionsTaken
      section42Decision
      outcome
    }
  }
`);
