/**
 * Runs once when a server starts (Next.js instrumentation): stamps socket addresses for the rate
 * limits, opens the database and starts the background work (timers, outbox delivery) — not as a
 * side effect of the first request. Node only; nothing happens while building.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Rate limits need the socket's address, which Next does not pass on (lib/client-ip.ts).
  const { stampPeerAddresses } = await import('./lib/peer-stamp');
  stampPeerAddresses();
  const { startServer } = await import('./lib/start-server');
  await startServer();
}
