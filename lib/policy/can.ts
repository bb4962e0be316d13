import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '@/workflows/engine/errors';
import type { PolicyActor } from './resources';
import { POLICY, type Action, type ResourceOf } from './table';

/** Area actions take no resource; the others exactly the one the table names. */
type ResourceArgs<A extends Action> = ResourceOf<A> extends undefined ? [] : [resource: ResourceOf<A>];

export function can<A extends Action>(actor: PolicyActor | null, action: A, ...[resource]: ResourceArgs<A>): boolean {
  if (!actor) return false;
  const allow = POLICY[action].allow as (actor: PolicyActor, resource: unknown) => boolean;
  return allow(actor, resource);
}

/**
 * Decides and, when refused, throws the refusal the table names (NOT_FOUND that reveals nothing,
 * or FORBIDDEN with its reason). Inside a route or action wrapper the decision is recorded, so
 * the wrapper can prove the permission it declares was really checked.
 */
export function authorize<A extends Action>(actor: PolicyActor | null, action: A, ...args: ResourceArgs<A>): void {
  if (!actor) throw new AppError('UNAUTHENTICATED', `${action} needs a signed-in user`);
  // Recorded whether allowed or refused: a handler may turn a refusal into its form's message.
  decided.getStore()?.add(action);
  if (!can(actor, action, ...args)) throw refusal(actor, action);
}

export function refusal(actor: Pick<PolicyActor, 'id'>, action: Action): AppError {
  const refuse = POLICY[action].refuse;
  if (refuse === 'hide') return new AppError('NOT_FOUND', `${action} refused to ${actor.id}`);
  return new AppError('FORBIDDEN', `${action} refused to ${actor.id}`, refuse.forbid);
}

/** The actions authorized during one request (route handler or server action). */
const decided = new AsyncLocalStorage<Set<Action>>();

export async function recordingDecisions<T>(fn: () => Promise<T>): Promise<{ result: T; decided: ReadonlySet<Action> }> {
  const set = new Set<Action>();
  const result = await decided.run(set, fn);
  return { result, decided: set };
}
