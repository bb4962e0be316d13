import { AppError } from './errors';
import { dayOf, type InstanceOpInput } from './plan-instance-ops';
import { instanceMessage, planLoggedStep, type InstanceRow, type TransitionPlan } from './plan';
import { activeStates, restoreSnapshot } from './snapshot';
import type { ProcessDefinition } from './types';

/**
 * A reminder from the issuing department (资产管理处 催缴) to the person an issued notice waits on:
 * the step must be the person's own and carry a reminder timer (the statechart says reminding
 * there makes sense), once a CST day per notice. The instance does not move; the log records it
 * and the person gets one 'instance.reminder' message, delivered through the outbox like any other.
 */
export function planRemindApplicant(row: InstanceRow, definition: ProcessDefinition, input: InstanceOpInput, now: Date): TransitionPlan {
  const { actor } = input;
  const issuer = definition.audience.issuedBy;
  if (!issuer || !actor.roles.some((b) => b.role === issuer.role && (b.orgUnitId === null || b.orgUnitId === issuer.orgUnitId))) {
    throw new AppError('FORBIDDEN', `${actor.id} does not issue ${definition.id}`, { zh: '只有发出通知的部门可以催缴', en: 'Only the issuing office may send reminders' });
  }
  const refuse = (detail: string, zh: string, en: string) => new AppError('EVENT_NOT_ALLOWED', detail, { zh, en });
  if (row.status !== 'active' || !row.applicantId) throw refuse(`instance is ${row.status}`, '该通知已办结，无需催缴', 'This notice has ended');
  const snapshot = restoreSnapshot(definition.machine, row.snapshot);
  const step = activeStates(snapshot).find((s) => s.meta.task?.scope.kind === 'applicant' && s.meta.timers?.some((t) => t.remind === 'applicant'));
  if (!step) throw refuse(`no reminder at ${row.state}`, '当前环节不在等待租户，无需催缴', 'The notice is not waiting for its recipient');
  const today = dayOf(now);
  if (input.history.some((e) => e.type === 'instance.remind' && e.at !== undefined && dayOf(e.at) === today)) {
    throw new AppError('RATE_LIMITED', 'reminded today', { zh: '今天已催缴过，每份通知每天只提醒一次', en: 'Already reminded today: once a day per notice' });
  }
  const label = step.meta.label;
  const message = instanceMessage(row, definition, { userId: row.applicantId }, 'instance.reminder', { stateZh: label?.zh ?? '', stateEn: label?.en ?? '', comment: input.reason ?? '' }, now);
  return planLoggedStep(row, { type: 'instance.remind', actorId: actor.id, actorRole: issuer.role, comment: input.reason, payload: { state: step.path } }, { messages: [message] }, now);
}
