import { randomUUID } from 'node:crypto';
import type { Tx } from '@/db/client';
import { eventLabel } from '../labels/definition-labels';
import { getDefinition } from './definitions';
import type { Actor } from './actor';
import type { WorkingCalendar } from './calendar';
import { commit } from './commit';
import { loadDeputies } from './deputies';
import { AppError } from './errors';
import { planStart } from './plan-transition';
import { mayStart } from './start-instance';
import { parseInput } from './validate';

export interface IssuedInstance {
  applicant: { id: string; name: string; orgUnitId: string };
  input: unknown;
}

/**
 * Starts many instances of an issued process (audience.issuedBy, e.g. 周转房缴费通知) in the
 * caller's transaction: one planStart per person — exactly the start each would get on its own,
 * webhooks and messages included — committed together in one batch (one multi-row insert per
 * table), a thousand at a time in seconds. Any invalid form fails the whole batch, nothing written.
 */
export async function startIssuedInstances(
  tx: Tx,
  req: { processId: string; actor: Actor; items: IssuedInstance[]; now: Date; calendar: WorkingCalendar },
): Promise<string[]> {
  const definition = getDefinition(req.processId);
  if (!definition.audience.issuedBy || !mayStart(definition, req.actor)) {
    throw new AppError('FORBIDDEN', `${req.actor.id} may not issue ${definition.id}`);
  }
  const actionLabel = eventLabel(definition, 'issue');
  const deputies = await loadDeputies(tx, req.now);
  const plans = req.items.map((item) => {
    const form = parseInput(definition.inputSchema, item.input);
    return planStart(
      null,
      definition,
      {
        id: randomUUID(),
        form,
        title: definition.instanceTitle(form, item.applicant.name),
        applicant: { id: item.applicant.id, orgUnitId: item.applicant.orgUnitId },
        actor: req.actor,
        actorRole: 'handler',
        actionLabel,
        attachments: [],
        calendar: req.calendar,
        deputies,
      },
      req.now,
    );
  });
  await commit(tx, plans, { returning: false });
  return plans.map((p) => p.event.instanceId);
}
