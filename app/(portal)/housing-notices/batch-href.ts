import type { BatchKey } from '@/lib/housing/batch-key';

/** The address of one batch's page (its period and due date, as the ledger groups them). */
export function batchHref(key: BatchKey, show?: string): string {
  const q = new URLSearchParams({ period: key.period, dueDate: key.dueDate });
  if (show) q.set('show', show);
  return `/housing-notices/batch?${q.toString()}`;
}
