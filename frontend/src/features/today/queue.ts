import type { RecordVisitInput } from '../../gql/graphql';
import { connection, type Connection } from '../../lib/connection';

/**
 * Visit records waiting for signal. A record is stored on the phone the
 * moment the worker saves it, keyed by its recordID (made once, when the
 * form is first submitted), and sent when there is a connection: at once if
 * there is one, when the browser says it is back online, and when the app
 * starts. The server applies a recordID once, so sending again after a lost
 * answer is safe. A record the server refuses (someone else changed the
 * visit, or something in it needs changing) is kept, never dropped.
 *
 * Kept in localStorage: a handful of small records, read and written
 * synchronously, so a record is stored before anything is sent. They hold
 * what was seen at a visit, so nothing of it stays once it is sent (a sent
 * record keeps only its ids, to say "Sent"), and at sign-out whatever is
 * still unsent is locked with a key only its author's account is given
 * (sealed.ts): no one else signing in on the phone can read or send it, and
 * it is sent at its author's next sign-in (issue 13).
 */

export type RecordStatus = 'waiting' | 'sent' | 'conflict' | 'rejected';

export interface RecordProblem {
  /** The input field the server named, e.g. "input.departedAt". */
  field?: string | undefined;
  message: string;
}

export interface QueuedRecord {
  recordID: string;
  /** Whose record it is: only they send it. */
  accountID: string;
  visitID: string;
  input: RecordVisitInput;
  status: RecordStatus;
  /** ISO 8601. */
  savedAt: string;
  sentAt?: string | undefined;
  /** Why the server refused it (conflict, rejected). */
  problems?: RecordProblem[] | undefined;
}

/** What one attempt to send a record came to. */
export type SendOutcome =
  | { kind: 'sent' }
  /** No answer (no signal, server unreachable): try again later. */
  | { kind: 'offline' }
  | { kind: 'conflict'; message: string }
  | { kind: 'rejected'; problems: RecordProblem[] };

export type Sender = (input: RecordVisitInput) => Promise<SendOutcome>;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const queueStorageKey = 'reablement.visitRecords';

export class VisitQueue {
  private readonly listeners = new Set<() => void>();
  private readonly inFlight = new Set<string>();
  private flushing: Promise<void> | null = null;
  private again = false;
  private snapshot: readonly QueuedRecord[] | null = null;

  private readonly storage: StorageLike | undefined;

  constructor(storage: StorageLike | undefined) {
    this.storage = storage;
  }

