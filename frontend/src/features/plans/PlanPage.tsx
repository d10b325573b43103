import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { NotificationBanner } from '../../components';
import type { SavedState } from '../../lib/forms';
import { useQuery } from 'urql';
import { hasCode, hasFailed } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { PlanView } from './components/PlanView';
import { PlanQuery } from './documents';
import { planPersonName } from './types';

/** Roles that edit draft plans. */
export const planningRoles = ['PRACTITIONER', 'MANAGER'];

/** Midnight today (UTC) as an instant: visits from then on count as upcoming. */
function startOfToday(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}

/** /plans/:planId: one plan version. Fetches; PlanView renders. */
export function PlanPage() {
  const { planId = '' } = useParams();
  const [visitsFrom] = useState(startOfToday);
  const [result] = useQuery({ query: PlanQuery, variables: { id: planId, visitsFrom } });
  const saved = (useLocation().state as SavedState | null)?.saved;
  const node = result.data?.node;
  const plan = node?.__typename === 'Plan' ? node : null;
  const name = plan ? planPersonName(plan) : null;
  usePageTitle(plan ? `Reablement plan, version ${plan.version}${name ? ` – ${name}` : ''}` : 'Reablement plan');

  if (!plan && result.fetching) {
    return (
      <p className="govuk-body" role="status">
        Loading the plan…
      </p>
    );
  }
  if (!plan && (hasCode(result.error, 'NOT_FOUND') || (result.data && !hasFailed(result.error)))) {
    return (
      <>
        <h1 className="govuk-heading-l">Plan not found</h1>
        <p className="govuk-body">There is no plan at this address, or none you have a basis to see.</p>
      </>
    );
  }
  if (!plan) {
    return (
      <>
        <h1 className="govuk-heading-l">Sorry, the plan could not be loaded</h1>
        <p className="govuk-body">Try again in a few minutes.</p>
        {result.error && <p className="govuk-hint">{result.error.message}</p>}
      </>
    );
  }

  const visitEdges = result.data?.visits.edges ?? [];
  const visits = visitEdges.flatMap((edge) => (edge?.node ? [edge.node] : []));
  const canEdit = result.data?.me.roles.some((role) => planningRoles.includes(role)) ?? false;
  return (
    <>
      {saved && <NotificationBanner type="success">{saved}</NotificationBanner>}
      <PlanView
      plan={plan}
      visits={visits}
      visitsTotal={result.data?.visits.totalCount ?? visits.length}
      visitsMissing={visitEdges.length - visits.length}
      canEdit={canEdit}
      />
    </>
  );
}
