/**
 * Registers the offline app shell (dist/sw.js, see sw/service-worker.js) in
 * production builds only: in development Vite serves modules that must not be
 * cached, and there is no sw.js.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      // The app works without it; only opening with no signal does not.
      console.warn('The offline copy of the app could not be set up.', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
