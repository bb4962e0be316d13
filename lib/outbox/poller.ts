import { onOutboxEnqueued } from '@/db/outbox';
import { repeat } from '../repeat';
import { dispatchDue, type Dispatcher } from './dispatcher';

/**
 * The queue on embedded PGlite, where pg-boss cannot run (one process owns the database): looks
 * every `intervalMs`, and soon after this process writes rows (they are visible once their
 * transaction commits; a look that comes too early is repeated by the next tick).
 */
export function startPoller(d: Dispatcher, intervalMs: number): () => void {
  const loop = repeat('outbox', intervalMs, () => dispatchDue(d));
  let soon: NodeJS.Timeout | null = null;
  const unsubscribe = onOutboxEnqueued(() => {
    soon ??= setTimeout(() => {
      soon = null;
      loop.poke();
    }, 50);
  });
  return () => {
    loop.stop();
    if (soon) clearTimeout(soon);
    unsubscribe();
  };
}
