import { z } from 'zod';
import type { Db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { parseInput } from '@/workflows/engine/validate';
import { authorize } from '../policy';
import { TOKEN_SCOPES } from './scopes';
import { hashTokenSecret, newTokenSecret } from './token-secret';

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(60),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
  /** Days until it expires; tokens always expire (at most a year). */
  expiresInDays: z.coerce.number().int().min(1).max(366),
});

export interface CreatedToken {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: Date;
  /** Shown once; only its hash is kept. */
  secret: string;
}

/**
 * Creates a named token for `owner` (the actor, or a service account the admin manages).
 * Dataset scopes are for admins and the service accounts they make: a student cannot mint a
 * token that pushes grades.
 */
export async function createToken(
  db: Db,
  actor: Actor,
  input: unknown,
  now: Date,
  owner: { id: string; isServiceAccount: boolean } = { id: actor.id, isServiceAccount: false },
): Promise<CreatedToken> {
  const form = parseInput(createTokenSchema, input);
  authorize(actor, 'token.issue', { kind: 'token', userId: owner.id, scopes: form.scopes });
  const secret = newTokenSecret();
  const expiresAt = new Date(now.getTime() + form.expiresInDays * 86_400_000);
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: owner.id,
      name: form.name,
      prefix: secret.slice(0, 10),
      secretHash: hashTokenSecret(secret),
      scopes: [...new Set(form.scopes)],
      expiresAt,
      createdAt: now,
    })
    .returning();
  return { id: row!.id, name: row!.name, scopes: row!.scopes, expiresAt, secret };
}
