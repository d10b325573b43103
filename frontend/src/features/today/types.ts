import type { MyVisitsQuery } from '../../gql/graphql';

/** One of the worker's visits, as myVisits answers it. */
export type TodayVisit = MyVisitsQuery['myVisits'][number];
export type TodayPlan = TodayVisit['plan'];
export type TodayPerson = TodayPlan['person'];
export type TodayRisk = NonNullable<TodayPlan['risks']>[number];
export type TodayOutcome = NonNullable<NonNullable<NonNullable<NonNullable<TodayPlan['outcomes']>['edges']>[number]>['node']>;
export type TodayStep = NonNullable<TodayOutcome['steps']>[number];

/** The plan's outcomes in order, without the connection's wrapping. */
export function outcomesOf(plan: Pick<TodayPlan, 'outcomes'>): TodayOutcome[] {
  return (plan.outcomes?.edges ?? [])
    .flatMap((edge) => (edge?.node ? [edge.node] : []))
    .sort((a, b) => a.position - b.position);
}

/** The steps still to work on (not done), in order. */
export function currentSteps(outcome: Pick<TodayOutcome, 'steps'>): TodayStep[] {
  return [...(outcome.steps ?? [])].filter((step) => step.status !== 'DONE').sort((a, b) => a.position - b.position);
}

/** The name to use for the person: their preferred name, or a neutral fallback. */
export function personName(person: Pick<TodayPerson, 'preferredName'>): string {
  return person.preferredName?.trim() || 'The person';
}
