import { graphql } from '../../gql';

/** The authority's audit log, newest first, filtered as an auditor asks. */
export const AuditLogQuery = graphql(`
  query AuditLog($where: AuditEventWhereInput, $after: Cursor) {
    auditEvents(first: 50, after: $after, where: $where, orderBy: { field: OCCURRED_AT, direction: DESC }) {
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
