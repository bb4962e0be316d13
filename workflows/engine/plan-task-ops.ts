import type { AnyMachineSnapshot } from 'xstate';
import { isCandidate, type Actor, type RoleBindingRef } from './actor';
import { AppError } from './errors';
import { allows, OPERATION_LABELS } from './operations';
import { instanceMessage, planLoggedStep, type InstanceRow, type LogEntry, type PlannedMessage, type TaskRow, type TransitionPlan } from './plan';
import { activeStates, restoreSnapshot } from './snapshot';
import type { Label, ProcessDefinition, StateMeta, TaskOperation } from './types';

/**
 * Planners of the approval operations on one open task (转办, 委派 and its answer): pure, like
 * plan-transition.ts. None of them moves the statechart — the step stays where it is; the task
 * changes hands, and the hash-chained log says who gave it to whom and why. The orchestrators
 * (task-ops.ts) lock the instance, read the task and the person, and commit the plan.
 */

/** The person a task is handed to, as read by the orchestrator. */
export interface PersonFacts {
  id: string;
  name: string;
  kind: 'student' | 'staff';
  orgUnitId: string;
  active: boolean;
  roles: RoleBindingRef[];
}

export interface TaskOpInput {
  actor: Pick<Actor, 'id' | 'name' | 'roles' | 'orgUnitId'>;
  /** The task, read after the instance row was locked (open). */
  task: TaskRow;
  /** Why (转办 and 委派 say why; the answer is the delegate's opinion). */
  reason: string | null;
}

const invalid = (detail: string, zh: string, en: string) => new AppError('INVALID_INPUT', detail, { zh, en });

const OP_LABELS = OPERATION_LABELS;

/** The meta of the task's step where the instance stands now. */
function stepMeta(snapshot: AnyMachineSnapshot, state: string): StateMeta | undefined {
  return activeStates(snapshot).find((s) => s.path === state)?.meta;
}

function requireAllowed(meta: StateMeta | undefined, op: TaskOperation): void {
  if (!allows(meta, op)) {
    throw new AppError('EVENT_NOT_ALLOWED', `${op} is off at this step`, {
      zh: `该环节不支持${OP_LABELS[op].zh}`,
      en: `${OP_LABELS[op].en} is not offered at this step`,
    });
  }
}

/**
 * The actor must hold the task now. Someone who could hold it but no longer does (another holder
 * transferred it a moment ago, it went to a delegate) gets a conflict; the caller's policy check
 * already refused people who could never hold it.
 */
function requireHolder(actor: TaskOpInput['actor'], task: TaskRow): void {
  if (task.handover === 'delegate' || task.handover === 'signBefore') {
    throw new AppError('CONFLICT', `task ${task.id} is with ${task.assigneeId} (${task.handover})`, {
      zh: '该待办已委派给他人征求意见，请等对方回复后再办理',
      en: 'This task is out for an opinion; wait for the answer before acting on it',
    });
  }
  if (!isCandidate(actor, task)) {
    throw new AppError('CONFLICT', `${actor.id} no longer holds task ${task.id}`, {
      zh: '该待办已转给他人或已办理，请刷新后查看',
      en: 'This task has moved on to someone else; reload to see where it stands',
    });
  }
}

/** Checks common to everyone a task is handed to. */
function requireReceiver(row: InstanceRow, actor: TaskOpInput['actor'], to: PersonFacts, op: TaskOperation): void {
  if (to.id === actor.id) throw invalid(`${op} to oneself`, `不能${OP_LABELS[op].zh}给自己`, `You cannot ${OP_LABELS[op].en.toLowerCase()} to yourself`);
  if (!to.active) throw invalid(`${to.id} inactive`, `${to.name} 的账号已停用，不能接收待办`, `${to.name}'s account is inactive`);
  if (row.applicantId === to.id) throw invalid(`${to.id} is the applicant`, '不能交给申请人本人办理', 'The applicant cannot handle their own application');
}

/** The log entry of a task operation: on the task's step, by its holder's role. */
function logged(task: TaskRow, type: string, actor: TaskOpInput['actor'], comment: string | null, payload: Record<string, unknown>): LogEntry {
  return { type, actorId: actor.id, actorRole: task.role, comment, payload: { taskId: task.id, state: task.state, ...payload } };
}

/** The one person a task operation tells, about the task's step and what was done. */
function note(row: InstanceRow, definition: ProcessDefinition, to: string, kind: string, label: Label | undefined, action: Label, comment: string | null, now: Date): PlannedMessage {
  const params = { stateZh: label?.zh ?? '', stateEn: label?.en ?? '', actionZh: action.zh, actionEn: action.en, comment: comment ?? '' };
  return instanceMessage(row, definition, { userId: to }, kind, params, now);
}

