import { useEffect } from 'react';

export const serviceName = 'Reablement';

/**
 * Sets the browser tab's title: the page's own title first, then the
 * service's, as GOV.UK asks. Prefix "Error: " while the page shows errors.
 */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${serviceName}`;
  }, [title, hasErrors]);
}
