import { graphql } from '../../gql';

/** Who is looking, and today's date in the authority: the "mine" filter and overdue reviews. */
export const CaseloadViewerQuery = graphql(`
  query CaseloadViewer {
    me {
      today
      roles
      account {
        id
        displayName
      }
    }
  }
`);

/**
 * One page of the caseload: people the viewer's team holds (newest first),
 * with each person's newest plan version and its pending reviews. Names and
 * flags are gated fields: a viewer without their section gets null and a
 * SECTION_WITHHELD error for them, so they are filtered in the browser, never
 * in `where` (the API keeps gated fields out of its filters).
 */
export const CaseloadQuery = graphql(`
  query Caseload($first: Int!, $after: Cursor, $where: PersonWhereInput) {
    people(first: $first, after: $after, where: $where, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          legalName
          preferredName
          advocacy
          lacksCapacityForPlanning
          autism
          deafblind
          allocatedPractitioner {
            id
            displayName
          }
          viewerAccess {
            section
            allowed
            basis
            codedOnly
            withheldFromPerson
          }
          plans(first: 1, orderBy: { field: VERSION, direction: DESC }) {
            edges {
              node {
                id
                version
                status
                inProgress
                firstReviewDue
                reviews {
                  id
                  due
                  heldAt
                  decision
                }
              }
            }
          }
        }
      }
    }
  }
`);
