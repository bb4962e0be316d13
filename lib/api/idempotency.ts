import { createHash } from 'node:crypto';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { NextResponse } from 'next/server';
import { idempotencyKeys } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import type { SessionUser } from '../auth/load-actor';
import { readBodyBytes } from '../body-limit';
import { getDb, withTransaction } from '../db';
import { env } from '../env';
import { errorResponse } from '../errors';
import type { RouteContext } from './route';

type UserHandler<P> = (ctx: RouteContext<P> & { user: SessionUser }) => Promise<Response>;

const KEY = /^[\x21-\x7e]{1,128}$/;
/** A first request that has not finished after this long died with its process: a retry may run again. */
const ABANDONED_MS = 60_000;
/** Response headers worth replaying (the rest belong to the transport). */
const KEPT_HEADERS = ['location'];

/**
 * What makes two requests "the same": method, path, query (?view=full asks for another answer)
 * and body. A multipart body is compared by its fields and file contents, since every client
 * picks a fresh boundary when it retries.
 */
async function fingerprint(req: Request): Promise<string> {
  const url = new URL(req.url);
  const hash = createHash('sha256').update(`${req.method} ${url.pathname}${url.search}\n`);
  // Read within the largest body any idempotent route accepts (an upload), counted while streaming.
  const bytes = await readBodyBytes(req.clone(), env().uploadMaxBytes + 64 * 1024);
  const type = req.headers.get('content-type') ?? '';
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    try {
      const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
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
  return hash.update(bytes).digest('hex');
}

/** Carries a 5xx answer out of the transaction it rolls back. */
class RolledBack extends Error {
  constructor(readonly response: Response) {
    super('rolled back');
  }
}

/** A second request with a key already used: the stored answer, or why there is none. */
async function answerFromKey(tx: Queryable, mine: SQL | undefined, requestHash: string, now: Date): Promise<Response> {
  const [row] = await tx.select().from(idempotencyKeys).where(mine);
  if (!row) throw new AppError('CONFLICT', 'idempotency key vanished');
  if (row.requestHash !== requestHash) {
    throw new AppError('INVALID_INPUT', 'Idempotency-Key reused for another request', {
      zh: '该 Idempotency-Key 已用于另一个请求',
      en: 'This Idempotency-Key was already used for a different request',
    });
  }
  if (row.status === null) {
    // Only rows written before keys were committed with their answer can lack one: such a
    // request died mid-way; free the key so the next retry runs.
    if (now.getTime() - row.createdAt.getTime() > ABANDONED_MS) {
      await tx.delete(idempotencyKeys).where(and(mine, eq(idempotencyKeys.createdAt, row.createdAt)));
    }
    throw new AppError('CONFLICT', 'first request with this key still running', {
      zh: '相同的请求正在处理中，请稍后重试',
      en: 'The same request is still being processed; retry shortly',
    });
  }
  return replay(row);
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
 * The key and the handler's writes are one transaction (the handler's getDb() is that transaction):
 * a 5xx or a crash stores neither, so the retry runs again.
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

    // The key row and the handler's writes commit together or not at all: a process killed after
    // the business write can no longer leave a key without an answer, nor an answer without its
    // key (a retry then made a second instance). A concurrent request with the same key waits on
    // the key's unique index until this transaction ends, then replays its answer.
    try {
      return await db.transaction(async (tx) => {
        const claimed = await tx
          .insert(idempotencyKeys)
          .values({ userId, key, requestHash, createdAt: now })
          .onConflictDoNothing()
          .returning({ key: idempotencyKeys.key });
        if (claimed.length === 0) return answerFromKey(tx, mine, requestHash, now);
        let response: Response;
        try {
          response = await withTransaction(tx, () => handler(ctx));
        } catch (error) {
          response = errorResponse(error, ctx.locale);
        }
        // A 5xx stores nothing and keeps nothing: the retry runs again.
        if (response.status >= 500) throw new RolledBack(response);
        const body = await response.clone().json().catch(() => null);
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = response.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        await tx.update(idempotencyKeys).set({ status: response.status, body, headers }).where(mine);
        return response;
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.response;
      throw error;
    }
  };
}
