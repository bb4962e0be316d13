import { randomUUID } from 'node:crypto';
import { initialTransition } from 'xstate';
import type { Tx } from '@/db/client';
import { instanceEvents, messages, processInstances, tasks, timers } from '@/db/schema';
import { getDefinition } from '../registry';
import { resolveScopeOrg, type Actor } from './actor';
import { addDelay, anchorDate, type WorkingCalendar } from './calendar';
import { AppError } from './errors';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { activeStates, persistSnapshot, stateKey } from './snapshot';
import { mayStart } from './start-instance';
import { parseInput } from './validate';

export interface IssuedInstance {
  applicant: { id: string; name: string; orgUnitId: string };
  input: unknown;
}

/**
 * Starts many instances of an issued process (audience.issuedBy, e.g. 周转房缴费通知) in the
 * caller's transaction with one multi-row insert per table: the same rows startInstance writes
 * (instance, first hash-chained event, tasks, timers, task messages), a thousand at a time
 * in seconds. Only for processes whose first states hold applicant tasks and no uploads.
 */
export async function startIssuedInstances(
  tx: Tx,
  req: { processId: string; actor: Actor; items: IssuedInstance[]; now: Date; calendar: WorkingCalendar },
): Promise<string[]> {
  const definition = getDefinition(req.processId);
  if (!definition.audience.issuedBy || !mayStart(definition, req.actor)) {
    throw new AppError('FORBIDDEN', `${req.actor.id} may not issue ${definition.id}`);
  }
  const { now } = req;
  const instanceRows: Array<typeof processInstances.$inferInsert> = [];
  const eventRows: Array<typeof instanceEvents.$inferInsert> = [];
  const taskRows: Array<typeof tasks.$inferInsert> = [];
  const timerRows: Array<typeof timers.$inferInsert> = [];
  const messageRows: Array<typeof messages.$inferInsert> = [];

  for (const item of req.items) {
    const form = parseInput(definition.inputSchema, item.input);
    const id = randomUUID();
    const [snapshot] = initialTransition(definition.machine, { form, applicantId: item.applicant.id });
    const toState = stateKey(snapshot.value);
    const chained = {
      instanceId: id,
      seq: 1,
      type: 'submit',
      actorId: req.actor.id,
      actorRole: 'handler',
      comment: null,
      payload: { form, attachments: [] },
      fromState: null,
      toState,
      at: now,
    };
    const hash = eventHash(GENESIS_HASH, chained);
    instanceRows.push({
      id,
      processId: definition.id,
      processVersion: definition.version,
      snapshot: persistSnapshot(snapshot),
      state: toState,
      status: 'active',
      title: definition.instanceTitle(form, item.applicant.name),
      applicantId: item.applicant.id,
      applicantOrgId: item.applicant.orgUnitId,
      revision: 1,
      lastHash: hash,
      createdAt: now,
      updatedAt: now,
      stateSince: now,
    });
    eventRows.push({ ...chained, prevHash: GENESIS_HASH, hash });
    for (const { path, meta } of activeStates(snapshot)) {
      if (meta.task) {
        if (meta.task.scope.kind !== 'applicant') throw new Error(`${definition.id}: bulk start needs applicant tasks (${path})`);
        taskRows.push({
          instanceId: id,
          state: path,
          role: meta.task.role,
          orgUnitId: resolveScopeOrg(meta.task.scope, item.applicant.orgUnitId),
          assigneeId: item.applicant.id,
          actions: meta.task.actions.map((a) => a.type),
          createdAt: now,
          dueAt: meta.task.dueInWorkingDays ? addDelay(now, { workingDays: meta.task.dueInWorkingDays }, req.calendar) : null,
        });
        messageRows.push({
          userId: item.applicant.id,
          kind: 'task.new',
          params: { titleZh: definition.title.zh, titleEn: definition.title.en, stateZh: meta.label.zh, stateEn: meta.label.en },
          link: `/applications/${id}`,
          instanceId: id,
          createdAt: now,
        });
      }
      for (const timer of meta.timers ?? []) {
        const anchor = timer.from?.(snapshot.context);
        timerRows.push({ instanceId: id, state: path, eventType: timer.event, fireAt: addDelay(anchor ? anchorDate(anchor) : now, timer.delay, req.calendar) });
      }
    }
  }
  if (instanceRows.length === 0) return [];
  await tx.insert(processInstances).values(instanceRows);
  await tx.insert(instanceEvents).values(eventRows);
  if (taskRows.length) await tx.insert(tasks).values(taskRows);
  if (timerRows.length) await tx.insert(timers).values(timerRows);
  if (messageRows.length) await tx.insert(messages).values(messageRows);
  return instanceRows.map((r) => r.id!);
}
