import type { QueuedRecord } from './queue';

/**
 * Unsent visit records kept on a shared phone after their author signs out
 * (issue 13). Each account's are encrypted (AES-GCM) with a key the API
 * gives only to that account (Viewer.recordKey, the same at every sign-in),
 * so another worker signing in on the phone can neither read nor send them;
 * at their author's next sign-in they are opened and sent. The key itself
 * is never stored apart from the signed-in session's cache, which sign-out
 * clears.
 */

export const sealedStorageKey = 'reablement.sealedVisitRecords';

interface Sealed {
  /** Whose they are: only that account's key opens them. */
  accountID: string;
  /** base64 */
  iv: string;
  /** base64 AES-GCM ciphertext of the records' JSON. */
  data: string;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function importKey(recordKey: string): Promise<CryptoKey> {
  // The API's key is 32 random-looking bytes as base64; hashing it makes any length a valid AES-256 key.
  const raw = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(recordKey));
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

function readAll(storage: StorageLike | undefined): Sealed[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(sealedStorageKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as Sealed[]).filter((s) => s && typeof s.accountID === 'string' && typeof s.data === 'string') : [];
  } catch {
    return [];
  }
}

/** Locks an account's records with its key and keeps them on the phone. */
export async function sealRecords(accountID: string, recordKey: string, records: readonly QueuedRecord[], storage: StorageLike | undefined = globalThis.localStorage): Promise<void> {
  if (records.length === 0) return;
  const key = await importKey(recordKey);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(records))));
  storage?.setItem(sealedStorageKey, JSON.stringify([...readAll(storage), { accountID, iv: toBase64(iv), data: toBase64(data) }]));
}

/**
 * Opens the signed-in account's locked records and removes them from the
 * locked store; anyone else's stay locked and untouched. A blob the key
 * does not open (tampered with) is left where it is.
 */
export async function unsealRecords(accountID: string, recordKey: string, storage: StorageLike | undefined = globalThis.localStorage): Promise<QueuedRecord[]> {
  const all = readAll(storage);
  const mine = all.filter((s) => s.accountID === accountID);
  if (mine.length === 0) return [];
  const key = await importKey(recordKey);
  const opened: QueuedRecord[] = [];
  const kept: Sealed[] = all.filter((s) => s.accountID !== accountID);
  for (const sealed of mine) {
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
      opened.push(...(JSON.parse(new TextDecoder().decode(plain)) as QueuedRecord[]));
    } catch {
      kept.push(sealed);
    }
  }
  storage?.setItem(sealedStorageKey, JSON.stringify(kept));
  return opened;
}

/** How many locked bundles the phone holds for an account (to tell them at sign-in). */
export function sealedCount(accountID: string, storage: StorageLike | undefined = globalThis.localStorage): number {
  return readAll(storage).filter((s) => s.accountID === accountID).length;
}
