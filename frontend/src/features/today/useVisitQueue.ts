import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useClient } from 'urql';
import { flushWhenOnline, visitQueue, type QueuedRecord } from './queue';
import { senderFor } from './send';

/** The records on this phone, re-rendering when they change. */
export function useQueuedRecords(): readonly QueuedRecord[] {
  return useSyncExternalStore(
    (listener) => visitQueue.subscribe(listener),
    () => visitQueue.list(),
    () => visitQueue.list(),
  );
}

/** Sends the account's waiting records with the app's client. */
export function useFlush(accountID: string | null | undefined): () => Promise<void> {
  const client = useClient();
  return useCallback(() => (accountID ? visitQueue.flush(accountID, senderFor(client)) : Promise.resolve()), [accountID, client]);
}

/**
 * Sends waiting records when the app starts, whenever the connection comes
 * back, and again with a growing delay while any still wait.
 */
export function useSendWhenOnline(accountID: string | null | undefined): void {
  const flush = useFlush(accountID);
  useEffect(() => {
    if (!accountID) return undefined;
    const waiting = () => visitQueue.list().some((r) => r.status === 'waiting' && r.accountID === accountID);
    return flushWhenOnline(window, flush, waiting, undefined, undefined, visitQueue);
  }, [accountID, flush]);
}
