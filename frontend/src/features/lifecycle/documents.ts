import { graphql } from '../../gql';

/** A plan version's place in its life (R2): what is still missing, its reviews and amendment requests. */
export const PlanLifecycleQuery = graphql(`
  query PlanLifecycle($id: ID!) {
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
        inProgress
        plannedStart
        plannedEnd
        firstReviewDue
        person {
          id
          preferredName
        }
        supersedes {
          id
          version
        }
        supersededBy {
          id
          version
        }
        involvements {
          id
          name
          relationship
          basis
        }
        readiness {
          agree {
            rule
            field
            message
          }
          commence {
            rule
            field
            message
          }
        }
        reviews {
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
        amendments {
          id
          createdAt
          requestedBy
          requesterName
          reason
          details
          personConsultedAt
          personView
          evidenceReviewed
          decision
          decisionReason
          decidedAt
          resultingPlan {
            id
            version
          }
        }
      }
    }
  }
`);


export const AgreePlanMutation = graphql(`
  mutation AgreePlan($id: ID!, $expectedRevision: Int!) {
    agreePlan(id: $id, expectedRevision: $expectedRevision) {
      id
      revision
      status
      agreedAt
    }
  }
`);

export const CommencePlanMutation = graphql(`
  mutation CommencePlan($id: ID!, $expectedRevision: Int!) {
    commencePlan(id: $id, expectedRevision: $expectedRevision) {
      id
      revision
      status
      commencedAt
      firstReviewDue
      chargeableFrom
    }
  }
`);

export const EndPlanMutation = graphql(`
  mutation EndPlan($id: ID!, $expectedRevision: Int!, $input: EndPlanInput!) {
    endPlan(id: $id, expectedRevision: $expectedRevision, input: $input) {
      id
      revision
      status
      endedAt
      endReason
    }
  }
`);

export const RefusePlanMutation = graphql(`
  mutation RefusePlan($id: ID!, $expectedRevision: Int!, $input: EndPlanInput!) {
    refusePlan(id: $id, expectedRevision: $expectedRevision, input: $input) {
      id
      revision
      status
      endedAt
    }
  }
`);

export const WithdrawPlanMutation = graphql(`
  mutation WithdrawPlan($id: ID!, $expectedRevision: Int!, $input: EndPlanInput!) {
    withdrawPlan(id: $id, expectedRevision: $expectedRevision, input: $input) {
      id
      revision
      status
      endedAt
    }
  }
`);

export const RequestReviewMutation = graphql(`
  mutation RequestReview($input: CreateReviewInput!) {
    requestReview(input: $input) {
      id
      kind
      requestedBy
      reason
      decision
      due
    }
  }
`);

export const DecideReviewRequestMutation = graphql(`
  mutation DecideReviewRequest($id: ID!, $decision: ReviewDecision!, $reason: String!) {
    decideReviewRequest(id: $id, decision: $decision, reason: $reason) {
      id
      decision
      decisionReason
    }
  }
`);

export const RecordReviewResultMutation = graphql(`
  mutation RecordReviewResult($id: ID!, $result: ReviewResult!, $notes: String!) {
    recordReviewResult(id: $id, result: $result, notes: $notes) {
      id
      heldAt
      result
      resultNotes
    }
  }
`);

export const RequestAmendmentMutation = graphql(`
  mutation RequestAmendment($input: CreateAmendmentInput!) {
    requestAmendment(input: $input) {
      id
      decision
    }
  }
`);

export const ConsultPersonMutation = graphql(`
  mutation ConsultPersonOnAmendment($id: ID!, $personView: String!) {
    consultPersonOnAmendment(id: $id, personView: $personView) {
      id
      personConsultedAt
      personView
    }
  }
`);

export const DecideAmendmentMutation = graphql(`
  mutation DecideAmendment($id: ID!, $decision: AmendmentDecision!, $reason: String!, $evidenceReviewed: String, $toldOfRightToComplain: Boolean) {
    decideAmendment(id: $id, decision: $decision, reason: $reason, evidenceReviewed: $evidenceReviewed, toldOfRightToComplain: $toldOfRightToComplain) {
      id
      decision
      decisionReason
      decidedAt
      resultingPlan {
        id
        version
      }
    }
  }
`);

/** Two versions side by side: what changed, section by section. */
export const PlanDiffQuery = graphql(`
  query PlanDiff($from: ID!, $to: ID!) {
    from: node(id: $from) {
      ... on Plan {
        id
        version
        status
        person {
          id
          preferredName
        }
      }
    }
    to: node(id: $to) {
      ... on Plan {
        id
        version
        status
      }
    }
    planDiff(from: $from, to: $to) {
      section
      field
      before
      after
    }
  }
`);

/** Records someone involved in planning, and the basis for involving them (R3). */
export const CreateInvolvementMutation = graphql(`
  mutation CreateInvolvement($input: CreateInvolvementInput!) {
    createInvolvement(input: $input) {
      id
      name
      relationship
      basis
    }
  }
`);
