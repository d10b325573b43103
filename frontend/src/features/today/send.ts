import type { Client } from 'urql';
import type { RecordVisitInput } from '../../gql/graphql';
import { failures } from '../../lib/graphqlErrors';
import { RecordVisitMutation } from './documents';
import type { SendOutcome, Sender } from './queue';

export const conflictMessage =
  'Someone else changed this visit after your phone last loaded it, so your record was not sent. It is kept on this phone: phone the office to agree what happened at the visit.';

/** Sends one record with the app's client and says how it went. */
export function senderFor(client: Client): Sender {
  return async (input: RecordVisitInput): Promise<SendOutcome> => {
    const result = await client.mutation(RecordVisitMutation, { input }, { requestPolicy: 'network-only' }).toPromise();
    if (result.data?.recordVisit) return { kind: 'sent' };
    const errors = failures(result.error);
    // No answer, or no answer we can read (a proxy's error page): try again later.
    if (!result.error || result.error.networkError || errors.length === 0) return { kind: 'offline' };
    if (errors.some((e) => e.code === 'UNAUTHENTICATED' || e.code === 'INTERNAL')) return { kind: 'offline' };
    const conflict = errors.find((e) => e.code === 'CONFLICT');
    if (conflict) return { kind: 'conflict', message: conflictMessage };
    return {
      kind: 'rejected',
      problems: errors.flatMap((e) => (e.problems.length > 0 ? e.problems.map((p) => ({ field: p.field, message: p.message })) : [{ field: e.field, message: e.message }])),
    };
  };
}
