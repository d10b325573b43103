import { useEffect, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider, type Client } from 'urql';
import { isSignedIn, onSessionChange } from '../lib/auth';
import { clearStoredCache, createCacheStorage, type CacheStorage } from './cacheStorage';
import { createUrqlClient } from './urqlClient';

/** Longest wait for the stored cache before rendering anyway. */
const hydrationTimeoutMs = 3000;

interface Session {
  client: Client;
  storage: CacheStorage | null;
}

/**
 * A client with a fresh cache, resolved once the cache has read its stored
 * copy: rendering earlier would let the first response land before the
 * stored data and be lost (a Graphcache offline trap).
 */
function startSession(): Promise<Session> {
  return new Promise((resolve) => {
    let session: Session | null = null;
    let hydrated = false;
    const done = () => {
      hydrated = true;
      if (session) resolve(session);
    };
    const storage = createCacheStorage(done);
    session = { client: createUrqlClient(storage), storage };
    if (!storage || hydrated) resolve(session);
    setTimeout(() => resolve(session), hydrationTimeoutMs);
  });
}

/**
 * The GraphQL client for the app. Signing out throws away the client with
 * its in-memory cache and clears the stored copy before a new one starts.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    let cancelled = false;
    let current: Session | null = null;
    const begin = async (clearFirst: boolean) => {
      setSession(null);
      if (clearFirst) await (current?.storage?.clear() ?? clearStoredCache());
      const next = await startSession();
      if (cancelled) return;
      current = next;
      setSession(next);
    };
    // Nobody signed in: whatever is stored belongs to a session that ended without signing out.
    void begin(!isSignedIn());
    const unsubscribe = onSessionChange((change) => {
      if (change === 'signed-out') void begin(true);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);

  if (!session) return null;
  return <UrqlProvider value={session.client}>{children}</UrqlProvider>;
}
