import type { UpdatesConfig } from '@urql/exchange-graphcache';

/** A new draft plan belongs in the person's list of plans and on the caseload: those lists are stale. */
export const peopleCacheUpdates: UpdatesConfig = {
  Mutation: {
    createPlan: (_result, args, cache) => {
      const personID = (args.input as { personID?: unknown } | undefined)?.personID;
      const key = typeof personID === 'string' ? cache.keyOfEntity({ __typename: 'Person', id: personID }) : null;
      if (!key) return;
      for (const info of cache.inspectFields(key)) {
        if (info.fieldName === 'plans') cache.invalidate(key, info.fieldName, info.arguments ?? undefined);
      }
    },
  },
};
