import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { idempotencyKeys } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import type { SessionUser } from '../auth/load-actor';
import { getDb } from '../db';
import { errorResponse } from '../errors';
import type { RouteContext } from './route';

type UserHandler<P> = (ctx: RouteContext<P> & { user: SessionUser }) => Promise<Response>;

const KEY = /^[\x21-\x7e]{1,128}$/;
/** A first request that has not finished after this long died with its process: a retry may run again. */
const ABANDONED_MS = 60_000;
/** Response headers worth replaying (the rest belong to the transport). */
const KEPT_HEADERS = ['location'];

/**
 * What makes two requests "the same": method, path and body. A multipart body is compared by its
 * fields and file contents, since every client picks a fresh boundary when it retries.
 */
async function fingerprint(req: Request): Promise<string> {
  const hash = createHash('sha256').update(`${req.method} ${new URL(req.url).pathname}\n`);
  const type = req.headers.get('content-type') ?? '';
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    try {
      const form = await req.clone().formData();
      for (const [name, value] of form.entries()) {
        hash.update(`${name}\0`);
        if (typeof value === 'string') hash.update(`s\0${value}\0`);
        else hash.update(`f\0${value.name}\0`).update(new Uint8Array(await value.arrayBuffer())).update('\0');
      }
      return hash.digest('hex');
    } catch {
      // Malformed multipart: fall back to the raw bytes; the handler will refuse it anyway.
    }
  }
  return hash.update(new Uint8Array(await req.clone().arrayBuffer())).digest('hex');
}

function replay(row: { status: number | null; body: unknown; headers: Record<string, string> | null }): Response {
  return NextResponse.json(row.body, {
    status: row.status!,
    headers: { ...(row.headers ?? {}), 'Idempotent-Replayed': 'true', 'Cache-Control': 'no-store' },
  });
}

/**
 * Makes a POST safe to retry: with an `Idempotency-Key` header, the first response (success or
 * 4xx) is stored per user and key, and a retry of the same request gets that response back
 * without running the handler again. Without the header the handler runs as before.
 * A 5xx or a crash stores nothing, so the retry runs again.
 */
export function idempotent<P>(handler: UserHandler<P>): UserHandler<P> {
  return async (ctx) => {
    const key = ctx.req.headers.get('idempotency-key');
    if (key === null) return handler(ctx);
    if (!KEY.test(key)) {
      throw new AppError('INVALID_INPUT', 'bad Idempotency-Key', {
        zh: 'Idempotency-Key 须为 1–128 个可见 ASCII 字符',
        en: 'Idempotency-Key must be 1–128 visible ASCII characters',
      });
    }
    const db = await getDb();
    const requestHash = await fingerprint(ctx.req);
    const userId = ctx.user.id;
    const mine = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
    const now = new Date();

    const claimed = await db
      .insert(idempotencyKeys)
      .values({ userId, key, requestHash, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });

    if (claimed.length === 0) {
      const [row] = await db.select().from(idempotencyKeys).where(mine);
      if (!row) throw new AppError('CONFLICT', 'idempotency key vanished');
      if (row.requestHash !== requestHash) {
        throw new AppError('INVALID_INPUT', 'Idempotency-Key reused for another request', {
          zh: '该 Idempotency-Key 已用于另一个请求',
          en: 'This Idempotency-Key was already used for a different request',
        });
      }
      if (row.status === null) {
        // Its process died mid-request: free the key so the next retry runs (the engine's own
        // conflict checks still stop an event from applying twice).
        if (now.getTime() - row.createdAt.getTime() > ABANDONED_MS) {
          await db.delete(idempotencyKeys).where(and(mine, eq(idempotencyKeys.createdAt, row.createdAt)));
        }
        throw new AppError('CONFLICT', 'first request with this key still running', {
          zh: '相同的请求正在处理中，请稍后重试',
          en: 'The same request is still being processed; retry shortly',
        });
      }
      return replay(row);
    }

    let response: Response;
    try {
      response = await handler(ctx);
    } catch (error) {
      response = errorResponse(error, ctx.locale);
    }
    if (response.status >= 500) {
      await db.delete(idempotencyKeys).where(mine);
      return response;
    }
    const body = await response.clone().json().catch(() => null);
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    await db.update(idempotencyKeys).set({ status: response.status, body, headers }).where(mine);
    return response;
  };
}
