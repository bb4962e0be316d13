import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import { rememberedFacts } from '@/db/schema';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { loadProfileFacts } from './profile-facts';
import { factsToRemember, resolvePrefill, withLockedFacts, type PrefilledField } from './resolve-prefill';

/** The application form of a process as it opens for the person: the fields the hall can fill in. */
export async function prefillForm(db: Queryable, userId: string, definition: ProcessDefinition): Promise<Record<string, PrefilledField>> {
  if (!definition.prefill) return {};
  return resolvePrefill(definition.prefill, await loadProfileFacts(db, userId));
}

/** The input a client sent, with the locked facts (name, 学号, college) taken from the profile instead. */
export async function lockFacts(db: Queryable, userId: string, definition: ProcessDefinition, input: unknown): Promise<unknown> {
  if (!definition.prefill || !Object.values(definition.prefill).some((s) => s.locked)) return input;
  return withLockedFacts(definition.prefill, await loadProfileFacts(db, userId, { remembered: false }), input);
}

/**
 * After a form was accepted, in its transaction: a phone the person corrected is offered on
 * their next form as "上次填写"; typing the record's value again forgets the corrected one.
 */
export async function rememberTypedFacts(tx: Tx, userId: string, definition: ProcessDefinition, input: unknown, now: Date): Promise<void> {
  if (!definition.prefill || typeof input !== 'object' || input === null) return;
  const recorded = await loadProfileFacts(tx, userId, { remembered: false });
  for (const { fact, value } of factsToRemember(definition.prefill, recorded, input as Record<string, unknown>)) {
    if (value === null) await tx.delete(rememberedFacts).where(and(eq(rememberedFacts.userId, userId), eq(rememberedFacts.fact, fact)));
    else
      await tx
        .insert(rememberedFacts)
        .values({ userId, fact, value, updatedAt: now })
        .onConflictDoUpdate({ target: [rememberedFacts.userId, rememberedFacts.fact], set: { value, updatedAt: now } });
  }
}
