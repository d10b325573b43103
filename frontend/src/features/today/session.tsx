import { useEffect } from 'react';
import { visitQueue } from './queue';
import { sealRecords, unsealRecords } from './sealed';
import { useSendWhenOnline } from './useVisitQueue';

/** How long a sent record is kept to say "Sent": a working day. */
const keepSentMs = 12 * 60 * 60 * 1000;

/** How long sign-out waits for unsent records to go before locking them on the phone. */
const sendAtSignOutMs = 8_000;

/**
 * What the app shell needs of the worker's visit records: sending them in
 * the background, opening the ones locked at this account's last sign-out,
 * and the sign-out rules (send what can be sent, lock the rest for its
 * author, keep nothing readable).
 */

/**
 * Sends the signed-in worker's waiting records at start and whenever the
 * connection comes back; first opens any this account left locked on the
 * phone at sign-out, so they are sent too. Renders nothing.
 */
export function SendVisitRecords({ accountID, recordKey }: { accountID: string; recordKey: string | null | undefined }) {
  useEffect(() => visitQueue.dropSentBefore(new Date(Date.now() - keepSentMs)), []);
  useEffect(() => {
    if (!recordKey) return;
    void unsealRecords(accountID, recordKey).then((records) => visitQueue.restore(records));
  }, [accountID, recordKey]);
  useSendWhenOnline(accountID);
  return null;
}

/** How many of the account's visit records on this phone the server has not accepted. */
export function unsentVisitRecords(accountID?: string): number {
  return visitQueue.unsent().filter((record) => !accountID || record.accountID === accountID).length;
}

/**
 * Signs the worker's records out with them: tries once more to send what
 * waits (up to a few seconds), locks whatever is still unsent with the
 * account's key so only they can open it at their next sign-in, and deletes
 * everything else (sent records keep nothing but ids anyway).
 */
export async function signOutVisitRecords(accountID: string | undefined, recordKey: string | null | undefined, flush: () => Promise<void>): Promise<void> {
  if (accountID && unsentVisitRecords(accountID) > 0) {
    await Promise.race([flush(), new Promise((resolve) => setTimeout(resolve, sendAtSignOutMs))]);
    const unsent = visitQueue.takeUnsent(accountID);
    if (recordKey && unsent.length > 0) await sealRecords(accountID, recordKey, unsent);
  }
  visitQueue.clear();
}

/** Deletes every visit record on this phone. */
export function clearVisitRecords(): void {
  visitQueue.clear();
}
