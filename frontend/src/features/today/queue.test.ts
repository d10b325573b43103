import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordVisitInput } from '../../gql/graphql';
import { Connection } from '../../lib/connection';
import { flushWhenOnline, queueStorageKey, VisitQueue, type SendOutcome, type Sender } from './queue';

const input = (recordID: string, visitID = 'visit-1'): RecordVisitInput => ({
  recordID,
  visitID,
  expectedRevision: 3,
  arrivedAt: '2026-11-29T09:00:00.000Z',
  departedAt: '2026-11-29T09:45:00.000Z',
  notes: 'Made tea together',
});

/** A stand-in server: applies each recordID once, as recordVisit does; can be offline or lose answers. */
function fakeServer() {
  const applied = new Map<string, RecordVisitInput>();
  const state = { offline: false, loseNextAnswer: false, calls: 0, revision: 3 };
  const send: Sender = async (record) => {
    state.calls += 1;
    if (state.offline) return { kind: 'offline' };
    const visitRecord = [...applied.values()].find((r) => r.visitID === record.visitID);
    let outcome: SendOutcome;
    if (applied.has(record.recordID)) outcome = { kind: 'sent' };
    else if (visitRecord || record.expectedRevision !== state.revision) outcome = { kind: 'conflict', message: 'Someone else changed this visit' };
    else {
      applied.set(record.recordID, record);
      outcome = { kind: 'sent' };
    }
    if (state.loseNextAnswer) {
      state.loseNextAnswer = false;
      return { kind: 'offline' };
    }
    return outcome;
  };
  return { applied, state, send };
}

afterEach(() => localStorage.clear());

