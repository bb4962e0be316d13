import { expect, test } from '@playwright/test';
import { AppServer } from './support/proof-server';
import { appServer } from './support/server';

// Issue 15 item 16: PGlite has no lock of its own, so a second `next start` on the same DATA_DIR
// must be refused when it starts (instrumentation.ts opens the database), naming the holder,
// instead of printing "Ready" and failing every request. Runs once, in the PGlite projects.
test.setTimeout(240_000);

test('a second server on the same data directory exits at start with the reason; the first keeps serving', async () => {
  test.skip(appServer().db !== 'pglite', 'embedded PGlite only');
  const first = new AppServer({ port: appServer().port + 12 });
  const second = new AppServer({ port: appServer().port + 13, dataDir: first.dataDir });
  try {
    await first.start(180_000);
    const error = await second.start(120_000).then(
      () => null,
      (e: Error) => e,
    );
    expect(error, 'the second server must not come up').not.toBeNull();
    expect(error!.message).toMatch(/exited/);
    expect(second.output).toMatch(/in use by another process \(pid \d+ on /);
    expect(second.output).toMatch(/DATABASE_URL/);
    expect(second.proc!.exitCode).toBe(3);
    const health = await fetch(`${first.base}/api/health`);
    expect(health.status).toBe(200);
  } finally {
    await second.stop();
    await first.stop();
  }
});
