import { graphql } from '../../gql';

/**
 * The authority's audit log, newest first, filtered as an auditor asks.
 * Matches are counted only when filtered ($counted): counting the whole log
 * reads every event the authority ever recorded (half a second at four
 * million), and its size alone tells an auditor nothing.
 */
export const AuditLogQuery = graphql(`
  query AuditLog($where: AuditEventWhereInput, $after: Cursor, $counted: Boolean!) {
    auditEvents(first: 50, after: $after, where: $where, orderBy: { field: OCCURRED_AT, direction: DESC }) {
      totalCount @include(if: $counted)
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
          personID
          planID
          sections
          bases
          flagged
          operation
        }
      }
    }
  }
`);