/** Whether a person may hold a task of this role in this scope (the same role, in the same unit or university-wide). */
export function mayHold(person: Pick<PersonFacts, 'id' | 'roles'>, task: Pick<TaskRow, 'role' | 'orgUnitId'>): boolean {
  return isCandidate(person, { role: task.role, orgUnitId: task.orgUnitId, assigneeId: null });
}

/**
 * Whether a person may be asked for an opinion on a task (委派): active staff of the holder's unit
 * or the task's, or anyone who may hold the step themselves (a fellow counselor).
 */
export function mayBeDelegate(person: Pick<PersonFacts, 'id' | 'kind' | 'orgUnitId' | 'active' | 'roles'>, holder: Pick<Actor, 'orgUnitId'>, task: Pick<TaskRow, 'role' | 'orgUnitId'>): boolean {
  return person.active && person.kind === 'staff' && (person.orgUnitId === holder.orgUnitId || person.orgUnitId === task.orgUnitId || mayHold(person, task));
}

/**
 * 转办: the holder gives the task to someone who may hold the step (same role, same scope). The
 * task becomes theirs alone; they hear of it as of a new task. Refused: to oneself, to an inactive
 * account, to the applicant, to someone without the role here, while the task is out for an opinion.
 */
export function planTransfer(row: InstanceRow, definition: ProcessDefinition, input: TaskOpInput & { to: PersonFacts }, now: Date): TransitionPlan {
  const { actor, task, to } = input;
  const meta = stepMeta(restoreSnapshot(definition.machine, row.snapshot), task.state);
  requireAllowed(meta, 'transfer');
  requireHolder(actor, task);
  requireReceiver(row, actor, to, 'transfer');
  if (!mayHold(to, task)) {
    throw invalid(`${to.id} lacks ${task.role}@${task.orgUnitId}`, `${to.name} 不能办理该环节，只能转办给具有相同岗位的人员`, `${to.name} may not handle this step; transfer to someone in the same role`);
  }
  const entry = logged(task, 'task.transfer', actor, input.reason, { from: actor.id, to: to.id });
  return planLoggedStep(row, entry, {
    tasks: { assign: { taskId: task.id, assigneeId: to.id, returnsTo: null, handover: null } },
    messages: [note(row, definition, to.id, 'task.new', meta?.label, { zh: `${actor.name} 转办给您`, en: `Transferred to you by ${actor.name}` }, input.reason, now)],
  }, now);
}

/**
 * 委派: the holder asks a colleague (active staff of their unit or the task's) for an opinion. The
 * task goes to the delegate offering no decision (no actions) until they answer; then it comes back
 * to the holder (planAnswerDelegation). Refused while it is already out for an opinion.
 */
export function planDelegate(row: InstanceRow, definition: ProcessDefinition, input: TaskOpInput & { to: PersonFacts }, now: Date): TransitionPlan {
  const { actor, task, to } = input;
  const meta = stepMeta(restoreSnapshot(definition.machine, row.snapshot), task.state);
  requireAllowed(meta, 'delegate');
  if (task.handover === 'delegate' || task.handover === 'signBefore') {
    throw invalid(`task ${task.id} already delegated`, '该待办已委派给他人，请等待对方回复后再委派', 'This task is already out for an opinion');
  }
  requireHolder(actor, task);
  requireReceiver(row, actor, to, 'delegate');
  if (!mayBeDelegate(to, actor, task)) {
    throw invalid(`${to.id} not in ${actor.orgUnitId}`, `只能委派给本单位的在职教职工或同岗位人员，${to.name} 不在此列`, `You can only delegate to active staff of your unit or people in the same role; ${to.name} is not one`);
  }
  const entry = logged(task, 'task.delegate', actor, input.reason, { from: actor.id, to: to.id });
  return planLoggedStep(row, entry, {
    tasks: { assign: { taskId: task.id, assigneeId: to.id, returnsTo: actor.id, handover: 'delegate', actions: [] } },
    messages: [note(row, definition, to.id, 'task.delegated', meta?.label, { zh: `${actor.name} 请您提出意见`, en: `${actor.name} asks for your opinion` }, input.reason, now)],
  }, now);
}

/**
 * The delegate's answer: their opinion goes into the log and the task goes back to the holder
 * who delegated it, with the step's actions again; the holder hears of it.
 */
