import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '@/db/client';
import { catalogServices } from '@/db/schema';
import { getDefinition } from './definitions';
import { assertInsideWindow } from './application-window';
import type { Actor } from './actor';
import { findAttachableUploads } from './attach-uploads';
import { loadWorkingCalendar, type WorkingCalendar } from './calendar';
import { AppError } from './errors';
import { eventLabel } from '../labels/definition-labels';
import { loadDeputies } from './deputies';
import { loadGroupMembers } from './group-members';
import { commit, type CommitResult } from './commit';
import { planStart } from './plan-transition';
import type { ProcessDefinition } from './types';
import { parseInput } from './validate';

export interface StartRequest {
  processId: string;
  /** null: someone without an account, for processes whose audience is anonymous. */
  actor: Actor | null;
  /** The applicant's name in the instance title when there is no actor (e.g. '匿名来信'). */
  anonymousName?: string;
  input: unknown;
  now: Date;
  calendar?: WorkingCalendar;
  /** Pins a version other than the current one (a version under test, 在测); default current. */
  version?: number;
  /** For issued processes (audience.issuedBy): the person the instance is for. */
  applicant?: { id: string; name: string; orgUnitId: string };
  /** Claim secrets of owner-less uploads the new instance attaches (see findAttachableUploads). */
  uploadClaims?: ReadonlyMap<string, string>;
  /** Writes the caller's own rows about the new instance in the same transaction (all or nothing). */
  alongside?: (tx: Tx, result: CommitResult) => Promise<void>;
}

/** Whether the actor belongs to the audience the process is for (or may issue it). */
export function mayStart(definition: ProcessDefinition, actor: Actor | null): boolean {
  const { kinds, cadreOnly, issuedBy, anonymous } = definition.audience;
  if (anonymous) return true;
  if (!actor) return false;
  if (issuedBy) return actor.roles.some((b) => b.role === issuedBy.role && (b.orgUnitId === null || b.orgUnitId === issuedBy.orgUnitId));
  return kinds.includes(actor.kind) && (!cadreOnly || actor.isCadre);
}

/**
 * The application window of the catalog entries that start the process (the guide's 申请时间, as
 * data), if any: the one place it is enforced, for the UI and the API alike.
 */
async function assertWindowOpen(db: Queryable, processId: string, now: Date): Promise<void> {
  const [row] = await db
    .select({ window: catalogServices.applicationWindow })
    .from(catalogServices)
    .where(and(eq(catalogServices.processId, processId), isNotNull(catalogServices.applicationWindow)))
    .limit(1);
  assertInsideWindow(processId, row?.window, now);
}

/** Starts an instance of the current version: validates, then writes it in one transaction. */
export async function startInstance(db: Db, req: StartRequest): Promise<CommitResult> {
  // An unknown id (even one with bytes PostgreSQL refuses, like NUL) is a 404 before any query.
  getDefinition(req.processId, req.version);
  return db.transaction((tx) => startInstanceInTransaction(tx, req, { checkWindow: true }));
}

/**
 * The start inside a transaction the caller holds. Everything it reads — the application window,
 * the calendar, the process's own input checks, the uploads to attach (locked) — is read in one
 * round trip with BEGIN; the plan is then committed in one more (and COMMIT).
 */
export async function startInstanceInTransaction(tx: Tx, req: StartRequest, o: { checkWindow?: boolean } = {}): Promise<CommitResult> {
  const definition = getDefinition(req.processId, req.version);
  if (!mayStart(definition, req.actor)) {
    throw new AppError('FORBIDDEN', `${req.actor?.id ?? 'anonymous'} may not start ${definition.id}`, {
      zh: '您不在该事项的办理对象范围内',
      en: 'This service is not open to you',
    });
  }
  if (definition.audience.issuedBy && !req.applicant) {
    throw new AppError('EVENT_NOT_ALLOWED', `${definition.id} is issued to people, not applied for`, {
      zh: '该事项由主管部门发出，不能自行申请',
      en: 'This is issued by the department; it cannot be applied for',
    });
  }
  // Anonymous letters have no applicant row: no account, no org unit.
  const applicant = req.applicant ?? (req.actor ? { id: req.actor.id, name: req.actor.name, orgUnitId: req.actor.orgUnitId } : null);
  let form: unknown;
  try {
    form = parseInput(definition.inputSchema, req.input);
  } catch (error) {
    // Outside the window the form's details do not matter: say when to come back instead.
    if (o.checkWindow) await assertWindowOpen(tx, definition.id, req.now);
    throw error;
  }
  const id = randomUUID();
  const [, , attachments, calendar, deputies, groups] = await Promise.all([
    o.checkWindow ? assertWindowOpen(tx, definition.id, req.now) : undefined,
    applicant ? definition.checkInput?.(tx, form, applicant) : undefined,
    findAttachableUploads(tx, definition.uploadIds(form), { ownerId: req.actor?.id ?? null, instanceId: id, now: req.now, claims: req.uploadClaims }),
    req.calendar ?? loadWorkingCalendar(tx),
    loadDeputies(tx, req.now),
    loadGroupMembers(tx, definition, { id: applicant?.id ?? null, orgUnitId: applicant?.orgUnitId ?? null }),
  ]);
  const plan = planStart(
    null,
    definition,
    {
      id,
      form,
      title: definition.instanceTitle(form, applicant?.name ?? req.anonymousName ?? ''),
      applicant: applicant ? { id: applicant.id, orgUnitId: applicant.orgUnitId } : null,
      actor: req.actor,
      actorRole: req.applicant ? 'handler' : 'applicant',
      actionLabel: eventLabel(definition, req.applicant ? 'issue' : 'submit'),
      attachments,
      calendar,
      deputies,
      groups,
    },
    req.now,
  );
  const [result] = await commit(tx, [plan]);
  await req.alongside?.(tx, result!);
  return result!;
}
