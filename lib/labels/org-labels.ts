import type { Queryable } from '@/db/client';
import { orgUnits } from '@/db/schema';
import type { Label, TaskMeta } from '@/workflows/engine/types';
import { roleLabel } from './fixed-labels';

/** Org unit names by id, read once per page or export (the table has a few dozen rows). */
export type OrgNames = ReadonlyMap<string, Label>;

export async function loadOrgNames(db: Queryable): Promise<OrgNames> {
  const rows = await db.select({ id: orgUnits.id, zh: orgUnits.nameZh, en: orgUnits.nameEn }).from(orgUnits);
  return new Map(rows.map((r) => [r.id, { zh: r.zh, en: r.en }]));
}

const NO_UNIT: Label = { zh: '未填单位', en: 'No unit' };
const WHOLE_SCHOOL: Label = { zh: '全校', en: 'University-wide' };

/** An org unit by id; null, '' and '-' (no unit recorded) read 未填单位. */
export function orgLabel(orgs: OrgNames, id: string | null | undefined): Label {
  if (!id || id === '-') return NO_UNIT;
  return orgs.get(id) ?? { zh: id, en: id };
}

/** A role held in a unit (a role binding, a task's candidates): 工程学院 辅导员, 全校 系统管理员. */
export function scopeLabel(orgs: OrgNames, role: string, orgUnitId: string | null | undefined): Label {
  const unit = orgUnitId ? orgLabel(orgs, orgUnitId) : WHOLE_SCHOOL;
  const r = roleLabel(role);
  return { zh: `${unit.zh} ${r.zh}`, en: `${r.en}, ${unit.en}` };
}

/** Who works a state's task, as the diagram says it: 部门负责人（申请人所在单位）, 组织部 经办人, 申请人. */
export function taskWhoLabel(orgs: OrgNames, task: Pick<TaskMeta, 'role' | 'scope'>): Label {
  const r = roleLabel(task.role);
  switch (task.scope.kind) {
    case 'applicant':
      return r;
    case 'applicant-org':
      return { zh: `${r.zh}（申请人所在单位）`, en: `${r.en} (applicant's unit)` };
    case 'org':
      return scopeLabel(orgs, task.role, task.scope.orgUnitId);
    case 'context-orgs':
      return { zh: `各承办部门 ${r.zh}`, en: `${r.en} of each assigned department` };
    case 'global':
      return r;
  }
}
