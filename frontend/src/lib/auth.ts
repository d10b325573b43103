/**
 * The signed-in session's bearer token: held in memory and mirrored to
 * localStorage, so a worker's phone reopens the app with no signal, until
 * the token expires (a working day at most) or they sign out.
 *
 * This is the seam for sign-in: getToken() for whoever sends requests,
 * setToken() after signing in, signOut() to end the session. Whatever must be
 * forgotten with the session (the GraphQL cache) subscribes with
 * onSessionChange().
 */

const storageKey = 'reablement.session';

interface Session {
  token: string;
  /** ISO 8601; the token is not offered after this. */
  expiresAt: string | null;
}

type Listener = (change: 'signed-in' | 'signed-out') => void;

const listeners = new Set<Listener>();
let current: Session | null = load();

function load(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return typeof parsed.token === 'string' ? { token: parsed.token, expiresAt: parsed.expiresAt ?? null } : null;
  } catch {
    return null;
  }
}

function expired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== null && Date.parse(session.expiresAt) <= now;
}

/** The bearer token, or null when nobody is signed in or the token has expired. */
export function getToken(): string | null {
  if (current && expired(current)) {
    signOut();
    return null;
  }
  return current?.token ?? null;
}

/** Whether someone is signed in (with a token that has not expired). */
export function isSignedIn(): boolean {
  return getToken() !== null;
}

/** Starts a session with a token from the server. */
export function setToken(token: string, expiresAt: string | null = null): void {
  current = { token, expiresAt };
  try {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(current));
  } catch {
    // Storage can be full or blocked; the session still lasts until reload.
  }
  emit('signed-in');
}

/** Ends the session: forgets the token and tells listeners to clear what they hold. */
export function signOut(): void {
  const hadSession = current !== null;
  current = null;
  try {
    globalThis.localStorage?.removeItem(storageKey);
  } catch {
    // Nothing to remove.
  }
  if (hadSession) emit('signed-out');
}

/** Calls listener whenever someone signs in or out; returns the unsubscribe. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(change: 'signed-in' | 'signed-out') {
  for (const listener of [...listeners]) listener(change);
}
