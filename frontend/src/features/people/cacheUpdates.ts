import type { UpdatesConfig } from '@urql/exchange-graphcache';

/** The person's lists a new record belongs in are stale (a new draft plan, a new need), and a record opened by emergency access. */
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
    // The record answered "not found" before; with emergency access it opens.
    requestEmergencyAccess: (_result, args, cache) => {
      if (typeof args.personID === 'string') cache.invalidate('Query', 'node', { id: args.personID });
    },
    createNeed: (_result, args, cache) => {
      const personID = (args.input as { personID?: unknown } | undefined)?.personID;
      if (typeof personID === 'string') cache.invalidate({ __typename: 'Person', id: personID }, 'needs');
    },
  },
};
