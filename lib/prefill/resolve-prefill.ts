import type { PrefillSpec, ProfileFact } from '@/workflows/engine/types';

/** Where a fact came from, shown beside the field ("来自 学籍信息"). */
export type FactSource = 'student-record' | 'staff-record' | 'housing' | 'last-typed';

export type ProfileFacts = Partial<Record<ProfileFact, { value: string; source: FactSource }>>;

/** A field as the form opens it: the value, where it came from, whether the person may change it. */
export interface PrefilledField {
  value: string;
  source: FactSource;
  locked: boolean;
}

/**
 * Facts a person may correct on a form and that are worth offering again next time ("上次填写"):
 * a phone number. A dormitory typed for someone else's room is no fact about the person.
 */
export const REMEMBERED_FACTS: readonly ProfileFact[] = ['phone'];

/**
 * The form's fields filled in from what the hall knows. A fact it does not know leaves the field
 * out (empty and editable on the form); a locked field it does not know stays empty too.
 */
export function resolvePrefill(prefill: Record<string, PrefillSpec> | undefined, facts: ProfileFacts): Record<string, PrefilledField> {
  const out: Record<string, PrefilledField> = {};
  for (const [field, spec] of Object.entries(prefill ?? {})) {
    const fact = facts[spec.fact];
    if (fact && fact.value !== '') out[field] = { value: fact.value, source: fact.source, locked: spec.locked === true };
  }
  return out;
}

/**
 * The input with every locked field taken from the profile: whatever a client sent for 学号 or
 * name is dropped, so an application always names its applicant as the record does.
 */
export function withLockedFacts(prefill: Record<string, PrefillSpec> | undefined, facts: ProfileFacts, input: unknown): unknown {
  const locked = Object.entries(prefill ?? {}).filter(([, spec]) => spec.locked);
  if (locked.length === 0 || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [field, spec] of locked) {
    const value = facts[spec.fact]?.value;
    if (value) out[field] = value;
    else delete out[field];
  }
  return out;
}

/**
 * What to remember of a sent form: each rememberable fact the person typed differently from the
 * record (keep it as "上次填写"), or typed back as the record has it (forget the old one).
 * `recorded` are the facts from the records alone, without what was remembered before.
 */
export function factsToRemember(
  prefill: Record<string, PrefillSpec> | undefined,
  recorded: ProfileFacts,
  input: Record<string, unknown>,
): Array<{ fact: ProfileFact; value: string | null }> {
  const seen = new Set<ProfileFact>();
  const out: Array<{ fact: ProfileFact; value: string | null }> = [];
  for (const [field, spec] of Object.entries(prefill ?? {})) {
    if (spec.locked || !REMEMBERED_FACTS.includes(spec.fact) || seen.has(spec.fact)) continue;
    const typed = input[field];
    if (typeof typed !== 'string' || typed.trim() === '') continue;
    seen.add(spec.fact);
    const value = typed.trim();
    out.push({ fact: spec.fact, value: value === recorded[spec.fact]?.value ? null : value });
  }
  return out;
}
