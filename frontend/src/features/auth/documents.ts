import { graphql } from '../../gql';

/** The accounts the development signer can sign in as (unauthenticated). */
export const DemoAccountsQuery = graphql(`
  query DemoAccounts {
    demoAccounts {
      username
      displayName
      roles
      teamName
      description
    }
  }
`);

/** A token for a demo account (unauthenticated; development signer only). */
export const SignInAsDemoMutation = graphql(`
  mutation SignInAsDemo($username: String!) {
    signInAsDemo(username: $username) {
      token
      expiresAt
    }
  }
`);

/** Who is signed in: enough for the header, the navigation and the home page. */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      roles
      today
      recordKey
      account {
        id
        displayName
      }
      authority {
        id
        name
      }
    }
  }
`);
