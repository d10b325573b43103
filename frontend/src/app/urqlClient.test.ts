import { afterEach, describe, expect, it, vi } from 'vitest';
import { DemoAccountsQuery } from '../features/auth/documents';
import persisted from '../gql/persisted-documents.json';
import { getToken, setToken, signOut } from '../lib/auth';
import { createUrqlClient } from './urqlClient';

function stubFetch(status = 200, body: unknown = { data: { demoAccounts: [] } }) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('the GraphQL client', () => {
  it("sends the document's codegen hash (plain sha256 hex) instead of its text", async () => {
    const fetch = stubFetch();
    await createUrqlClient(null).query(DemoAccountsQuery, {}).toPromise();
    const [, init] = fetch.mock.calls[0] ?? [];
    const body = JSON.parse(String(init?.body));
    const hash = body.extensions.persistedQuery.sha256Hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(persisted)).toContain(hash);
    expect((persisted as Record<string, string>)[hash]).toMatch(/^query DemoAccounts /);
    expect(body.query).toBeUndefined();
    expect(init?.method).toBe('POST');
  });

  it('sends the bearer token when signed in, and none otherwise', async () => {
    const fetch = stubFetch();
    const client = createUrqlClient(null);
    await client.query(DemoAccountsQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(new Headers(fetch.mock.calls[0]?.[1].headers).get('Authorization')).toBeNull();
    setToken('t0ken');
    await client.query(DemoAccountsQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(new Headers(fetch.mock.calls[1]?.[1].headers).get('Authorization')).toBe('Bearer t0ken');
  });

  it('signs out when the server refuses the token', async () => {
    stubFetch(401, { errors: [{ message: 'unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] });
    setToken('stale');
    await createUrqlClient(null).query(DemoAccountsQuery, {}).toPromise();
    expect(getToken()).toBeNull();
  });
});

describe("Graphcache's key-less types (issue 12, item 8)", () => {
  it('come from the schema: every type without an id is embedded, every type with one is normalised, demo accounts by username', async () => {
    const { cacheOptions } = await import('./urqlClient');
    const keys = cacheOptions.keys ?? {};
    for (const type of ['DueList', 'PlanReadiness', 'MissingItem', 'PlanChange', 'SharePreview', 'PersonMatch', 'SectionAccess']) {
      expect(keys[type]?.({} as never), type).toBeNull();
    }
    for (const type of ['Person', 'Plan', 'Carer', 'Advice', 'CapacityAssessment']) expect(keys[type], type).toBeUndefined();
    expect(keys.DemoAccount?.({ username: 'priya.practitioner' } as never)).toBe('priya.practitioner');
  });
});
