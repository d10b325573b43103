import type { UpdateResolver, UpdatesConfig } from '@urql/exchange-graphcache';

/** A new record's list on its person is stale: the person page asks again. */
function stale(field: string): UpdateResolver {
  return (_result, args, cache) => {
    const personID = (args.input as { personID?: unknown } | undefined)?.personID;
    if (typeof personID === 'string') cache.invalidate({ __typename: 'Person', id: personID }, field);
  };
}

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
    createNeed: stale('needs'),
    createCarer: stale('carers'),
    createContact: stale('contacts'),
    createCapacityAssessment: stale('capacityAssessments'),
    recordConsent: stale('consents'),
    createAdvice: stale('advice'),
    // Followed up: off the due list (R34).
    followUpAdvice: (_result, _args, cache) => {
      cache.invalidate('Query', 'dueList', { withinDays: 7 });
    },
  },
};
