import { useCallback, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Link } from '../../../components';
import { hasCode, hasFailed } from '../../../lib/graphqlErrors';
import { usePageTitle } from '../../../lib/usePageTitle';
import type { PlanEditQuery as PlanEditResult } from '../../../gql/graphql';
import { planPersonName } from '../types';
import { PlanEditQuery } from './documents';

export type EditablePlan = Extract<NonNullable<PlanEditResult['node']>, { __typename: 'Plan' }>;

/** The draft plan the edit pages work on, from the cache at once and then the server. */
export function usePlanEdit() {
  const { planId = '' } = useParams();
  const [result, reexecute] = useQuery({ query: PlanEditQuery, variables: { id: planId } });
  const node = result.data?.node;
  const plan = node?.__typename === 'Plan' ? node : null;
  /** Fetches the plan again from the server (after a conflicting save). */
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { planId, plan, me: result.data?.me ?? null, result, refresh, personName: plan ? (planPersonName(plan) ?? 'the person') : 'the person' };
}

function Message({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
    </>
  );
}

/**
 * What an edit page shows until it can show its form: loading, not found,
 * a failure, or a plan that is no longer a draft. Null when the page can go on.
 */
export function editBlocker(edit: ReturnType<typeof usePlanEdit>): ReactNode {
  const { plan, result, planId } = edit;
  if (!plan && result.fetching) {
    return (
      <p className="govuk-body" role="status">
        Loading the plan…
      </p>
    );
  }
  if (!plan && (hasCode(result.error, 'NOT_FOUND') || (result.data && !hasFailed(result.error)))) {
    return (
      <Message title="Plan not found">
        <p className="govuk-body">There is no plan at this address, or none you have a basis to see.</p>
      </Message>
    );
  }
  if (!plan) {
    return (
      <Message title="Sorry, the plan could not be loaded">
        <p className="govuk-body">Try again in a few minutes.</p>
        {result.error && <p className="govuk-hint">{result.error.message}</p>}
      </Message>
    );
  }
  if (plan.status !== 'DRAFT') {
    return (
      <Message title="This plan is no longer a draft">
        <p className="govuk-body">Only a draft plan can be changed here. Agreed plans change through an amendment, which makes a new version (R25).</p>
        <p className="govuk-body">
          <Link className="govuk-link" href={`/plans/${planId}`}>
            View the plan
          </Link>
        </p>
      </Message>
    );
  }
  return null;
}