  /** Every record, oldest first. The same array until something changes (for useSyncExternalStore). */
  list(): readonly QueuedRecord[] {
    if (this.snapshot) return this.snapshot;
    let records: QueuedRecord[] = [];
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(queueStorageKey) ?? '[]');
      if (Array.isArray(parsed)) records = parsed.filter((r): r is QueuedRecord => Boolean(r && typeof r === 'object' && typeof (r as QueuedRecord).recordID === 'string'));
    } catch {
      records = [];
    }
    this.snapshot = records;
    return records;
  }

  /** The newest record for a visit, if any. */
  forVisit(visitID: string): QueuedRecord | undefined {
    return this.list().findLast((record) => record.visitID === visitID);
  }

  /** Records not (yet) accepted by the server. */
  unsent(): QueuedRecord[] {
    return this.list().filter((record) => record.status !== 'sent');
  }

  /**
   * Stores a record to send, as waiting. Saving again with the same
   * recordID (after changing what the server refused) replaces it.
   */
  enqueue(accountID: string, input: RecordVisitInput, now = new Date()): QueuedRecord {
    const record: QueuedRecord = { recordID: input.recordID, accountID, visitID: input.visitID, input, status: 'waiting', savedAt: now.toISOString() };
    this.write([...this.list().filter((r) => r.recordID !== input.recordID), record]);
    return record;
  }

  /** Takes an account's unsent records off the list (to seal them at sign-out), and returns them. */
  takeUnsent(accountID: string): QueuedRecord[] {
    const taken = this.list().filter((r) => r.accountID === accountID && r.status !== 'sent');
    if (taken.length > 0) this.write(this.list().filter((r) => !taken.includes(r)));
    return taken;
  }

  /** Puts back records unsealed at their author's sign-in (replacing any with the same recordID). */
  restore(records: readonly QueuedRecord[]): void {
    if (records.length === 0) return;
    const ids = new Set(records.map((r) => r.recordID));
    this.write([...this.list().filter((r) => !ids.has(r.recordID)), ...records]);
  }

  /** Deletes every record (at sign-out). */
  clear(): void {
    try {
      this.storage?.removeItem(queueStorageKey);
    } catch {
      // Nothing stored.
    }
    this.changed();
  }

  /** Deletes records the server accepted before the cutoff (kept only to say "Sent" for the day). */
  dropSentBefore(cutoff: Date): void {
    const old = (record: QueuedRecord) => record.status === 'sent' && Date.parse(record.sentAt ?? record.savedAt) < cutoff.getTime();
    if (this.list().some(old)) this.write(this.list().filter((record) => !old(record)));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends the account's waiting records, oldest first, one at a time. Stops
   * at the first without an answer (no signal: the rest would fail too). A
   * flush asked for while one runs runs again after it, so a record saved
   * meanwhile is not left behind.
   */
  flush(accountID: string, send: Sender): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    const run = async () => {
      try {
        do {
          this.again = false;
          await this.sendWaiting(accountID, send);
        } while (this.again);
      } finally {
        this.flushing = null;
      }
    };
    this.flushing = run();
    return this.flushing;
  }

  private async sendWaiting(accountID: string, send: Sender): Promise<void> {
    for (const record of this.list().filter((r) => r.status === 'waiting' && r.accountID === accountID)) {
      if (this.inFlight.has(record.recordID)) continue;
      this.inFlight.add(record.recordID);
      let outcome: SendOutcome;
      try {
        outcome = await send(record.input);
      } catch {
        outcome = { kind: 'offline' };
      } finally {
        this.inFlight.delete(record.recordID);
      }
      if (outcome.kind === 'offline') return;
      this.settle(record.recordID, outcome);
    }
  }

  private settle(recordID: string, outcome: Exclude<SendOutcome, { kind: 'offline' }>) {
    this.write(
      this.list().map((record) => {
        if (record.recordID !== recordID) return record;
        switch (outcome.kind) {
          case 'sent':
            // Nothing of what was seen stays on the phone once the server has it.
            return { ...record, status: 'sent', sentAt: new Date().toISOString(), problems: undefined, input: sentStub(record.input) };
          case 'conflict':
            return { ...record, status: 'conflict', problems: [{ message: outcome.message }] };
          case 'rejected':
            return { ...record, status: 'rejected', problems: outcome.problems };
        }
      }),
    );
  }

  private write(records: QueuedRecord[]) {
    try {
      this.storage?.setItem(queueStorageKey, JSON.stringify(records));
    } catch {
      // Storage full or blocked: keep them in memory for this session at least.
    }
    this.snapshot = records;
    this.changed(false);
  }

  private changed(reread = true) {
    if (reread) this.snapshot = null;
    for (const listener of [...this.listeners]) listener();
  }
}

/** What a sent record keeps of its input: which visit and record, nothing said at the visit. */
export function sentStub(input: RecordVisitInput): RecordVisitInput {
  return { recordID: input.recordID, visitID: input.visitID, expectedRevision: input.expectedRevision };
}

/** The app's queue, on this device. */
export const visitQueue = new VisitQueue(globalThis.localStorage);

/** How often a phone tries again while records wait: the first delay, doubled each time up to the last. */
export interface RetrySchedule {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetry: RetrySchedule = { firstDelayMs: 5_000, maxDelayMs: 60_000 };

/**
 * Flushes now; whenever the browser comes back online or a request reaches
 * the server again; and, while records still wait (after a flush, or when
 * the queue changes), again after a growing delay (a phone on a weak signal says it is online while
 * requests fail, so no `online` event ever comes). Returns the function
 * that stops all of it.
 */
export function flushWhenOnline(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  flush: () => Promise<void> | void,
  waiting: () => boolean = () => false,
  conn: Pick<Connection, 'subscribe' | 'failingNow'> = connection,
  retry: RetrySchedule = defaultRetry,
  queue?: Pick<VisitQueue, 'subscribe'>,
): () => void {
  let delay = retry.firstDelayMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = async () => {
    clearTimeout(timer);
    timer = undefined;
    await flush();
    if (stopped || timer !== undefined) return;
    if (waiting()) {
      timer = setTimeout(() => void run(), delay);
      delay = Math.min(delay * 2, retry.maxDelayMs);
    } else {
      delay = retry.firstDelayMs;
    }
  };
  const now = () => {
    delay = retry.firstDelayMs;
    void run();
  };
  target.addEventListener('online', now);
  const stopWatching = conn.subscribe(() => {
    if (!conn.failingNow()) now();
  });
  // A record saved and tried at once (and still waiting) gets retried too.
  const stopQueue = queue?.subscribe(() => {
    if (!stopped && timer === undefined && waiting()) {
      timer = setTimeout(() => void run(), delay);
    }
  });
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    target.removeEventListener('online', now);
    stopWatching();
    stopQueue?.();
  };
}
