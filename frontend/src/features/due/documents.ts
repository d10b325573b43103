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
      safeguardingConcerns {
        id
        kind
        details
        createdAt
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

export const AcknowledgeConcernMutation = graphql(`
  mutation AcknowledgeConcern($id: ID!) {
    acknowledgeConcern(id: $id) {
      id
      acknowledgedAt
    }
  }
`);
