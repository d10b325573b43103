import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { OwnHomeQuery as OwnHome, Section } from '../../gql/graphql';
import { HomePlanQuery, OwnHomeQuery } from './documents';
import type { HomePlan } from './PlanInWords';

export type HomePlanSummary = NonNullable<NonNullable<NonNullable<OwnHome['plans']['edges']>[number]>['node']>;

/** The sections of a plan the viewer may read in full, from the server's viewerAccess. */
export function readable(plan: HomePlanSummary): Section[] {
  return plan.viewerAccess.filter((a) => a.allowed && !a.codedOnly).map((a) => a.section);
}

/** The viewer's home: who they are and the plans in force they hold. */
export function useOwnHome() {
  const [result] = useQuery({ query: OwnHomeQuery, requestPolicy: 'cache-and-network' });
  const plans = (result.data?.plans.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return { me: result.data?.me, plans, fetching: result.fetching, error: result.error };
}

/** One plan's content, asking only for the sections the viewer holds. */
export function useHomePlan(plan: HomePlanSummary | undefined, today: string | undefined) {
  const sections = plan ? readable(plan) : [];
  const has = (s: Section) => sections.includes(s);
  // Visits from the start of today, so a visit later today is "next".
  const from = useMemo(() => (today ? new Date(`${today}T00:00:00Z`).toISOString() : new Date().toISOString()), [today]);
  const [result, reload] = useQuery({
    query: HomePlanQuery,
    pause: !plan,
    requestPolicy: 'cache-and-network',
    variables: {
      id: plan?.id ?? '',
      from,
      contact: has('CONTACT'),
      involvement: has('INVOLVEMENT'),
      outcomes: has('OUTCOMES'),
      visits: has('VISITS'),
      workerSupport: has('WORKER_SUPPORT'),
      otherSupport: has('OTHER_SUPPORT'),
      risks: has('RISKS'),
      review: has('REVIEW'),
    },
  });
  const node = result.data?.node;
  const content = node?.__typename === 'Plan' ? (node as HomePlan) : undefined;
  const visits = result.data?.visits ? result.data.visits.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [] : null;
  return { plan: content, visits, sections, fetching: result.fetching, error: result.error, reload };
}
