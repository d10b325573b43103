import { CombinedError } from '@urql/core';
import type { Client } from 'urql';
import { describe, expect, it } from 'vitest';
import type { RecordVisitInput } from '../../gql/graphql';
import { conflictMessage, failedMessage, senderFor } from './send';

type Result = { data?: { recordVisit?: unknown } | null; error?: CombinedError };

/** A client whose one mutation answers with result. */
function clientAnswering(result: Result): Client {
  return { mutation: () => ({ toPromise: async () => result }) } as unknown as Client;
}

const input = { recordID: 'r1', visitID: 'VI01' } as unknown as RecordVisitInput;
const send = (result: Result) => senderFor(clientAnswering(result))(input);

const graphQLError = (code: string, extra: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [{ message: `${code} happened.`, extensions: { code, ...extra } }] });

/** A GraphQL error that came back with an HTTP status. */
function withStatus(error: CombinedError, status: number): CombinedError {
  Object.assign(error, { response: { status } });
  return error;
}

describe('sending a visit record: retry only what may work later', () => {
  it('is sent when the server returns the record', async () => {
    expect(await send({ data: { recordVisit: { id: 'VI01' } } })).toEqual({ kind: 'sent' });
  });

  it('tries again later with no signal (a network error)', async () => {
    expect(await send({ error: new CombinedError({ networkError: new Error('Failed to fetch') }) })).toEqual({ kind: 'offline' });
  });

  it('tries again later on HTTP 429 and 503', async () => {
    expect(await send({ error: withStatus(graphQLError('RATE_LIMITED', { retryable: true, retryAfter: 20 }), 429) })).toEqual({ kind: 'offline' });
    expect(await send({ error: withStatus(new CombinedError({ networkError: new Error('Service Unavailable') }), 503) })).toEqual({ kind: 'offline' });
  });

  it('tries again later on a CONFLICT the server marks retryable (a lock wait: nothing was changed)', async () => {
    expect(await send({ error: graphQLError('CONFLICT', { retryable: true }) })).toEqual({ kind: 'offline' });
  });

  it('keeps a CONFLICT that is not retryable as a conflict, not resent', async () => {
    expect(await send({ error: graphQLError('CONFLICT') })).toEqual({ kind: 'conflict', message: conflictMessage });
  });

  it('keeps INTERNAL as an explained failure instead of resending it for ever', async () => {
    expect(await send({ error: graphQLError('INTERNAL') })).toEqual({ kind: 'rejected', problems: [{ message: failedMessage }] });
  });

  it('keeps an unreadable 500 as an explained failure', async () => {
    expect(await send({ error: withStatus(new CombinedError({ networkError: new Error('Internal Server Error') }), 500) })).toEqual({
      kind: 'rejected',
      problems: [{ message: failedMessage }],
    });
  });

  it('keeps a refusal with its problems, field by field', async () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'Departure is before arrival.', extensions: { code: 'INVALID_INPUT', field: 'input.departedAt' } }],
    });
    expect(await send({ error })).toEqual({ kind: 'rejected', problems: [{ field: 'input.departedAt', message: 'Departure is before arrival.' }] });
  });

  it('waits for the worker to sign in again when the sign-in has lapsed', async () => {
    expect(await send({ error: withStatus(graphQLError('UNAUTHENTICATED'), 401) })).toEqual({ kind: 'offline' });
  });
});
