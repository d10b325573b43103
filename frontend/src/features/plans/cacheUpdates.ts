import type { Cache, UpdatesConfig } from '@urql/exchange-graphcache';

/** Invalidates every cached variant (all arguments) of one field of an entity. */
export function invalidateField(cache: Cache, entity: { __typename: string; id: string }, field: string): void {
  const key = cache.keyOfEntity(entity);
  if (!key) return;
  for (const info of cache.inspectFields(key)) {
    if (info.fieldName === field) cache.invalidate(key, info.fieldName, info.arguments ?? undefined);
  }
}

const input = (args: Record<string, unknown>) => (args.input ?? {}) as Record<string, unknown>;
const id = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * What the plan edit mutations change in the normalised cache. Updates come
 * back with their entity and need nothing; a create adds to a list the
 * cache cannot extend by itself, and a delete removes an entity, so both
 * make the lists they touch stale and the pages showing them refetch.
 */
export const planCacheUpdates: UpdatesConfig = {
  Mutation: {
    createOutcome: (_result, args, cache) => invalidateField(cache, { __typename: 'Plan', id: id(input(args).planID) }, 'outcomes'),
    deleteOutcome: (_result, args, cache) => cache.invalidate({ __typename: 'Outcome', id: id(args.id) }),
    createOutcomeStep: (_result, args, cache) => invalidateField(cache, { __typename: 'Outcome', id: id(input(args).outcomeID) }, 'steps'),
    deleteOutcomeStep: (_result, args, cache) => cache.invalidate({ __typename: 'OutcomeStep', id: id(args.id) }),
    createRisk: (_result, args, cache) => invalidateField(cache, { __typename: 'Plan', id: id(input(args).planID) }, 'risks'),
    deleteRisk: (_result, args, cache) => cache.invalidate({ __typename: 'Risk', id: id(args.id) }),
    createContingency: (_result, args, cache) => invalidateField(cache, { __typename: 'Risk', id: id(input(args).riskID) }, 'contingencies'),
    deleteContingency: (_result, args, cache) => cache.invalidate({ __typename: 'Contingency', id: id(args.id) }),
  },
};
