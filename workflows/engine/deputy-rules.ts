import type { RoleBindingRef } from './actor';
import { AppError } from './errors';

/**
 * Who may be whose deputy (代理), pure: lib/out-of-office reads the facts under a lock on both
 * people and asks here before writing. The projection (deputies.ts) only follows one hop, so
 * chains are refused here: a deputy who is away themselves, or someone who stands in for another.
 */

/** Roles that hold tasks; administrators' roles never do, so a deputy need not share them. */
export const TASK_ROLES: readonly string[] = ['counselor', 'handler', 'dept_leader', 'school_leader', 'mailbox_office'];

/** At most this many days away in one setting: a longer absence is a staffing change, not 代理. */
export const MAX_ABSENCE_DAYS = 92;

export interface DeputyPerson {
  id: string;
  name: string;
  kind: 'student' | 'staff';
  orgUnitId: string;
  active: boolean;
  roles: RoleBindingRef[];
}

/** A range someone is away: 'YYYY-MM-DD' China dates, inclusive. */
export interface AwayRange {
  userId: string;
  name: string;
  deputyId: string;
  startsOn: string;
  endsOn: string;
}

export interface OutOfOfficeFacts {
  person: DeputyPerson;
  deputy: DeputyPerson;
  startsOn: string;
  endsOn: string;
  /** Today, China date. */
  today: string;
  /** The deputy's own absence, if they have one set. */
  deputyAway: AwayRange | null;
  /** Absences of others that name this person as their deputy. */
  standsInFor: AwayRange[];
}

const invalid = (detail: string, zh: string, en: string) => new AppError('INVALID_INPUT', detail, { zh, en });

const overlaps = (a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }) => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The task-holding bindings of a person: what a deputy must be able to hold. */
export function taskBindings(roles: RoleBindingRef[]): RoleBindingRef[] {
  return roles.filter((r) => TASK_ROLES.includes(r.role));
}

/**
 * Whether a deputy may hold one step on someone's behalf: they hold its role there (or
 * university-wide), or — for a role held in one unit — they are staff of that unit (the deputy
 * head of a department, a college's office). A university-wide role (校领导) needs the role itself.
 */
export function mayHoldFor(deputy: Pick<DeputyPerson, 'roles' | 'kind'> & { orgUnitId: string }, step: RoleBindingRef): boolean {
  if (deputy.roles.some((d) => d.role === step.role && (d.orgUnitId === null || d.orgUnitId === step.orgUnitId))) return true;
  return step.orgUnitId !== null && deputy.kind === 'staff' && deputy.orgUnitId === step.orgUnitId;
}

/** Whether `deputy` may hold every step `person` holds (mayHoldFor each of their task roles). */
export function mayStandIn(deputy: Pick<DeputyPerson, 'roles' | 'kind'> & { orgUnitId: string }, person: Pick<DeputyPerson, 'roles'>): boolean {
  return taskBindings(person.roles).every((b) => mayHoldFor(deputy, b));
}

/** Throws the refusal a person reads, or returns when the setting may be written. */
export function checkOutOfOffice(f: OutOfOfficeFacts): void {
  const { person, deputy } = f;
  if (taskBindings(person.roles).length === 0) {
    throw invalid(`${person.id} holds no task role`, '您没有需要审批办理的岗位，无需设置代理', 'You hold no role that receives tasks; there is nothing to hand to a deputy');
  }
  if (f.endsOn < f.startsOn) throw invalid('ends before it starts', '结束日期不能早于开始日期', 'The end date cannot be before the start date');
  if (f.endsOn < f.today) throw invalid('ends in the past', '结束日期已过，请选择今天或以后的日期', 'The end date has passed; choose today or later');
  if (days(f.startsOn, f.endsOn) > MAX_ABSENCE_DAYS) {
    throw invalid('too long', `代理期限最长 ${MAX_ABSENCE_DAYS} 天`, `A deputy can be set for at most ${MAX_ABSENCE_DAYS} days`);
  }
  if (deputy.id === person.id) throw invalid('self deputy', '不能指定自己为代理人', 'You cannot be your own deputy');
  if (!deputy.active || deputy.kind !== 'staff') {
    throw invalid(`${deputy.id} inactive or not staff`, `${deputy.name} 不是在职教职工，不能作为代理人`, `${deputy.name} is not active staff and cannot be a deputy`);
  }
  if (!mayStandIn(deputy, person)) {
    throw invalid(
      `${deputy.id} may not hold ${person.id}'s steps`,
      `${deputy.name} 不能办理您所在岗位的审批，不能代理您的待办；请选择同岗位人员或本单位教职工`,
      `${deputy.name} may not handle your approval steps and cannot take your tasks; choose someone in the same role or staff of your unit`,
    );
  }
  const range = { startsOn: f.startsOn, endsOn: f.endsOn };
  if (f.deputyAway && overlaps(f.deputyAway, range)) {
    throw invalid(
      `${deputy.id} is away too`,
      `${deputy.name} 在 ${f.deputyAway.startsOn} 至 ${f.deputyAway.endsOn} 也不在岗，不能作为该期间的代理人`,
      `${deputy.name} is away from ${f.deputyAway.startsOn} to ${f.deputyAway.endsOn} too and cannot stand in for you then`,
    );
  }
  const chained = f.standsInFor.find((a) => a.userId !== person.id && overlaps(a, range));
  if (chained) {
    throw invalid(
      `${person.id} stands in for ${chained.userId}`,
      `您是 ${chained.name} 在 ${chained.startsOn} 至 ${chained.endsOn} 的代理人，期间不能再把待办交给他人代理；请先请对方更换代理人`,
      `You stand in for ${chained.name} from ${chained.startsOn} to ${chained.endsOn}; ask them to choose another deputy first`,
    );
  }
}
