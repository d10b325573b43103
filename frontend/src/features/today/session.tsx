import { useEffect } from 'react';
import { visitQueue } from './queue';
import { useSendWhenOnline } from './useVisitQueue';

/** How long a sent record is kept to show "Sent": a working day. */
const keepSentMs = 12 * 60 * 60 * 1000;

/**
 * What the app shell needs of the worker's visit records: sending them in
 * the background, and the sign-out rules (warn while any is unsent, delete
 * them all at sign-out).
 */

/** Sends the signed-in worker's waiting records at start and whenever the browser comes back online. Renders nothing. */
export function SendVisitRecords({ accountID }: { accountID: string }) {
  useEffect(() => visitQueue.dropSentBefore(new Date(Date.now() - keepSentMs)), []);
  useSendWhenOnline(accountID);
  return null;
}

/** How many visit records on this phone the server has not accepted. */
export function unsentVisitRecords(): number {
  return visitQueue.unsent().length;
}

/** Deletes every visit record on this phone (at sign-out). */
export function clearVisitRecords(): void {
  visitQueue.clear();
}
