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

/** Sends waiting records when the app starts and whenever the browser comes back online. */
export function useSendWhenOnline(accountID: string | null | undefined): void {
  const flush = useFlush(accountID);
  useEffect(() => {
    if (!accountID) return undefined;
    return flushWhenOnline(window, () => void flush());
  }, [accountID, flush]);
}
