import { useSyncExternalStore } from 'react';
import { connection, isOffline } from '../../lib/connection';

function subscribe(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  const stop = connection.subscribe(listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
    stop();
  };
}

/**
 * Whether the server can be reached: false when the browser says it has no
 * network, and also when the app's last request got no answer (a weak
 * signal, or a page opened from the service worker, where the browser may
 * still say it is online).
 */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => !isOffline(),
    () => true,
  );
}
