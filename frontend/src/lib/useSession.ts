import { useSyncExternalStore } from 'react';
import { isSignedIn, onSessionChange } from './auth';

/** Whether someone is signed in, re-rendering when that changes. */
export function useIsSignedIn(): boolean {
  return useSyncExternalStore(onSessionChange, isSignedIn, () => false);
}
