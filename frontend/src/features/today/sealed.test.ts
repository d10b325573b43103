import { describe, expect, it } from 'vitest';
import { VisitQueue, type QueuedRecord } from './queue';
import { sealedStorageKey, sealRecords, unsealRecords } from './sealed';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    dump: () => JSON.stringify([...items]),
  };
}

const record: QueuedRecord = {
  recordID: 'r1',
  accountID: 'wes',
  visitID: 'v1',
  status: 'waiting',
  savedAt: '2026-11-30T09:00:00Z',
  input: { recordID: 'r1', visitID: 'v1', expectedRevision: 1, notes: 'Bruises on her arm' },
};

describe('unsent records at sign-out (issue 13)', () => {
  it('are locked for their author: unreadable in storage, opened only with their account and key', async () => {
    const storage = memoryStorage();
    await sealRecords('wes', 'key-of-wes', [record], storage);
    expect(storage.dump()).not.toContain('Bruises');
    expect(storage.getItem(sealedStorageKey)).toContain('"accountID":"wes"');
    // Another account finds nothing of theirs, and leaves wes's alone.
    expect(await unsealRecords('priya', 'key-of-priya', storage)).toEqual([]);
    // The right account with a wrong key opens nothing and keeps the bundle.
    expect(await unsealRecords('wes', 'not-the-key', storage)).toEqual([]);
    expect(await unsealRecords('wes', 'key-of-wes', storage)).toEqual([record]);
    expect(await unsealRecords('wes', 'key-of-wes', storage)).toEqual([]);
  });

  it('once sent, keep nothing said at the visit', async () => {
    const storage = memoryStorage();
    const queue = new VisitQueue(storage);
    queue.enqueue('wes', record.input);
    await queue.flush('wes', () => Promise.resolve({ kind: 'sent' }));
    expect(queue.list()[0]).toMatchObject({ status: 'sent', input: { recordID: 'r1', visitID: 'v1', expectedRevision: 1 } });
    expect(storage.dump()).not.toContain('Bruises');
  });

  it('taken at sign-out and restored at sign-in', () => {
    const queue = new VisitQueue(memoryStorage());
    queue.enqueue('wes', record.input);
    const taken = queue.takeUnsent('wes');
    expect(taken).toHaveLength(1);
    expect(queue.list()).toEqual([]);
    queue.restore(taken);
    expect(queue.unsent()).toHaveLength(1);
  });
});
