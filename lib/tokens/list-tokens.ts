import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, apiTokenUses } from '@/db/schema';

export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  uses: number;
}

/** The tokens of one user (never their secrets), newest first, with how often each was used. */
export async function listTokens(db: Db, userId: string): Promise<TokenSummary[]> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  if (rows.length === 0) return [];
  const counts = await db
    .select({ tokenId: apiTokenUses.tokenId, n: sql<number>`count(*)::int` })
    .from(apiTokenUses)
    .where(inArray(apiTokenUses.tokenId, rows.map((r) => r.id)))
    .groupBy(apiTokenUses.tokenId);
  const uses = new Map(counts.map((c) => [c.tokenId, c.n]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    lastUsedAt: r.lastUsedAt,
    createdAt: r.createdAt,
    uses: uses.get(r.id) ?? 0,
  }));
}

/** The latest uses of a token, for its owner's log view. */
export async function listTokenUses(db: Db, tokenId: string, limit = 50) {
  return db.select().from(apiTokenUses).where(eq(apiTokenUses.tokenId, tokenId)).orderBy(desc(apiTokenUses.at)).limit(limit);
}
