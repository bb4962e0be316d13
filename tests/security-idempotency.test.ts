import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq, like } from 'drizzle-orm';
import { NextRequest, NextResponse } from 'next/server';

// Issue 15 item 15: the Idempotency-Key row and the handler's writes are one transaction. This
// runs idempotent() on the app's own database handle (getDb(), here an embedded PGlite in a temp
// directory), where a handler's getDb() is the open transaction.
const dir = mkdtempSync(path.join(os.tmpdir(), 'zj-idem-'));
process.env.DATA_DIR = dir;
process.env.DEMO_HISTORY = 'false';
delete process.env.DATABASE_URL;

// Loaded after DATA_DIR is set: lib/env reads the environment once.
let idempotent: typeof import('@/lib/api/idempotency').idempotent;
let getDb: typeof import('@/lib/db').getDb;
let schema: typeof import('@/db/schema');

type Handler = Parameters<typeof import('@/lib/api/idempotency').idempotent>[0];
let user: NonNullable<Awaited<ReturnType<typeof import('@/lib/auth/load-actor').loadActor>>>;

const request = (key: string, body = '{"a":1}') =>
  new NextRequest('http://app.test/api/v1/things', { method: 'POST', body, headers: { 'content-type': 'application/json', 'idempotency-key': key } });
const call = (handler: Handler, key: string) => idempotent(handler)({ req: request(key), params: {}, locale: 'zh', user } as never);
/** A handler that writes one settings row through getDb() (as every lib function does), then answers. */
const writing =
  (name: string, after?: () => Promise<void>): Handler =>
  async () => {
    await (await getDb()).insert(schema.settings).values({ key: name, value: 'x' });
    await after?.();
    return NextResponse.json({ name }, { status: 201 });
  };
const rows = async (name: string) => (await (await getDb()).select().from(schema.settings).where(eq(schema.settings.key, name))).length;

before(async () => {
  ({ idempotent } = await import('@/lib/api/idempotency'));
  ({ getDb } = await import('@/lib/db'));
  schema = await import('@/db/schema');
  const { loadActor } = await import('@/lib/auth/load-actor');
  user = (await loadActor(await getDb(), { username: 'student' }))!;
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('Idempotency-Key and the business write commit together', () => {
  test('first answer stored with the write; a retry replays it without writing again', async () => {
    const first = await call(writing('idem:a'), 'k-a');
    assert.equal(first.status, 201);
    const again = await call(writing('idem:a'), 'k-a');
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await rows('idem:a'), 1);
  });

  test('a handler dying after its write (a crash mid-request) leaves neither the write nor the key', async () => {
    const died = await call(
      writing('idem:b', async () => {
        throw new Error('process died here');
      }),
      'k-b',
    );
    assert.equal(died.status, 500);
    assert.equal(await rows('idem:b'), 0, 'the write was rolled back with the key');
    const keys = await (await getDb()).select().from(schema.idempotencyKeys).where(like(schema.idempotencyKeys.key, 'k-b'));
    assert.equal(keys.length, 0, 'no key without an answer');
    // The retry runs for real, once.
    assert.equal((await call(writing('idem:b'), 'k-b')).status, 201);
    assert.equal(await rows('idem:b'), 1);
  });

  test('ten concurrent copies: the handler runs once, the others replay its answer', async () => {
    let runs = 0;
    const handler: Handler = async (ctx) => {
      runs++;
      return writing('idem:c')(ctx);
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => call(handler, 'k-c')));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(10).fill(201),
    );
    assert.equal(runs, 1);
    assert.equal(await rows('idem:c'), 1);
  });
});
