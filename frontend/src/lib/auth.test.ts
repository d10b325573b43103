import { afterEach, describe, expect, it, vi } from 'vitest';
import { getToken, isSignedIn, onSessionChange, setToken, signOut } from './auth';

afterEach(() => signOut());

describe('the token store', () => {
  it('holds the token in memory and in localStorage', () => {
    setToken('abc', new Date(Date.now() + 60_000).toISOString());
    expect(getToken()).toBe('abc');
    expect(isSignedIn()).toBe(true);
    expect(localStorage.getItem('reablement.session')).toContain('"abc"');
  });

  it('forgets the token at sign-out and tells listeners', () => {
    const listener = vi.fn();
    const unsubscribe = onSessionChange(listener);
    setToken('abc');
    signOut();
    expect(getToken()).toBeNull();
    expect(localStorage.getItem('reablement.session')).toBeNull();
    expect(listener.mock.calls).toEqual([['signed-in'], ['signed-out']]);
    unsubscribe();
  });

  it('does not offer an expired token, and ends that session', () => {
    const listener = vi.fn();
    const unsubscribe = onSessionChange(listener);
    setToken('old', new Date(Date.now() - 1000).toISOString());
    expect(getToken()).toBeNull();
    expect(listener).toHaveBeenLastCalledWith('signed-out');
    unsubscribe();
  });
});
