/**
 * Whether requests reach the server. `navigator.onLine` is false only when
 * the phone has no network at all: on a weak signal, behind a captive portal
 * or in a page the service worker served while the network was down, it
 * says true while every request fails. So the app also believes its own
 * requests: one that got no answer means unreachable, one that got any
 * answer means reachable again.
 */
type Listener = () => void;

export class Connection {
  private failing = false;
  private readonly listeners = new Set<Listener>();

  /** A request got an answer from the server (any answer, even an error). */
  reached(): void {
    this.set(false);
  }

  /** A request got no answer (a network error). */
  unreached(): void {
    this.set(true);
  }

  /** True while the last request got no answer. */
  failingNow(): boolean {
    return this.failing;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(failing: boolean) {
    if (this.failing === failing) return;
    this.failing = failing;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The app's one view of whether the server can be reached. */
export const connection = new Connection();

/** Offline: the browser says so, or the last request got no answer. */
export function isOffline(nav: Pick<Navigator, 'onLine'> = navigator): boolean {
  return !nav.onLine || connection.failingNow();
}
