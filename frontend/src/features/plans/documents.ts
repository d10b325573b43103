import { graphql } from '../../gql';

/**
 * One plan version as the plan page shows it: the six R1 items, outcomes
 * with their steps, risks with contingencies, review arrangements, and the
 * next few visits (asked of the root `visits` list, which can filter to
 * upcoming ones). Gated fields the viewer has no basis for are null, with a
 * SECTION_WITHHELD error each; viewerAccess says which and why.
 */
export const PlanQuery = graphql(`
  query Plan($id: ID!, $visitsFrom: Time!) {
    me {
      roles
      today
    }
    node(id: $id) {
      ... on Plan {
        id
        version
        revision
        status
        inProgress
        createdAt
        agreedAt
        commencedAt
        endedAt
        endReason
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
        interimMeasures
        person {
          id
          preferredName
          legalName
          viewerAccess {
            section
            allowed
            basis
            codedOnly
            withheldFromPerson
          }
        }
        supersedes {
          id
          version
          amendments {
            id
            details
            resultingPlan {
              id
            }
          }
        }
        supersededBy {
          id
          version
          status
        }
        serviceTeam {
          id
          name
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
          effect
        }
        outcomes(first: 100, orderBy: { field: POSITION, direction: ASC }) {
          edges {
            node {
              id
              statement
              kind
              domain
              supportRequired
              measure
              targetDate
              achievement
              position
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
          category
          description
          wellbeingImpact
          likelihood
          likelihoodEvidence
          benefits
          strategy
          environmentAssessmentRequired
          environmentAssessmentDoneAt
          mitigationConfirmedAt
          contingencies {
            id
            measures
            trigger
            whoActs
          }
        }
        reviews {
          id
          kind
          due
          heldAt
          decision
          result
          reviewer {
            id
            displayName
          }
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
    visits(first: 5, where: { planID: $id, startsAtGTE: $visitsFrom }, orderBy: { field: STARTS_AT, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          startsAt
          durationMinutes
          status
          worker {
            id
            displayName
          }
        }
      }
    }
  }
`);
