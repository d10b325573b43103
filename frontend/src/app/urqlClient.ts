import { Client, fetchExchange, mapExchange, type Exchange } from '@urql/core';
import { cacheExchange, offlineExchange, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { DocumentNode } from 'graphql';
import { peopleCacheUpdates } from '../features/people/cacheUpdates';
import { planCacheUpdates } from '../features/plans/cacheUpdates';
import { keylessTypes } from '../gql/keyless';
import { getToken, signOut } from '../lib/auth';
import { connection } from '../lib/connection';
import type { CacheStorage } from './cacheStorage';

/** Where the Go server answers GraphQL (same origin; `npm run dev` proxies it). */
export const graphqlUrl: string = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql';


/**
 * Graphcache's settings. Types with an `id` are normalised by it; the rest
 * are values embedded in their parent (keyed null) so Graphcache does not
 * warn about them. The caseload's pages of people are merged into one list
 * ("Load more"); features say what their mutations make stale.
 */
export const cacheOptions: CacheExchangeOpts = {
  keys: {
    // Types without an id are values embedded in their parent, never
    // normalised: the list is generated from the schema (src/gql/keyless.ts).
    ...Object.fromEntries(keylessTypes.map((type) => [type, () => null])),
    DemoAccount: (account) => (typeof account.username === 'string' ? account.username : null),
  },
  resolvers: {
    Query: { people: relayPagination() },
  },
  updates: {
    Mutation: { ...peopleCacheUpdates.Mutation, ...planCacheUpdates.Mutation },
  },
};

/**
 * The hash of a document, as codegen computed it (plain sha256 hex of the
 * document text, see codegen.ts). The server runs only documents it knows by
 * these hashes; a document without one is not the app's and gets none.
 */
export async function persistedHash(_query: string, document: DocumentNode): Promise<string | null> {
  const meta = (document as DocumentNode & { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === 'string' ? meta.hash : null;
}

/** Signs out when the server no longer accepts the token. */
const sessionExchange: Exchange = mapExchange({
  onError(error) {
    const status = error.response && typeof error.response === 'object' && 'status' in error.response ? error.response.status : undefined;
    const unauthenticated = status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated && getToken() !== null) signOut();
  },
});

/**
 * Tells the app whether its requests reach the server: placed just before
 * the fetch, it sees only answers from the network, never cached ones.
 */
const connectionExchange: Exchange = mapExchange({
  onResult(result) {
    if (result.error?.networkError) connection.unreached();
    else connection.reached();
  },
});

/**
 * The app's GraphQL client: normalised cache (persisted offline when storage
 * is given), persisted documents by hash, the bearer token on every request.
 */
export function createUrqlClient(storage: CacheStorage | null): Client {
  const cache = storage ? offlineExchange({ ...cacheOptions, storage }) : cacheExchange(cacheOptions);
  return new Client({
    url: graphqlUrl,
    exchanges: [
      sessionExchange,
      cache,
      persistedExchange({
        generateHash: persistedHash,
        enableForMutation: true,
        // POST always: the server need not offer GET, and a hash in a URL ends up in logs.
        preferGetForPersistedQueries: false,
      }),
      connectionExchange,
      fetchExchange,
    ],
    fetchOptions: () => {
      const token = getToken();
      return token ? { headers: { Authorization: `Bearer ${token}` } } : {};
    },
    // Show what the cache has at once and refresh it from the server.
    requestPolicy: 'cache-and-network',
  });
}
