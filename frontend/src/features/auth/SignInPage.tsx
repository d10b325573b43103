import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Details, InsetText } from '../../components';
import { setToken } from '../../lib/auth';
import { homePathFor } from '../../lib/roles';
import { safeNext } from '../../lib/safeNext';
import { usePageTitle } from '../../lib/usePageTitle';
import { DemoAccountsQuery, SignInAsDemoMutation } from './documents';
import { SignInForm, type DemoAccount } from './SignInForm';

/**
 * Development sign-in: lists the development signer's demo accounts and
 * signs in as one. Workers land on today's visits, everyone else on the
 * caseload (or on the page they were sent here from).
 */
export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [accountsResult] = useQuery({ query: DemoAccountsQuery, requestPolicy: 'network-only' });
  const [signInResult, signIn] = useMutation(SignInAsDemoMutation);
  const [serverError, setServerError] = useState<string>();
  const failed = Boolean(accountsResult.error);
  usePageTitle('Sign in', Boolean(serverError));

  const onSubmit = async (account: DemoAccount) => {
    setServerError(undefined);
    const result = await signIn({ username: account.username });
    const session = result.data?.signInAsDemo;
    if (!session) {
      setServerError(result.error?.graphQLErrors[0]?.message ?? 'Sign-in did not work. Try again.');
      return;
    }
    setToken(session.token, session.expiresAt);
    navigate(safeNext(params.get('next')) ?? homePathFor(account.roles), { replace: true });
  };

  if (accountsResult.fetching && !accountsResult.data) {
    return (
      <p className="govuk-body" role="status">
        Loading demo accounts…
      </p>
    );
  }

  if (failed || !accountsResult.data) {
    return (
      <>
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">Demo accounts are not available from this server.</p>
        <InsetText>
          Demo sign-in works only when the server runs with its development signer on (DEV_SIGNER=1). In production, sign in through your council's
          account.
        </InsetText>
        {accountsResult.error && (
          <Details summary="What the server said">
            <p className="govuk-body">{accountsResult.error.message}</p>
          </Details>
        )}
      </>
    );
  }

  const accounts = accountsResult.data.demoAccounts;
  if (accounts.length === 0) {
    return (
      <>
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">This server has no demo accounts. Start it with demo data (DEMO_DATA=1).</p>
      </>
    );
  }

  return <SignInForm accounts={accounts} onSubmit={onSubmit} submitting={signInResult.fetching} serverError={serverError} />;
}
