import type { ApplicationWindow } from '@/db/schema';
import { closedMessage, describeWindow, windowState, type WindowState } from '@/workflows/engine/application-window';
import type { Label } from '@/workflows/engine/types';

export interface WindowStatus {
  /** The window in words (每年 9 月 30 日前). */
  label: Label;
  state: WindowState;
  /** Closed: why, with the next window (the words the start path refuses with). */
  closed: Label | null;
}

/** What the guide and the form show of an entry's application window now; null when it has none. */
export function windowStatus(entries: Array<{ applicationWindow: ApplicationWindow | null }>, now: Date): WindowStatus | null {
  const w = entries.find((e) => e.applicationWindow)?.applicationWindow;
  if (!w) return null;
  const state = windowState(w, now);
  return { label: describeWindow(w), state, closed: state.open ? null : closedMessage(w, state) };
}
