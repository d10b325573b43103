/**
 * Only paths inside the app: never another site, even from a crafted link,
 * and never the sign-in or sign-out pages themselves. Signing out ends the
 * session while /sign-out is still showing, so the sign-in page can be
 * reached with ?next=/sign-out; whoever signs in next (perhaps someone else
 * on the same phone) wants their own home, not the last person's sign-out.
 */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  const path = (next.split(/[?#]/, 1)[0] ?? '').replace(/\/+$/, '');
  return path === '/sign-in' || path === '/sign-out' ? null : next;
}
