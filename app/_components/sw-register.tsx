'use client';

import { useEffect } from 'react';

/** Registers the service worker where the browser has them (WeChat Work's iOS web view does not). */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
  }, []);
  return null;
}
