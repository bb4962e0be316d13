import type { Db } from '@/db/client';
import { ssoUsedProofs } from '@/db/schema';

/**
 * Marks a one-time sign-in proof (CAS ticket, WeChat Work code) as used; false if it already was.
 * Recorded before it is validated, so two concurrent replays cannot both pass.
 */
export async function consumeProof(db: Db, kind: 'cas' | 'wecom', value: string): Promise<boolean> {
  const inserted = await db
    .insert(ssoUsedProofs)
    .values({ proof: `${kind}:${value}` })
    .onConflictDoNothing()
    .returning({ proof: ssoUsedProofs.proof });
  return inserted.length === 1;
}
