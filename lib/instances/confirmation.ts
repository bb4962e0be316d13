import type { Db } from '@/db/client';
import { servicesForProcess } from '@/lib/catalog/queries';
import { stateMeta } from '@/workflows/engine/snapshot';
import type { Label } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';
import type { InstanceView } from './get-instance-view';

export interface NextStep {
  stateLabel: Label;
  role: string;
  orgName: Label | null;
  /** The step's time limit (state meta task.dueInWorkingDays), when it has one. */
  workingDays: number | null;
  dueAt: string | null;
}

export interface Confirmation {
  caseNo: string | null;
  steps: NextStep[];
  /** Whom to ask: the catalog entry's 咨询电话, else nothing (the page then names the department). */
  contact: string | null;
  ownerOrgUnitId: string;
}

/**
 * What the applicant is told right after submitting: the case number, which steps now wait on
 * whom and by when (the step's limit in working days, from the definition), and whom to ask.
 */
export async function confirmationFor(db: Db, view: InstanceView): Promise<Confirmation> {
  const definition = getDefinition(view.process.id, view.process.version);
  const services = await servicesForProcess(db, view.process.id);
  const contact = services.map((s) => s.guide.contact).find((c) => c && c.trim()) ?? null;
  const steps = view.openTasks.map((task) => ({
    stateLabel: task.stateLabel,
    role: task.role,
    orgName: task.orgName,
    workingDays: stateMeta(definition.machine, task.state)?.task?.dueInWorkingDays ?? null,
    dueAt: task.dueAt,
  }));
  return { caseNo: view.caseNo, steps, contact, ownerOrgUnitId: definition.ownerOrgUnitId };
}
