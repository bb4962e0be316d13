import type { Queryable } from '@/db/client';

/**
 * What a definition declares on entering a state (StateMeta.effects), as data. The engine turns
 * each into an Effect of the plan; commit writes it in the transition's transaction.
 * - handOff: a job for an external system (dorm repair → the maintenance system).
 * - emailWriter: an e-mail to the 校长信箱 writer at the address they gave (no account).
 */
export type EffectSpec = { kind: 'handOff'; hook: string } | { kind: 'emailWriter'; template: WriterEmailTemplate };

export type WriterEmailTemplate = 'replied' | 'notAccepted' | 'merged';

/** The instance's webhook events (contract 2: 'instance-event' outbox rows, fanned out to webhooks). */
export type InstanceEventName = 'instance.started' | 'instance.state_changed' | 'instance.finished';

/** One effect of one plan. */
export type Effect =
  | {
      kind: 'instanceEvent';
      events: InstanceEventName[];
      instance: { id: string; processId: string; processVersion: number; state: string; status: string; revision: number };
      transition: { type: string; from: string | null; to: string };
      at: Date;
    }
  | { kind: 'handOff'; hook: string; instanceId: string; revision: number; payload: Record<string, unknown>; at: Date }
  | { kind: 'emailWriter'; template: WriterEmailTemplate; instanceId: string; revision: number; at: Date };

export type EffectOf<K extends Effect['kind']> = Extract<Effect, { kind: K }>;

/** Writes every effect of one kind from a whole commit, in its transaction, in one go. */
export type EffectWriter<K extends Effect['kind']> = (q: Queryable, effects: Array<EffectOf<K>>) => Promise<void>;

/**
 * Effects the engine cannot write itself because they need knowledge of an upper layer (the
 * writer's address and mail text live in lib/mailbox). lib hands the writers to the engine
 * (lib/engine/provide-engine.ts) instead of the engine importing lib.
 */
export interface ProvidedEffectWriters {
  emailWriter: EffectWriter<'emailWriter'>;
}

let provided: Partial<ProvidedEffectWriters> = {};

/** Hands the engine the writers of effects it cannot write itself (lib does this once, on import). */
export function provideEffectWriters(writers: ProvidedEffectWriters): void {
  provided = writers;
}

/** The provided writer of a kind; a transition whose effect has no writer fails (nothing is silently dropped). */
export function providedWriter<K extends keyof ProvidedEffectWriters>(kind: K): ProvidedEffectWriters[K] {
  const writer = provided[kind];
  if (!writer) throw new Error(`no writer for '${kind}' effects: import '@/lib/engine/provide-engine' before driving the engine`);
  return writer;
}
