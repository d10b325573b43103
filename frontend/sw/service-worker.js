/* global self, caches, fetch, Request, Response, URL */
/**
 * The app shell, offline. Written by hand and built by
 * scripts/service-worker-plugin.ts, which replaces the two placeholders
 * below with the build's files and a version made from their names.
 *
 * - Precaches index.html (as "/") and every hashed asset (all the lazy route chunks
 *   too, so a screen never opened online still opens offline).
 * - Navigations: the network first (a fresh index.html after a deploy),
 *   falling back to the cached index.html with no signal or after a few
 *   seconds of one bar, so the app opens at the door.
 * - Assets: from the cache; they are immutable (hashed names).
 * - Never /graphql (people's data lives in Graphcache's IndexedDB copy, which
 *   expires and is cleared at sign-out) nor the health checks.
 */
const files = self.__PRECACHE_FILES__;
const version = self.__PRECACHE_VERSION__;
const prefix = 'reablement-shell-';
const cacheName = prefix + version;
const navigationTimeoutMs = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(files.map((file) => new Request(file, { cache: 'reload', redirect: 'error' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(prefix) && name !== cacheName).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function isApi(url) {
  return url.pathname === '/graphql' || url.pathname.startsWith('/graphql/') || url.pathname === '/readyz' || url.pathname === '/healthz';
}

async function fromCache(request) {
  const cache = await caches.open(cacheName);
  return cache.match(request, { ignoreSearch: true });
}

async function navigation(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), navigationTimeoutMs));
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.ok) return response;
  } catch {
    // No signal: fall through to the cached shell.
  }
  const shell = await fromCache('/');
  if (shell) return shell;
  return network;
}

async function asset(request) {
  const cached = await fromCache(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  event.respondWith(asset(request));
});
