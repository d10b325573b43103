import { graphql } from '../../../gql';

/**
 * A draft plan for editing: everything the edit pages show and change, the
 * person's needs to choose from (R1(a)) and the team to choose who is
 * responsible for reviews (R1(f)).
 */
export const PlanEditQuery = graphql(`
  query PlanEdit($id: ID!) {
    me {
      roles
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
        revision
        status
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
        readiness {
          agree {
            rule
            field
            message
          }
        }
        reviewResponsible {
          id
          displayName
          jobTitle
        }
        needs {
          id
          area
        }
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
          needs {
            id
            area
            description
          }
          team {
            id
            name
            members {
              id
              displayName
              jobTitle
            }
          }
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
          contingencies {
            id
            measures
            trigger
            whoActs
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
  }
`);

/** Saves R1 fields of a plan version from the revision the form was opened at (CONFLICT if stale). */
export const UpdatePlanMutation = graphql(`
  mutation UpdatePlan($id: ID!, $expectedRevision: Int!, $input: UpdatePlanInput!) {
    updatePlan(id: $id, expectedRevision: $expectedRevision, input: $input) {
      id
      revision
      status
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
      reviewResponsible {
        id
        displayName
        jobTitle
      }
      needs {
        id
        area
      }
    }
  }
`);

export const CreateOutcomeMutation = graphql(`
  mutation CreateOutcome($input: CreateOutcomeInput!) {
    createOutcome(input: $input) {
      id
      planID
      statement
      kind
      domain
      supportRequired
      measure
      targetDate
      achievement
      position
    }
  }
`);

export const UpdateOutcomeMutation = graphql(`
  mutation UpdateOutcome($id: ID!, $input: UpdateOutcomeInput!) {
    updateOutcome(id: $id, input: $input) {
      id
      statement
      kind
      domain
      supportRequired
      measure
      targetDate
      achievement
      position
    }
  }
`);

export const DeleteOutcomeMutation = graphql(`
  mutation DeleteOutcome($id: ID!) {
    deleteOutcome(id: $id)
  }
`);

export const CreateOutcomeStepMutation = graphql(`
  mutation CreateOutcomeStep($input: CreateOutcomeStepInput!) {
    createOutcomeStep(input: $input) {
      id
      outcomeID
      description
      position
      targetDate
      status
    }
  }
`);

export const UpdateOutcomeStepMutation = graphql(`
  mutation UpdateOutcomeStep($id: ID!, $input: UpdateOutcomeStepInput!) {
    updateOutcomeStep(id: $id, input: $input) {
      id
      description
      position
      targetDate
      status
    }
  }
`);

export const DeleteOutcomeStepMutation = graphql(`
  mutation DeleteOutcomeStep($id: ID!) {
    deleteOutcomeStep(id: $id)
  }
`);

export const CreateRiskMutation = graphql(`
  mutation CreateRisk($input: CreateRiskInput!) {
    createRisk(input: $input) {
      id
      planID
      kind
      category
      description
      wellbeingImpact
      likelihood
      likelihoodEvidence
      benefits
      strategy
      environmentAssessmentRequired
    }
  }
`);

export const UpdateRiskMutation = graphql(`
  mutation UpdateRisk($id: ID!, $input: UpdateRiskInput!) {
    updateRisk(id: $id, input: $input) {
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
    }
  }
`);

export const DeleteRiskMutation = graphql(`
  mutation DeleteRisk($id: ID!) {
    deleteRisk(id: $id)
  }
`);

export const CreateContingencyMutation = graphql(`
  mutation CreateContingency($input: CreateContingencyInput!) {
    createContingency(input: $input) {
      id
      riskID
      measures
      trigger
      whoActs
    }
  }
`);

export const UpdateContingencyMutation = graphql(`
  mutation UpdateContingency($id: ID!, $input: UpdateContingencyInput!) {
    updateContingency(id: $id, input: $input) {
      id
      measures
      trigger
      whoActs
    }
  }
`);

export const DeleteContingencyMutation = graphql(`
  mutation DeleteContingency($id: ID!) {
    deleteContingency(id: $id)
  }
`);
