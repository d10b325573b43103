import { graphql } from '../../gql';

/**
 * An agreed plan on its way to commencement (issue 12 item 3): the service
 * and workers matched on training (R32), the visit schedule (R10), the risks
 * to the worker (R31), the planned period (R9) and what is still missing
 * (Plan.readiness), for the start pages.
 */
export const StartPlanQuery = graphql(`
  query StartPlan($id: ID!) {
    me {
      roles
      today
    }
    node(id: $id) {
      ... on Plan {
        id
        episode
        version
        revision
        status
        visitFrequency
        visitDurationMinutes
        plannedStart
        plannedEnd
        plannedEndReason
        visitsGeneratedAt
        person {
          id
          preferredName
        }
        serviceTeam {
          id
          name
        }
        workers {
          id
          displayName
        }
        workerMatches {
          worker {
            id
            displayName
          }
          service {
            id
            name
          }
          trained
          reasons
        }
        visits(first: 100, orderBy: { field: STARTS_AT, direction: ASC }) {
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
        risks {
          id
          kind
          description
          strategy
          environmentAssessmentRequired
          environmentAssessmentDoneAt
          environmentAssessmentFindings
          mitigationConfirmedAt
          mitigationChecked
          mitigationConfirmedBy {
            id
            displayName
          }
        }
        readiness {
          commence {
            rule
            field
            section
            message
          }
        }
      }
    }
  }
`);

/** Chooses the reablement service and the workers who visit (R20, R32). */
export const AssignReablementMutation = graphql(`
  mutation AssignReablement($id: ID!, $expectedRevision: Int!, $input: AssignReablementInput!) {
    assignReablement(id: $id, expectedRevision: $expectedRevision, input: $input) {
      id
      revision
      plannedStart
      serviceTeam {
        id
        name
      }
      workers {
        id
        displayName
      }
    }
  }
`);

/** Makes the visit schedule from the agreed frequency and duration, once (R10). */
export const GenerateVisitsMutation = graphql(`
  mutation GenerateVisits($id: ID!, $expectedRevision: Int!, $times: [String!]) {
    generateVisits(id: $id, expectedRevision: $expectedRevision, times: $times) {
      id
      revision
      plannedStart
      plannedEnd
      visitsGeneratedAt
    }
  }
`);

/** Adds one visit to the schedule. */
export const AddVisitMutation = graphql(`
  mutation AddVisit($input: CreateVisitInput!) {
    createVisit(input: $input) {
      id
      startsAt
      status
    }
  }
`);

/** Moves or cancels one visit. */
export const ChangeVisitMutation = graphql(`
  mutation ChangeVisit($id: ID!, $input: UpdateVisitInput!) {
    updateVisit(id: $id, input: $input) {
      id
      startsAt
      status
      revision
      worker {
        id
        displayName
      }
    }
  }
`);

/** Moves an agreed plan's planned end before commencement, with the reason (R9). */
export const MovePlannedEndMutation = graphql(`
  mutation MovePlannedEnd($id: ID!, $expectedRevision: Int!, $plannedEnd: Date!, $reason: String!) {
    movePlannedEnd(id: $id, expectedRevision: $expectedRevision, plannedEnd: $plannedEnd, reason: $reason) {
      id
      revision
      plannedEnd
      plannedEndReason
    }
  }
`);

/** Records a risk to the worker's environment assessment (R31). */
export const RecordEnvironmentAssessmentMutation = graphql(`
  mutation RecordEnvironmentAssessment($id: ID!, $findings: String!) {
    recordEnvironmentAssessment(id: $id, findings: $findings) {
      id
      environmentAssessmentDoneAt
      environmentAssessmentFindings
    }
  }
`);

/** A risk to the worker, for the registered manager to confirm (R31). */
export const RiskToConfirmQuery = graphql(`
  query RiskToConfirm($id: ID!) {
    node(id: $id) {
      ... on Risk {
        id
        kind
        description
        strategy
        likelihood
        environmentAssessmentRequired
        environmentAssessmentDoneAt
        environmentAssessmentFindings
        mitigationConfirmedAt
        mitigationChecked
        plan {
          id
          version
          person {
            id
            preferredName
          }
        }
      }
    }
  }
`);

/** The registered manager confirms a risk to the worker is mitigated, saying what they checked (R31). */
export const ConfirmRiskMutation = graphql(`
  mutation ConfirmRisk($id: ID!, $checked: String!) {
    confirmRiskMitigation(id: $id, checked: $checked) {
      id
      mitigationConfirmedAt
      mitigationChecked
    }
  }
`);
