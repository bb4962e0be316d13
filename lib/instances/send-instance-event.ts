import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { applyEvent } from '@/workflows/engine/apply-event';
import { authorizeInstance } from '../policy';
import { now } from '../clock';
import { getDb } from '../db';
import { lockFacts } from '../prefill/prefill-form';
import type { InstanceResource } from '../policy/resources';
import { findDefinition } from '../processes/find-definition';
import { getInstanceView, type InstanceView } from './get-instance-view';
import { transitionAnswer, type TransitionAnswer } from './transition-answer';
import '@/lib/engine/provide-engine';

export interface InstanceEventInput {
  type: string;
  comment?: string;
  input?: unknown;
  expectedRevision?: number;
}

/**
 * Sends a user's event to an instance (UI and API alike). Someone who may not see the instance
 * learns nothing (404); the engine decides whether this user may send this event now.
 * Answers where the instance stands from what the transition wrote (TransitionAnswer); with
 * `view: 'full'`, the whole instance view read after it (what GET /api/v1/instances/{id} shows).
 */
export async function sendInstanceEvent(user: Actor, instanceId: string, event: InstanceEventInput): Promise<TransitionAnswer>;
export async function sendInstanceEvent(user: Actor, instanceId: string, event: InstanceEventInput, opts: { view: 'full' }): Promise<InstanceView>;
export async function sendInstanceEvent(user: Actor, instanceId: string, event: InstanceEventInput, opts?: { view?: 'full' }): Promise<TransitionAnswer | InstanceView>;
export async function sendInstanceEvent(user: Actor, instanceId: string, event: InstanceEventInput, opts: { view?: 'full' } = {}): Promise<TransitionAnswer | InstanceView> {
  const db = await getDb();
  const instance = await authorizeInstance(db, user, 'instance.act', instanceId);
  const result = await applyEvent(db, { instanceId, actor: user, ...event, input: await lockedOnResend(db, user, instance, event), now: await now(db) });
  return opts.view === 'full' ? getInstanceView(db, user, instanceId) : transitionAnswer(result);
}

/**
 * 一表通 on an event that sends the whole application form again (退回修改 → resubmit): the
 * applicant's locked facts come from their record again, as on the start.
 */
async function lockedOnResend(db: Db, user: Actor, instance: InstanceResource, event: InstanceEventInput): Promise<unknown> {
  const definition = findDefinition(instance.processId);
  if (!definition || instance.applicantId !== user.id || definition.eventInputs?.[event.type] !== definition.inputSchema) return event.input;
  return lockFacts(db, user.id, definition, event.input);
}
