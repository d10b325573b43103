import { useCallback, useSyncExternalStore } from 'react';

/** GOV.UK's tablet breakpoint (641px) as a media query. */
export const fromTablet = '(min-width: 40.0625em)';

/** Whether a media query matches, following changes. */
export function useMediaQuery(query: string, serverValue = true): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => serverValue);
}
