import bcrypt from 'bcryptjs';
import type { Db } from '../client';
import { orgUnits, roleBindings, users } from '../schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { COLLEGES, DEPARTMENTS, SCHOOL } from './org-units';

/** Org units every installation has: the seed table's departments and the colleges. Idempotent. */
export async function seedOrgUnits(db: Db): Promise<void> {
  const rows = [
    { id: SCHOOL[0], nameZh: SCHOOL[1], nameEn: SCHOOL[2], kind: 'school' as const, sort: 0 },
    ...DEPARTMENTS.map(([id, nameZh, nameEn], i) => ({ id, nameZh, nameEn, kind: 'department' as const, sort: i + 1 })),
    ...COLLEGES.map(([id, nameZh, nameEn], i) => ({ id, nameZh, nameEn, kind: 'college' as const, sort: 100 + i })),
  ];
  await db.insert(orgUnits).values(rows).onConflictDoNothing();
}

/** The demo accounts of the README, once; later starts leave them (and their edits) alone. */
export async function seedDemoAccounts(db: Db): Promise<void> {
  const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const inserted = await tx
        .insert(users)
        .values({
          username: account.username,
          name: account.name,
          kind: account.kind,
          orgUnitId: account.orgUnitId,
          isCadre: account.isCadre ?? false,
          phone: account.phone ?? null,
          email: `${account.username}@demo.example.edu.cn`,
          passwordHash: hash,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      const userId = inserted[0]?.id;
      if (!userId) continue;
      for (const [role, orgUnitId] of account.roles) {
        await tx.insert(roleBindings).values({ userId, role, orgUnitId }).onConflictDoNothing();
      }
    }
  });
}
