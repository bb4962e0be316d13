/**
 * The one background loop of a server (timers, the outbox poller, the pg-boss sweep): runs `work`
 * now and every `intervalMs`, never two runs at once; a failure is logged and the next tick tries
 * again. `poke()` asks for a run soon (once the current one ends, if one is under way).
 */
export function repeat(name: string, intervalMs: number, work: () => Promise<unknown>): { poke(): void; stop(): void } {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await work();
      } while (again);
    } catch (error) {
      console.error(`[${name}] failed`, error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  void run();
  return { poke: () => void run(), stop: () => clearInterval(timer) };
}
