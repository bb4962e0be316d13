import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { formDrafts, uploads } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import type { Label } from '@/workflows/engine/types';
import { parseInput } from '@/workflows/engine/validate';
import { authorize } from '../policy';
import { findDefinition } from '../processes/find-definition';
import { draftBody } from './draft-body';

/**
 * 草稿: one per person and process, of a process they may start (the policy's process.start:
 * nobody keeps drafts of forms they could never send). Saved as typed, replaced on every save,
 * removed when the application is sent (startApplication) or when the person deletes it.
 */
export interface Draft {
  processId: string;
  values: Record<string, string>;
  files: Record<string, Array<{ id: string; filename: string; size: number; sha256: string; contentType: string }>>;
  updatedAt: string;
}

function startable(user: Actor, processId: string) {
  const definition = findDefinition(processId);
  if (!definition) throw new AppError('NOT_FOUND', `process ${processId}`);
  authorize(user, 'process.start', { kind: 'process', definition });
  return definition;
}

export async function saveDraft(db: Db, user: Actor, processId: string, raw: unknown, now: Date): Promise<{ updatedAt: string }> {
  startable(user, processId);
  const body = parseInput(draftBody, raw);
  // Only the person's own files not yet sent with an application stay with the draft.
  const wanted = [...new Set(Object.values(body.files).flat())];
  const own = new Set(
    wanted.length === 0
      ? []
      : (
          await db
            .select({ id: uploads.id })
            .from(uploads)
            .where(and(inArray(uploads.id, wanted), eq(uploads.ownerId, user.id), isNull(uploads.instanceId)))
        ).map((u) => u.id),
  );
  const files = Object.fromEntries(Object.entries(body.files).map(([field, ids]) => [field, ids.filter((id) => own.has(id))]));
  const row = { values: body.values, files, uploadIds: [...own], updatedAt: now };
  await db
    .insert(formDrafts)
    .values({ userId: user.id, processId, createdAt: now, ...row })
    .onConflictDoUpdate({ target: [formDrafts.userId, formDrafts.processId], set: row });
  return { updatedAt: now.toISOString() };
}

export async function getDraft(db: Db, user: Actor, processId: string): Promise<Draft | null> {
  startable(user, processId);
  const [row] = await db
    .select()
    .from(formDrafts)
    .where(and(eq(formDrafts.userId, user.id), eq(formDrafts.processId, processId)));
  if (!row) return null;
  const files = row.uploadIds.length
    ? await db
        .select({ id: uploads.id, filename: uploads.filename, size: uploads.size, sha256: uploads.sha256, contentType: uploads.contentType })
        .from(uploads)
        .where(and(inArray(uploads.id, row.uploadIds), eq(uploads.ownerId, user.id)))
    : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  return {
    processId,
    values: row.values,
    files: Object.fromEntries(Object.entries(row.files).map(([field, ids]) => [field, ids.flatMap((id) => byId.get(id) ?? [])])),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The person deletes their draft (its files are then swept like any unsent upload). */
export async function discardDraft(db: Db, user: Actor, processId: string): Promise<void> {
  startable(user, processId);
  await deleteDraft(db, user, processId);
}

/** Removes a draft without asking the policy: for the start that sends it, inside its transaction. */
export async function deleteDraft(db: Db | Tx, user: Pick<Actor, 'id'>, processId: string): Promise<void> {
  await db.delete(formDrafts).where(and(eq(formDrafts.userId, user.id), eq(formDrafts.processId, processId)));
}

/** The person's drafts for 我的申请 (状态 草稿), newest first, with the process's name. */
export async function listDrafts(db: Db, user: Actor): Promise<Array<{ processId: string; title: Label; updatedAt: string }>> {
  const rows = await db
    .select({ processId: formDrafts.processId, updatedAt: formDrafts.updatedAt })
    .from(formDrafts)
    .where(eq(formDrafts.userId, user.id))
    .orderBy(desc(formDrafts.updatedAt));
  return rows.flatMap((r) => {
    const definition = findDefinition(r.processId);
    return definition ? [{ processId: r.processId, title: definition.title, updatedAt: r.updatedAt.toISOString() }] : [];
  });
}
