import { graphql } from '../../gql';

/** What the share screen needs: the plan version, the person's decisions about sharing, and who already has a copy. */
export const SharePlanPageQuery = graphql(`
  query SharePlanPage($id: ID!) {
    shareBases {
      recipientKind
      bases
    }
    node(id: $id) {
      ... on Plan {
        id
        version
        status
        person {
          id
          preferredName
          lacksCapacityForPlanning
          consents {
            id
            purpose
            givenBy
            covers
            decidedAt
            withdrawnAt
          }
        }
        shares {
          id
          recipientName
          recipientKind
          basis
          sections
          decision
          sharedAt
          expiresAt
          revokedAt
        }
      }
    }
  }
`);

/** What the recipient would see, by the same rules and policy as the share itself; nothing is saved. */
export const PreviewShareQuery = graphql(`
  query PreviewShare($input: CreateShareInput!) {
    previewShare(input: $input) {
      recipientName
      access {
        section
        allowed
        basis
        codedOnly
      }
    }
  }
`);

export const SharePlanMutation = graphql(`
  mutation SharePlan($input: CreateShareInput!) {
    sharePlan(input: $input) {
      id
      recipientName
      recipientKind
      basis
      sections
      decision
      sharedAt
      expiresAt
      revokedAt
    }
  }
`);

export const RevokeShareMutation = graphql(`
  mutation RevokeShare($id: ID!, $reason: String!) {
    revokeShare(id: $id, reason: $reason) {
      id
      revokedAt
    }
  }
`);

/** Who has seen the person's record, what they saw, and on which basis: the audit log, newest first. */
export const AccessHistoryQuery = graphql(`
  query AccessHistory($personID: ID!, $from: Time, $to: Time, $after: Cursor) {
    node(id: $personID) {
      ... on Person {
        id
        preferredName
      }
    }
    auditEvents(
      first: 50
      after: $after
      where: { personID: $personID, occurredAtGTE: $from, occurredAtLT: $to }
      orderBy: { field: OCCURRED_AT, direction: DESC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          occurredAt
          action
          viewerName
          viewerRoles
          sections
          bases
          flagged
          planID
        }
      }
    }
  }
`);

/** A decision by or for the person about sharing (R22): consent, or best interests with capacity at the time. */
export const RecordConsentMutation = graphql(`
  mutation RecordConsent($input: CreateConsentInput!) {
    recordConsent(input: $input) {
      id
      purpose
      givenBy
      covers
      decidedAt
      withdrawnAt
    }
  }
`);
