import assert from 'node:assert/strict';
import type { Db } from '@/db/client';
import { uploads } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { isAppError } from '@/workflows/engine/errors';
import { startInstance } from '@/workflows/engine/start-instance';

/** A CST date 'YYYY-MM-DD' `days` from now. */
export function dayFromNow(days: number, from = new Date()): string {
  return new Date(from.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

export async function loadActors(db: Db, names: string[]): Promise<Record<string, SessionUser>> {
  const actors: Record<string, SessionUser> = {};
  for (const name of names) actors[name] = (await loadActor(db, { username: name }))!;
  return actors;
}

export async function fakeUpload(db: Db, ownerId: string, filename = 'proof.pdf'): Promise<string> {
  const [row] = await db
    .insert(uploads)
    .values({ ownerId, filename, contentType: 'application/pdf', size: 10, sha256: 'cd'.repeat(32), storageKey: 'x/y' })
    .returning();
  return row!.id;
}

export async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    if (!isAppError(e)) throw e;
    assert.equal(e.code, code, e.message);
    return true;
  });
}

/** A fitness-test deferral (体测缓测) started by `who`, with one evidence upload; returns its id. */
export async function startFitnessDeferral(db: Db, who: SessionUser, now = new Date()): Promise<string> {
  const evidence = await fakeUpload(db, who.id, 'c.pdf');
  const started = await startInstance(db, { processId: 'fitness-test-exemption', actor: who, input: { kind: 'defer', reason: '住院治疗中', evidence: [evidence] }, now });
  return started.instance.id;
}

/** What a call ended with: `ok` when it resolved, else the AppError code (anything else is rethrown). */
export async function outcomeCode(promise: Promise<unknown>, ok = 'OK'): Promise<string> {
  try {
    await promise;
    return ok;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.code;
  }
}
