/*
 * 紫荆e站 service worker: the shell opens on a flaky phone network.
 * - Build assets (/_next/static, hashed and immutable) and icons: cache first.
 * - The catalog and service guides (/services, /services/<code>): network first, the last copy
 *   when offline. Personal pages (tasks, applications, messages) are never stored, so nothing
 *   private stays on a shared phone.
 * - Any other page while offline: the offline page.
 * Uses only Cache Storage and fetch, which the WeChat Work in-app browser (XWeb) has; where
 * service workers are missing the page simply does not register one.
 */
const VERSION = 'zj-v1';
const SHELL = ['/offline.html', '/manifest.webmanifest', '/icons/icon-192.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const isGuide = (path) => path === '/services' || (/^\/services\/[^/]+$/.test(path) && path !== '/services/stats');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;

  if (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(VERSION).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }

  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && !response.redirected && isGuide(url.pathname) && !url.search) {
            const copy = response.clone();
            caches.open(VERSION).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() =>
          caches
            .match(request)
            .then((hit) => hit || caches.match('/offline.html'))
            .then((hit) => hit || new Response('offline', { status: 503 })),
        ),
    );
  }
});
