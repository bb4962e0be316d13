import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orgUnits, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { audit } from './audit';
import { validateImport, type ImportProblem } from './validate-import';
import { authorize } from '../../policy';

export type ImportResult = { ok: true; created: number; updated: number; rows: number } | { ok: false; problems: ImportProblem[] };

const CHUNK = 500;

/**
 * Imports students and staff from CSV, all or nothing: every row is validated first, then all
 * are written in one transaction (new campus ids created, known ones updated: name, kind,
 * unit, contact). Nobody gets a password: they sign in through single sign-on.
 */
export async function importPeople(db: Db, actor: Actor, text: string, at: Date): Promise<ImportResult> {
  authorize(actor, 'admin.operate');
  const known = new Set((await db.select({ id: orgUnits.id }).from(orgUnits)).map((u) => u.id));
  const { rows, problems } = validateImport(text, known);
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 200) };
  return db.transaction(async (tx) => {
    const existing = new Set<string>();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const names = rows.slice(i, i + CHUNK).map((r) => r.username);
      (await tx.select({ username: users.username }).from(users).where(inArray(users.username, names))).forEach((u) => existing.add(u.username));
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx
        .insert(users)
        .values(rows.slice(i, i + CHUNK).map((r) => ({ username: r.username, name: r.name, kind: r.kind, orgUnitId: r.orgUnitId, email: r.email, phone: r.phone, isCadre: r.isCadre })))
        .onConflictDoUpdate({
          target: users.username,
          set: { name: sql`excluded.name`, kind: sql`excluded.kind`, orgUnitId: sql`excluded.org_unit_id`, email: sql`excluded.email`, phone: sql`excluded.phone`, isCadre: sql`excluded.is_cadre` },
        });
    }
    const updated = rows.filter((r) => existing.has(r.username)).length;
    await audit(tx, { actorId: actor.id, action: 'people.import', target: 'users', details: { rows: rows.length, created: rows.length - updated, updated }, at });
    return { ok: true as const, created: rows.length - updated, updated, rows: rows.length };
  });
}
