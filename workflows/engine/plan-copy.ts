import { instanceMessage, planLoggedStep, type InstanceRow, type PlannedMessage, type TransitionPlan } from './plan';
import type { Label, ProcessDefinition } from './types';

/** How a copy reads in the log and in the recipients' message center. */
export const COPY_LABEL: Label = { zh: '抄送', en: 'Copied' };

/** The people a copy goes to, checked (active, not the sender) and read by the caller. */
export interface CopyInput {
  actor: { id: string; name: string };
  /** The role the sender holds on the instance (their task's role), for the log. */
  actorRole: string;
  recipients: Array<{ id: string; name: string }>;
  comment: string | null;
}

/** The 'instance.copy' message of one recipient: the one writer's message, delivered like any other. */
export function copyMessage(row: Pick<InstanceRow, 'id'>, definition: ProcessDefinition, to: PlannedMessage['to'], why: Label, comment: string | null, now: Date): PlannedMessage {
  return instanceMessage(row, definition, to, 'instance.copy', { actionZh: why.zh, actionEn: why.en, comment: comment ?? '' }, now);
}

/** Why a copy came: from a person, or from a step of the process (StateMeta.cc). */
export const copiedBy = (name: string): Label => ({ zh: `${name}抄送给您，仅供知悉`, en: `Copied to you by ${name}, for your information` });
export const copiedAtStep = (step: Label): Label => ({ zh: `“${step.zh}”环节抄送给您，仅供知悉`, en: `Copied to you at “${step.en}”, for your information` });

/**
 * 抄送 by a task holder: people who are informed but do not act. The instance does not move (no
 * task or timer changes); the copy is a logged event in the hash chain ('copy', who to) and one
 * 'instance.copy' message per recipient, which is what 抄送我 lists with its read state.
 */
export function planCopy(row: InstanceRow, definition: ProcessDefinition, input: CopyInput, now: Date): TransitionPlan {
  return planLoggedStep(
    row,
    { type: 'copy', actorId: input.actor.id, actorRole: input.actorRole, comment: input.comment, payload: { to: input.recipients.map((r) => ({ id: r.id, name: r.name })) } },
    { messages: input.recipients.map((r) => copyMessage(row, definition, { userId: r.id }, copiedBy(input.actor.name), input.comment, now)) },
    now,
  );
}
