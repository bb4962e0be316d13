import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { initialTransition } from 'xstate';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import { getDefinition } from '../registry';
import type { Actor } from './actor';
import { findAttachableUploads, linkUploads } from './attach-uploads';
import { weekdayCalendar, type WorkingCalendar } from './calendar';
import { AppError } from './errors';
import { eventLabel } from './labels';
import { recordTransition, type TransitionResult } from './record-transition';
import type { ProcessDefinition } from './types';
import { parseInput } from './validate';

export interface StartRequest {
  processId: string;
  actor: Actor;
  input: unknown;
  now: Date;
  calendar?: WorkingCalendar;
}

/** Whether the actor belongs to the audience the process is for. */
export function mayStart(definition: ProcessDefinition, actor: Actor): boolean {
  const { kinds, cadreOnly } = definition.audience;
  return kinds.includes(actor.kind) && (!cadreOnly || actor.isCadre);
}

/** An application window set by the process admin (settings key `window:<process>`), if any. */
async function assertWindowOpen(db: Db, processId: string, now: Date): Promise<void> {
  const [row] = await db.select().from(settings).where(eq(settings.key, `window:${processId}`));
  if (!row) return;
  const window = JSON.parse(row.value) as { opensAt?: string; closesAt?: string };
  const closed =
    (window.opensAt !== undefined && now < new Date(window.opensAt)) ||
    (window.closesAt !== undefined && now > new Date(window.closesAt));
  if (closed) {
    throw new AppError('EVENT_NOT_ALLOWED', `application window of ${processId} is closed`, {
      zh: '不在申请时间内，该事项暂不受理',
      en: 'Applications for this service are closed at this time',
    });
  }
}

/** Starts an instance of the current version: validates, then writes it in one transaction. */
export async function startInstance(db: Db, req: StartRequest): Promise<TransitionResult> {
  const definition = getDefinition(req.processId);
  if (!mayStart(definition, req.actor)) {
    throw new AppError('FORBIDDEN', `${req.actor.id} may not start ${definition.id}`, {
      zh: '您不在该事项的办理对象范围内',
      en: 'This service is not open to you',
    });
  }
  await assertWindowOpen(db, definition.id, req.now);
  const form = parseInput(definition.inputSchema, req.input);
  const id = randomUUID();
  const [snapshot] = initialTransition(definition.machine, { form, applicantId: req.actor.id });

  return db.transaction(async (tx) => {
    const attachments = await findAttachableUploads(tx, definition.uploadIds(form), req.actor.id, id);
    const result = await recordTransition(tx, {
      definition,
      before: null,
      start: {
        id,
        title: definition.instanceTitle(form, req.actor.name),
        applicantId: req.actor.id,
        applicantOrgId: req.actor.orgUnitId,
      },
      prevSnapshot: null,
      nextSnapshot: snapshot,
      event: { type: 'submit', actor: req.actor, actorRole: 'applicant', comment: null, payload: { form, attachments } },
      actionLabel: eventLabel('submit'),
      now: req.now,
      calendar: req.calendar ?? weekdayCalendar,
    });
    await linkUploads(tx, attachments, id);
    return result;
  });
}
