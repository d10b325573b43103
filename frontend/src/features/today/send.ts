import type { Client } from 'urql';
import type { RecordVisitInput } from '../../gql/graphql';
import { failures, isRetryable } from '../../lib/graphqlErrors';
import { RecordVisitMutation } from './documents';
import type { SendOutcome, Sender } from './queue';

export const conflictMessage =
  'Someone else changed this visit after your phone last loaded it, so your record was not sent. It is kept on this phone: phone the office to agree what happened at the visit.';

export const failedMessage =
  'The server could not save this record: something went wrong on its side, and it has been logged. Your record is kept on this phone. Send it again; if it still fails, phone the office so they can record the visit.';

/**
 * Sends one record with the app's client and says how it went. Only what
 * may succeed unchanged later is "offline" (tried again when there is
 * signal): no answer, HTTP 429 or 503, a rate limit, a CONFLICT the server
 * marks retryable. A sign-in that has lapsed also waits, for the worker to
 * sign in again. Everything else, INTERNAL included, is kept with its
 * explanation and not resent on its own, so a record the server cannot
 * take is not sent for ever.
 */
export function senderFor(client: Client): Sender {
  return async (input: RecordVisitInput): Promise<SendOutcome> => {
    const result = await client.mutation(RecordVisitMutation, { input }, { requestPolicy: 'network-only' }).toPromise();
    if (result.data?.recordVisit) return { kind: 'sent' };
    if (!result.error || isRetryable(result.error)) return { kind: 'offline' };
    const errors = failures(result.error);
    // An error page we cannot read (a 500): the server failed; keep it.
    if (errors.length === 0) return { kind: 'rejected', problems: [{ message: failedMessage }] };
    if (errors.some((e) => e.code === 'UNAUTHENTICATED')) return { kind: 'offline' };
    if (errors.some((e) => e.code === 'INTERNAL')) return { kind: 'rejected', problems: [{ message: failedMessage }] };
    const conflict = errors.find((e) => e.code === 'CONFLICT');
    if (conflict) return { kind: 'conflict', message: conflictMessage };
    return {
      kind: 'rejected',
      problems: errors.flatMap((e) => (e.problems.length > 0 ? e.problems.map((p) => ({ field: p.field, message: p.message })) : [{ field: e.field, message: e.message }])),
    };
  };
}