describe('the visit record queue', () => {
  it('stores a record at once, keyed by its recordID, where a new queue (a reload) finds it', () => {
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    expect(JSON.parse(localStorage.getItem(queueStorageKey) ?? '[]')).toEqual([expect.objectContaining({ recordID: 'r1', status: 'waiting', accountID: 'wes' })]);
    const reloaded = new VisitQueue(localStorage);
    expect(reloaded.forVisit('visit-1')?.input).toEqual(input('r1'));
    expect(reloaded.unsent()).toHaveLength(1);
  });

  it('replaces a record saved again with the same recordID instead of adding a second', () => {
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    queue.enqueue('wes', { ...input('r1'), notes: 'Changed' });
    expect(queue.list()).toHaveLength(1);
    expect(queue.list()[0]?.input.notes).toBe('Changed');
  });

  it('keeps records waiting while offline, and sends them when the browser comes back online', async () => {
    const server = fakeServer();
    server.state.offline = true;
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    const flush = vi.fn(() => void queue.flush('wes', server.send));
    const stop = flushWhenOnline(window, flush);
    expect(flush).toHaveBeenCalledTimes(1); // on start
    await vi.waitFor(() => expect(server.state.calls).toBe(1));
    expect(queue.list()[0]?.status).toBe('waiting');

    server.state.offline = false;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(queue.list()[0]?.status).toBe('sent'));
    expect(server.applied.size).toBe(1);
    stop();
    window.dispatchEvent(new Event('online'));
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('tries again with a growing delay while the browser says online but requests fail, and sends once they succeed, without an online event', async () => {
    vi.useFakeTimers();
    try {
      const server = fakeServer();
      server.state.offline = true;
      const queue = new VisitQueue(localStorage);
      queue.enqueue('wes', input('r1'));
      const waiting = () => queue.list().some((r) => r.status === 'waiting');
      const stop = flushWhenOnline(window, () => queue.flush('wes', server.send), waiting, new Connection(), { firstDelayMs: 1_000, maxDelayMs: 4_000 });
      await vi.advanceTimersByTimeAsync(0);
      expect(server.state.calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000); // first retry after 1 s
      expect(server.state.calls).toBe(2);
      await vi.advanceTimersByTimeAsync(1_999); // the next waits 2 s
      expect(server.state.calls).toBe(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(server.state.calls).toBe(3);

      server.state.offline = false;
      await vi.advanceTimersByTimeAsync(4_000);
      expect(queue.list()[0]?.status).toBe('sent');
      expect(server.applied.size).toBe(1);
      const calls = server.state.calls;
      await vi.advanceTimersByTimeAsync(60_000); // nothing waits: no more tries
      expect(server.state.calls).toBe(calls);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends at once when another request reaches the server again', async () => {
    const server = fakeServer();
    server.state.offline = true;
    const conn = new Connection();
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    const stop = flushWhenOnline(window, () => queue.flush('wes', server.send), () => false, conn);
    await vi.waitFor(() => expect(server.state.calls).toBe(1));
    conn.unreached();
    server.state.offline = false;
    conn.reached();
    await vi.waitFor(() => expect(queue.list()[0]?.status).toBe('sent'));
    stop();
  });

  it('applies a record once when its answer was lost and it is sent again', async () => {
    const server = fakeServer();
    server.state.loseNextAnswer = true;
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    await queue.flush('wes', server.send);
    expect(queue.list()[0]?.status).toBe('waiting');
    expect(server.applied.size).toBe(1);

    await queue.flush('wes', server.send);
    expect(queue.list()[0]?.status).toBe('sent');
    expect(server.state.calls).toBe(2);
    expect(server.applied.size).toBe(1);

    // Sent records are not sent again, and are dropped once old.
    await queue.flush('wes', server.send);
    expect(server.state.calls).toBe(2);
    queue.dropSentBefore(new Date(Date.now() - 60_000));
    expect(queue.list()).toHaveLength(1);
    queue.dropSentBefore(new Date(Date.now() + 60_000));
    expect(queue.list()).toHaveLength(0);
  });

  it('sends a record once when two flushes overlap', async () => {
    const server = fakeServer();
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    await Promise.all([queue.flush('wes', server.send), queue.flush('wes', server.send)]);
    expect(server.state.calls).toBe(1);
    expect(queue.list()[0]?.status).toBe('sent');
  });

  it('keeps a record the server refuses as a conflict, with the reason', async () => {
    const server = fakeServer();
    server.state.revision = 4;
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    await queue.flush('wes', server.send);
    const record = new VisitQueue(localStorage).list()[0];
    expect(record).toMatchObject({ recordID: 'r1', status: 'conflict', problems: [{ message: 'Someone else changed this visit' }] });
    expect(record?.input).toEqual(input('r1'));
    expect(queue.unsent()).toHaveLength(1);
    // A conflict is not retried by itself, nor dropped with old sent records.
    queue.dropSentBefore(new Date(Date.now() + 60_000));
    expect(queue.list()).toHaveLength(1);
    await queue.flush('wes', server.send);
    expect(server.state.calls).toBe(1);
  });

  it("keeps a record refused for its content, with the server's problems, to be changed and sent again", async () => {
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    await queue.flush('wes', async () => ({ kind: 'rejected', problems: [{ field: 'input.departedAt', message: 'The time you left must be after the time you arrived.' }] }));
    expect(queue.list()[0]).toMatchObject({ status: 'rejected', problems: [{ field: 'input.departedAt' }] });
    queue.enqueue('wes', { ...input('r1'), departedAt: '2026-11-29T10:00:00.000Z' });
    await queue.flush('wes', fakeServer().send);
    expect(queue.list()[0]?.status).toBe('sent');
  });

  it("sends only the signed-in worker's records, and stops at the first without an answer", async () => {
    const server = fakeServer();
    const queue = new VisitQueue(localStorage);
    queue.enqueue('someone-else', input('r0', 'visit-0'));
    queue.enqueue('wes', input('r1', 'visit-1'));
    queue.enqueue('wes', input('r2', 'visit-2'));
    server.state.offline = true;
    await queue.flush('wes', server.send);
    expect(server.state.calls).toBe(1);
    server.state.offline = false;
    await queue.flush('wes', server.send);
    expect(queue.list().map((r) => r.status)).toEqual(['waiting', 'sent', 'sent']);
  });

  it('treats a sender that throws as no answer, and forgets everything when cleared', async () => {
    const queue = new VisitQueue(localStorage);
    queue.enqueue('wes', input('r1'));
    await queue.flush('wes', () => Promise.reject(new Error('Failed to fetch')));
    expect(queue.list()[0]?.status).toBe('waiting');
    const listener = vi.fn();
    queue.subscribe(listener);
    queue.clear();
    expect(listener).toHaveBeenCalled();
    expect(queue.list()).toEqual([]);
    expect(localStorage.getItem(queueStorageKey)).toBeNull();
  });
});
