'use client';

import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { takeJustSubmitted } from '../../../_components/just-submitted';

const noSubscription = () => () => {};

/** Shows the confirmation only right after this application was submitted, and moves focus to it. */
export function ShowIfJustSubmitted({ instanceId, focusId, children }: { instanceId: string; focusId: string; children: ReactNode }) {
  const shown = useSyncExternalStore(noSubscription, () => takeJustSubmitted() === instanceId, () => false);
  useEffect(() => {
    if (shown) document.getElementById(focusId)?.focus();
  }, [shown, focusId]);
  return shown ? children : null;
}
