import { describe, expect, it, vi } from 'vitest';
import { connection, Connection, isOffline } from './connection';

describe('the connection', () => {
  it('is failing after a request got no answer, and reachable after one got any answer', () => {
    const conn = new Connection();
    const listener = vi.fn();
    conn.subscribe(listener);
    expect(conn.failingNow()).toBe(false);
    conn.unreached();
    conn.unreached();
    expect(conn.failingNow()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1); // told of changes only
    conn.reached();
    expect(conn.failingNow()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('counts as offline when the browser says online but requests fail', () => {
    connection.reached();
    expect(isOffline({ onLine: true })).toBe(false);
    expect(isOffline({ onLine: false })).toBe(true);
    connection.unreached();
    expect(isOffline({ onLine: true })).toBe(true);
    connection.reached();
  });
});
