import type { StorageAdapter } from '@urql/exchange-graphcache';
import { makeDefaultStorage } from '@urql/exchange-graphcache/default-storage';

/**
 * The offline copy of the GraphQL cache, in IndexedDB. It holds
 * special-category data about people, so it is kept for one working day at
 * most (counted from when it was started) and cleared at sign-out.
 */

const idbName = 'reablement-cache';
const startedKey = 'reablement.cache.startedAt';
/** Ten hours: a working day, including a long one. */
export const cacheMaxAgeMs = 10 * 60 * 60 * 1000;

export interface CacheStorage extends StorageAdapter {
  clear(): Promise<void>;
}

function startedAt(): number | null {
  const raw = globalThis.localStorage?.getItem(startedKey);
  return raw ? Number(raw) : null;
}

/** Whether the stored copy is past its age and must not be read. */
export function isStale(now = Date.now()): boolean {
  const started = startedAt();
  return started !== null && (!Number.isFinite(started) || now - started > cacheMaxAgeMs);
}

/**
 * IndexedDB storage for Graphcache, or null where there is no IndexedDB (then
 * the cache lives in memory only). onHydrated runs once the stored copy has
 * been read into the cache, even when there was none.
 */
export function createCacheStorage(onHydrated: () => void): CacheStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  const base = makeDefaultStorage({ idbName, maxAge: 1, onCacheHydrated: onHydrated });

  const clear = async () => {
    globalThis.localStorage?.removeItem(startedKey);
    await base.clear().catch(() => undefined);
  };

  return {
    ...base,
    clear,
    async readData() {
      if (isStale()) {
        await clear();
        return {};
      }
      // Never reject: Graphcache only reports hydration after a successful read.
      return base.readData().catch(() => ({}));
    },
    async readMetadata() {
      if (isStale()) return [];
      return (await base.readMetadata?.().catch(() => null)) ?? [];
    },
    writeData(data) {
      if (startedAt() === null) globalThis.localStorage?.setItem(startedKey, String(Date.now()));
      return base.writeData(data);
    },
  };
}

/** Deletes the stored copy without opening a cache (at sign-out, or at start with nobody signed in). */
export async function clearStoredCache(): Promise<void> {
  globalThis.localStorage?.removeItem(startedKey);
  if (typeof indexedDB === 'undefined') return;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(idbName);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
