import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { catalogServices, catalogStatusChanges, orgUnits, type CatalogStatus } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { authorize } from '@/lib/policy';
import { decodeCsv } from './csv';
import { readCatalogCsv, type CsvProblem } from './catalog-csv';
import { entrySchema, type EntryInput } from './entry-schema';
import { NEXT_STATUSES } from './labels';

async function assertDepartment(db: Db, id: string): Promise<void> {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id));
  if (!row) throw new AppError('INVALID_INPUT', `unknown department ${id}`, { zh: '未知的主办单位', en: 'Unknown department' });
}

/** Creates (id absent) or updates a service; a status change made here is logged like any other. */
export async function saveService(db: Db, user: SessionUser, raw: unknown, now: Date, id?: string): Promise<string> {
  authorize(user, 'catalog.manage');
  const entry = parseInput(entrySchema, raw);
  await assertDepartment(db, entry.departmentId);
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: catalogServices.id }).from(catalogServices).where(eq(catalogServices.code, entry.code));
    if (clash && clash.id !== id) {
      throw new AppError('CONFLICT', 'duplicate code', { zh: `编码 ${entry.code} 已被占用`, en: `Code ${entry.code} is taken` });
    }
    if (!id) {
      const [row] = await tx
        .insert(catalogServices)
        .values({ ...entry, onlineAt: entry.status === 'online' ? now : null, createdAt: now, updatedAt: now })
        .returning({ id: catalogServices.id });
      await tx.insert(catalogStatusChanges).values({ serviceId: row!.id, fromStatus: null, toStatus: entry.status, reason: '新建 (created)', actorId: user.id, at: now });
      return row!.id;
    }
    const [old] = await tx.select().from(catalogServices).where(eq(catalogServices.id, id)).for('update');
    if (!old) throw new AppError('NOT_FOUND', `service ${id}`);
    await tx
      .update(catalogServices)
      .set({ ...entry, onlineAt: entry.status === 'online' && old.status !== 'online' ? now : old.onlineAt, updatedAt: now })
      .where(eq(catalogServices.id, id));
    if (old.status !== entry.status) {
      await tx.insert(catalogStatusChanges).values({ serviceId: id, fromStatus: old.status, toStatus: entry.status, reason: '编辑 (edited)', actorId: user.id, at: now });
    }
    return id;
  });
}

/** One lifecycle step (在建 → 在测 → 已上线 → 已下线 …) with the reason kept in the history. */
export async function changeServiceStatus(db: Db, user: SessionUser, id: string, to: CatalogStatus, reason: string, now: Date): Promise<void> {
  authorize(user, 'catalog.manage');
  const why = reason.trim();
  if (why.length < 2 || why.length > 500) {
    throw new AppError('INVALID_INPUT', 'reason length', { zh: '请填写变更原因（2–500 字）', en: 'Give a reason (2–500 characters)' });
  }
  await db.transaction(async (tx) => {
    const [old] = await tx.select().from(catalogServices).where(eq(catalogServices.id, id)).for('update');
    if (!old) throw new AppError('NOT_FOUND', `service ${id}`);
    if (!NEXT_STATUSES[old.status].includes(to)) {
      throw new AppError('EVENT_NOT_ALLOWED', `${old.status} → ${to}`, { zh: '该状态变更不被允许', en: 'That status change is not allowed' });
    }
    await tx
      .update(catalogServices)
      .set({ status: to, onlineAt: to === 'online' ? now : old.onlineAt, updatedAt: now })
      .where(eq(catalogServices.id, id));
    await tx.insert(catalogStatusChanges).values({ serviceId: id, fromStatus: old.status, toStatus: to, reason: why, actorId: user.id, at: now });
  });
}

export async function deleteService(db: Db, user: SessionUser, id: string): Promise<void> {
  authorize(user, 'catalog.manage');
  await db.delete(catalogServices).where(eq(catalogServices.id, id));
}

export type ImportResult =
  | { ok: true; encoding: 'utf-8' | 'gbk'; created: number; updated: number }
  | { ok: false; problems: CsvProblem[] };

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * Imports a catalog CSV: every row is checked first, and the rows are written in one
 * transaction (upsert by code), so a file with any problem changes nothing.
 */
export async function importCatalogCsv(db: Db, user: SessionUser, bytes: Uint8Array, now: Date): Promise<ImportResult> {
  authorize(user, 'catalog.manage');
  if (bytes.length === 0) return { ok: false, problems: [{ line: 0, zh: '请选择一个 CSV 文件', en: 'Choose a CSV file' }] };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problems: [{ line: 0, zh: '文件过大（最大 2 MB）', en: 'File too large (max 2 MB)' }] };
  const decoded = decodeCsv(bytes);
  if (!decoded) {
    return {
      ok: false,
      problems: [{ line: 0, zh: '无法识别文件编码：请在 Excel 中另存为「CSV UTF-8」或 GBK 编码的 CSV', en: 'Unknown encoding: save as "CSV UTF-8" (or GBK CSV) from Excel' }],
    };
  }
  const departments = await db.select({ id: orgUnits.id, nameZh: orgUnits.nameZh }).from(orgUnits);
  const read = readCatalogCsv(decoded.text, departments);
  if ('problems' in read) return { ok: false, problems: read.problems };
  let created = 0;
  let updated = 0;
  await db.transaction(async (tx) => {
    const codes = read.entries.map((e) => e.code);
    const existing = codes.length ? await tx.select().from(catalogServices).where(inArray(catalogServices.code, codes)) : [];
    const byCode = new Map(existing.map((s) => [s.code, s]));
    for (const entry of read.entries as EntryInput[]) {
      const old = byCode.get(entry.code);
      if (!old) {
        const [row] = await tx
          .insert(catalogServices)
          .values({ ...entry, onlineAt: entry.status === 'online' ? now : null, createdAt: now, updatedAt: now })
          .returning({ id: catalogServices.id });
        await tx.insert(catalogStatusChanges).values({ serviceId: row!.id, fromStatus: null, toStatus: entry.status, reason: 'CSV 导入 (CSV import)', actorId: user.id, at: now });
        created++;
      } else {
        await tx
          .update(catalogServices)
          .set({ ...entry, onlineAt: entry.status === 'online' && old.status !== 'online' ? now : old.onlineAt, updatedAt: now })
          .where(eq(catalogServices.id, old.id));
        if (old.status !== entry.status) {
          await tx.insert(catalogStatusChanges).values({ serviceId: old.id, fromStatus: old.status, toStatus: entry.status, reason: 'CSV 导入 (CSV import)', actorId: user.id, at: now });
        }
        updated++;
      }
    }
  });
  return { ok: true, encoding: decoded.encoding, created, updated };
}