export function planAnswerDelegation(row: InstanceRow, definition: ProcessDefinition, input: TaskOpInput, now: Date): TransitionPlan {
  const { actor, task } = input;
  if ((task.handover !== 'delegate' && task.handover !== 'signBefore') || task.assigneeId !== actor.id || !task.returnsTo) {
    throw new AppError('CONFLICT', `task ${task.id} is not delegated to ${actor.id}`, {
      zh: '该待办没有委派给您，或您已回复',
      en: 'This task is not out to you for an opinion (or you have answered)',
    });
  }
  const opinion = input.reason?.trim() ?? '';
  if (opinion.length === 0) throw invalid('opinion required', '请填写您的意见', 'Please write your opinion');
  const meta = stepMeta(restoreSnapshot(definition.machine, row.snapshot), task.state);
  const actions = meta?.task?.actions.map((a) => a.type) ?? [];
  const signing = task.handover === 'signBefore';
  const entry = logged(task, signing ? 'task.sign' : 'task.delegate.answer', actor, opinion, { from: actor.id, to: task.returnsTo });
  return planLoggedStep(row, entry, {
    tasks: { assign: { taskId: task.id, assigneeId: task.returnsTo, returnsTo: null, handover: null, actions } },
    messages: [
      note(
        row,
        definition,
        task.returnsTo,
        'task.opinion',
        meta?.label,
        signing ? { zh: `${actor.name} 已会签`, en: `${actor.name} has signed` } : { zh: `${actor.name} 已回复意见`, en: `${actor.name} answered` },
        opinion,
        now,
      ),
    ],
  }, now);
}

/** Whether a person may be added as a signer (加签): as for 委派, or a department or school leader. */
export function mayBeSigner(person: Pick<PersonFacts, 'id' | 'kind' | 'orgUnitId' | 'active' | 'roles'>, holder: Pick<Actor, 'orgUnitId'>, task: Pick<TaskRow, 'role' | 'orgUnitId'>): boolean {
  const leader = person.roles.some((r) => r.role === 'dept_leader' || r.role === 'school_leader');
  return person.active && person.kind === 'staff' && (leader || mayBeDelegate(person, holder, task));
}

/**
 * 加签: the holder adds a signer before themselves (前加签: the signer signs first, then the task
 * comes back) or after (后加签: the holder's opinion is logged now and the signer decides in their
 * place). The holder may remove the signer while they have not acted (planRemoveSigner).
 */
export function planAddSigner(
  row: InstanceRow,
  definition: ProcessDefinition,
  input: TaskOpInput & { to: PersonFacts; position: 'before' | 'after' },
  now: Date,
): TransitionPlan {
  const { actor, task, to, position } = input;
  const meta = stepMeta(restoreSnapshot(definition.machine, row.snapshot), task.state);
  requireAllowed(meta, 'addSigner');
  if (task.handover) throw invalid(`task ${task.id} is ${task.handover}`, '该待办已有加签或委派尚未完成，请先等待或减签', 'This task already has a signer or delegate pending');
  requireHolder(actor, task);
  if (row.applicantId === to.id) throw invalid(`${to.id} is the applicant`, '不能加签申请人本人', 'The applicant cannot be added as a signer');
  requireReceiver(row, actor, to, 'addSigner');
  if (!mayBeSigner(to, actor, task)) {
    throw invalid(`${to.id} may not sign`, `只能加签本单位教职工、同岗位人员或部门及校领导，${to.name} 不在此列`, `${to.name} may not be added as a signer here`);
  }
  const before = position === 'before';
  const entry = logged(task, before ? 'task.sign.before' : 'task.sign.after', actor, input.reason, { from: actor.id, to: to.id });
  return planLoggedStep(row, entry, {
    tasks: { assign: { taskId: task.id, assigneeId: to.id, returnsTo: actor.id, handover: before ? 'signBefore' : 'signAfter', ...(before ? { actions: [] } : {}) } },
    messages: [
      note(
        row,
        definition,
        to.id,
        'task.signer',
        meta?.label,
        before ? { zh: `${actor.name} 请您先行会签`, en: `${actor.name} asks you to sign first` } : { zh: `${actor.name} 已签署意见，请您继续审批`, en: `${actor.name} has signed; please decide next` },
        input.reason,
        now,
      ),
    ],
  }, now);
}

/** 减签: the holder removes the signer they added, who has not acted yet; the task comes back to the holder. */
export function planRemoveSigner(row: InstanceRow, definition: ProcessDefinition, input: TaskOpInput, now: Date): TransitionPlan {
  const { actor, task } = input;
  if ((task.handover !== 'signBefore' && task.handover !== 'signAfter') || task.returnsTo !== actor.id || !task.assigneeId) {
    throw new AppError('CONFLICT', `task ${task.id} has no signer added by ${actor.id}`, {
      zh: '该待办没有您加签且尚未办理的人员',
      en: 'This task has no signer of yours who has yet to act',
    });
  }
  const meta = stepMeta(restoreSnapshot(definition.machine, row.snapshot), task.state);
  const entry = logged(task, 'task.sign.remove', actor, input.reason, { from: task.assigneeId, to: actor.id });
  return planLoggedStep(row, entry, {
    tasks: { assign: { taskId: task.id, assigneeId: actor.id, returnsTo: null, handover: null, actions: meta?.task?.actions.map((a) => a.type) ?? [] } },
    messages: [note(row, definition, task.assigneeId, 'task.signerRemoved', meta?.label, { zh: `${actor.name} 已取消加签，无需您办理`, en: `${actor.name} removed you as a signer` }, input.reason, now)],
  }, now);
}
