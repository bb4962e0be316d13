/*
 * Web Push for 紫荆e站. Registered by the notification settings page with its own scope
 * ('/push-sw/'), so it lives beside the offline-caching worker (sw.js, scope '/') without
 * replacing it; a push reaches its registration whatever the scope. It may equally be pulled
 * into sw.js with importScripts('/push-sw.js').
 */
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = data.title || '紫荆e站';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || '',
      tag: data.tag || undefined,
      data: { url: typeof data.url === 'string' ? data.url : '/messages' },
      requireInteraction: Boolean(data.urgent),
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || '/messages', self.location.origin);
  // Only links into this portal are opened (a payload cannot send the user elsewhere).
  const url = target.origin === self.location.origin ? target.href : new URL('/messages', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});

// The push service rotated the subscription: register the new one, forget the old one.
self.addEventListener('pushsubscriptionchange', (event) => {
  const options = event.oldSubscription ? event.oldSubscription.options : null;
  event.waitUntil(
    (event.newSubscription ? Promise.resolve(event.newSubscription) : self.registration.pushManager.subscribe(options))
      .then((sub) =>
        fetch('/api/v1/push-subscriptions', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sub.toJSON()),
        }),
      )
      .then(() =>
        event.oldSubscription
          ? fetch('/api/v1/push-subscriptions', {
              method: 'DELETE',
              credentials: 'same-origin',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ endpoint: event.oldSubscription.endpoint }),
            })
          : undefined,
      ),
  );
});
