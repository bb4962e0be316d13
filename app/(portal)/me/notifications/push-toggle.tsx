'use client';

import { useEffect, useState } from 'react';

const SCRIPT = '/push-sw.js';
const SCOPE = '/push-sw/';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4));
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Subscribes this browser to Web Push (its own service-worker scope, beside the offline worker). */
export function PushToggle({
  vapidPublicKey,
  labels,
}: {
  vapidPublicKey: string;
  labels: { on: string; off: string; unsupported: string; denied: string; enabled: string };
}) {
  const [state, setState] = useState<'loading' | 'unsupported' | 'off' | 'on' | 'denied'>('loading');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || !('PushManager' in window)) return setState('unsupported');
    navigator.serviceWorker
      .register(SCRIPT, { scope: SCOPE })
      .then((reg) => reg.pushManager.getSubscription())
      .then((sub) => setState(sub ? 'on' : Notification.permission === 'denied' ? 'denied' : 'off'))
      .catch(() => setState('unsupported'));
  }, []);

  async function toggle() {
    setBusy(true);
    try {
      const reg = await navigator.serviceWorker.register(SCRIPT, { scope: SCOPE });
      const existing = await reg.pushManager.getSubscription();
      if (existing) {
        await fetch('/api/v1/push-subscriptions', {
          method: 'DELETE',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ endpoint: existing.endpoint }),
        });
        await existing.unsubscribe();
        setState('off');
        return;
      }
      if ((await Notification.requestPermission()) !== 'granted') return setState('denied');
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) });
      await fetch('/api/v1/push-subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sub.toJSON()),
      });
      setState('on');
    } catch {
      setState('unsupported');
    } finally {
      setBusy(false);
    }
  }

  if (state === 'loading') return null;
  if (state === 'unsupported') return <p className="muted">{labels.unsupported}</p>;
  return (
    <div>
      {state === 'denied' ? <p className="alert error">{labels.denied}</p> : null}
      {state === 'on' ? <p className="alert ok">{labels.enabled}</p> : null}
      <button className="btn secondary" type="button" onClick={toggle} disabled={busy || state === 'denied'}>
        {state === 'on' ? labels.off : labels.on}
      </button>
    </div>
  );
}
