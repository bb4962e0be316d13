import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, orgUnits, processInstances, tasks, uploads, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { isCandidate } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { eventLabel, stateLabel } from '@/lib/labels';
import { activeStates, restoreSnapshot, stepLabels } from '@/workflows/engine/snapshot';
import type { Label, TaskAction } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';
import { assertCanViewInstance } from '../authz';

export interface TimelineEntry {
  seq: number;
  type: string;
  action: Label;
  actorName: string | null;
  actorRole: string;
  comment: string | null;
  at: string;
  toStateLabel: Label;
  attachments: Array<{ id: string; filename: string; sha256: string; size: number }>;
}

export interface InstanceView {
  id: string;
  process: { id: string; version: number; title: Label };
  title: Label;
  status: string;
  state: string;
  stateLabels: Label[];
  revision: number;
  applicant: { id: string; name: string; orgName: Label } | null;
  createdAt: string;
  form: Record<string, unknown>;
  attachments: Array<{ id: string; filename: string; contentType: string; size: number; sha256: string }>;
  timeline: TimelineEntry[];
  /** Open tasks: who holds them, and the ones the viewer may work with their actions. */
  openTasks: Array<{ id: string; state: string; stateLabel: Label; role: string; orgName: Label | null; dueAt: string | null; mine: boolean }>;
  myActions: TaskAction[];
}

/** Everything the application page and GET /api/v1/instances/{id} show, for a permitted viewer. */
export async function getInstanceView(db: Db, viewer: Actor, id: string): Promise<InstanceView> {
  await assertCanViewInstance(db, viewer, id);
  const [row] = await db.select().from(processInstances).where(eq(processInstances.id, id));
  if (!row) throw new AppError('NOT_FOUND', `instance ${id}`);
  const definition = getDefinition(row.processId, row.processVersion);
  const snapshot = restoreSnapshot(definition.machine, row.snapshot);

  const [events, openTasks, files, applicant] = await Promise.all([
    db
      .select({ e: instanceEvents, actorName: users.name })
      .from(instanceEvents)
      .leftJoin(users, eq(users.id, instanceEvents.actorId))
      .where(eq(instanceEvents.instanceId, id))
      .orderBy(asc(instanceEvents.seq)),
    db
      .select({ t: tasks, orgNameZh: orgUnits.nameZh, orgNameEn: orgUnits.nameEn })
      .from(tasks)
      .leftJoin(orgUnits, eq(orgUnits.id, tasks.orgUnitId))
      .where(eq(tasks.instanceId, id)),
    db.select().from(uploads).where(eq(uploads.instanceId, id)),
    row.applicantId
      ? db
          .select({ id: users.id, name: users.name, orgZh: orgUnits.nameZh, orgEn: orgUnits.nameEn })
          .from(users)
          .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
          .where(eq(users.id, row.applicantId))
      : Promise.resolve([]),
  ]);

  const active = activeStates(snapshot);
  const open = openTasks.filter((t) => t.t.status === 'open');
  const myActions: TaskAction[] = [];
  for (const { t } of open) {
    if (!isCandidate(viewer, t)) continue;
    myActions.push(...(active.find((s) => s.path === t.state)?.meta.task?.actions ?? []));
  }
  if (row.applicantId === viewer.id && row.status === 'active') {
    for (const a of active.flatMap((s) => s.meta.applicantActions ?? [])) {
      if (!myActions.some((m) => m.type === a.type)) myActions.push(a);
    }
  }
  const fileIds = new Set(files.map((f) => f.id));
  const context = (snapshot.context ?? {}) as { form?: Record<string, unknown> };

  return {
    id: row.id,
    process: { id: definition.id, version: definition.version, title: definition.title },
    title: row.title,
    status: row.status,
    state: row.state,
    stateLabels: stepLabels(active),
    revision: row.revision,
    applicant: applicant[0] ? { id: applicant[0].id, name: applicant[0].name, orgName: { zh: applicant[0].orgZh, en: applicant[0].orgEn } } : null,
    createdAt: row.createdAt.toISOString(),
    form: context.form ?? {},
    attachments: files.map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, sha256: f.sha256 })),
    timeline: events.map(({ e, actorName }) => {
      const action = eventLabel(definition, e.type, e.fromState);
      const payload = e.payload as { attachments?: TimelineEntry['attachments'] };
      return {
        seq: e.seq,
        type: e.type,
        action,
        actorName,
        actorRole: e.actorRole,
        comment: e.comment,
        at: e.at.toISOString(),
        toStateLabel: stateLabel(definition, e.toState.split(',')[0]!),
        attachments: (payload.attachments ?? []).filter((a) => fileIds.has(a.id)),
      };
    }),
    openTasks: open.map(({ t, orgNameZh, orgNameEn }) => ({
      id: t.id,
      state: t.state,
      stateLabel: active.find((s) => s.path === t.state)?.meta.label ?? { zh: t.state, en: t.state },
      role: t.role,
      orgName: orgNameZh ? { zh: orgNameZh, en: orgNameEn! } : null,
      dueAt: t.dueAt?.toISOString() ?? null,
      mine: isCandidate(viewer, t),
    })),
    myActions,
  };
}

