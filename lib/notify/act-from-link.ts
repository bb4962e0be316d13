import type { Label, TaskAction } from '@/workflows/engine/types';
import type { SessionUser } from '../auth/load-actor';
import { now } from '../clock';
import { getAuthSecret, getDb } from '../db';
import { toErrorBody } from '../errors';
import type { Locale } from '../i18n/translate';
import { getInstanceView } from '../instances/get-instance-view';
import { sendInstanceEvent } from '../instances/send-instance-event';
import { ANY_ACTION, checkActionToken, consumeActionToken, releaseActionToken, type TokenProblem } from './action-links';

export type ActionLinkView =
  | {
      ok: true;
      instanceId: string;
      title: Label;
      step: Label;
      applicantName: string | null;
      actions: TaskAction[];
    }
  | { ok: false; problem: TokenProblem };

/** What the confirmation page shows for a link: the task and the actions it allows, or why not. */
export async function describeActionLink(user: SessionUser, raw: string): Promise<ActionLinkView> {
  const db = await getDb();
  const check = await checkActionToken(db, await getAuthSecret(), raw, user, await now(db));
  if (!check.ok) return check;
  const { token } = check;
  const view = await getInstanceView(db, user, token.instanceId);
  const task = view.openTasks.find((x) => x.id === token.taskId);
  return {
    ok: true,
    instanceId: token.instanceId,
    title: view.title,
    step: task?.stateLabel ?? { zh: '', en: '' },
    // As the viewer's view shows it (an anonymous writer is named to nobody).
    applicantName: view.applicant?.name ?? null,
    actions: view.myActions.filter((a) => token.action === ANY_ACTION || a.type === token.action),
  };
}

export type ActResult =
  | { ok: true; instanceId: string }
  | { ok: false; problem: TokenProblem }
  | { ok: false; problem: 'engine'; message: string };

/**
 * Acts from a link: the same checks as the portal (the engine decides whether this user may
 * send this event now), after the link's own (signature, expiry, single use, the right person).
 */
export async function actFromLink(user: SessionUser, raw: string, type: string, comment: string | undefined, locale: Locale): Promise<ActResult> {
  const db = await getDb();
  const at = await now(db);
  const check = await checkActionToken(db, await getAuthSecret(), raw, user, at);
  if (!check.ok) return check;
  const { token } = check;
  if (token.action !== ANY_ACTION && token.action !== type) return { ok: false, problem: 'invalid' };
  if (!(await consumeActionToken(db, token.id, at))) return { ok: false, problem: 'used' };
  try {
    await sendInstanceEvent(user, token.instanceId, { type, comment: comment || undefined });
    return { ok: true, instanceId: token.instanceId };
  } catch (error) {
    // The engine refused (a missing reason, someone else was faster): the link may be tried again.
    await releaseActionToken(db, token.id);
    return { ok: false, problem: 'engine', message: toErrorBody(error, locale).body.error.message };
  }
}
