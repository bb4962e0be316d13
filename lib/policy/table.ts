import { isCandidate } from '@/workflows/engine/actor';
import { mayStandIn, taskBindings } from '@/workflows/engine/deputy-rules';
import { mayStart } from '@/workflows/engine/start-instance';
import type { Label } from '@/workflows/engine/types';
import { isPrivilegedScope, type TokenScope } from '../tokens/scopes';
import type {
  DatasetResource,
  DeputyResource,
  DepartmentResource,
  InstanceResource,
  NoticeDraft,
  NoticeResource,
  PolicyActor,
  ProcessResource,
  ServiceResource,
  TaskBatchResource,
  TaskFacts,
  TaskResource,
  TokenResource,
  UploadResource,
} from './resources';
import { adminScope, scopeAllowsDepartment, scopeAllowsInstance } from './admin-scope';
import { holdsRole, holdsRoleIn, isAdmin, unitsWhere } from './roles';

/**
 * THE policy: every decision of who may do what, as one table. Each action names the resource it
 * decides about (none for an area), its rule, how a refusal looks, and the API token scope it needs.
 *
 * - `hide`: the refusal is NOT_FOUND, so an outsider learns nothing, not even that a record exists.
 * - `forbid`: FORBIDDEN with the reason in Chinese and English (for pages the user may see exist).
 *
 * The authorization matrix (e2e/proof-authz.spec.ts) is generated from this table; the route and
 * action wrappers (lib/api/route.ts, lib/actions/action.ts) make every entry point name one of these.
 */

interface RuleBase {
  /** What the action lets someone do, for the matrix, the docs and the admin. */
  describe: Label;
  refuse: 'hide' | { forbid: Label };
  /**
   * The scope an API token needs for this action (default 'api'). `{name}` is filled from the
   * route's path parameter of that name (dataset:{dataset} on /api/v1/integrations/{dataset}).
   */
  tokenScope?: string;
}
interface AreaRule extends RuleBase {
  allow: (actor: PolicyActor) => boolean;
}
interface ResourceRule<R> extends RuleBase {
  allow: (actor: PolicyActor, resource: R) => boolean;
}

/** A rule decided by the actor's roles alone (the matrix derives its allowed demo accounts from it). */
const area = (rule: AreaRule) => ({ ...rule, area: true as const });
const on = <R>(rule: ResourceRule<R>) => rule;

const adminsOnly: { forbid: Label } = {
  forbid: { zh: '该操作仅限流程管理员或系统管理员', en: 'Only process or system administrators may do this' },
};

/** 校长信箱 office: its own role in the process's owner unit (or university-wide), and administrators. */
export const MAILBOX_PROCESS = 'presidents-mailbox';
export const MAILBOX_OFFICE_ORG = 'president-office';
export function isMailboxOffice(actor: PolicyActor): boolean {
  return holdsRoleIn(actor, 'mailbox_office', MAILBOX_OFFICE_ORG) || isAdmin(actor);
}

/** 资产管理处: issues 周转房缴费通知 (the process's audience.issuedBy) and keeps their ledger. */
export const HOUSING_OFFICE_ORG = 'assets';

/**
 * Holds the role an open task needs in its scope, though the task was handed to a named colleague
 * (转办, 委派, admin reassign): they could have held it, and a holder who handed it on still follows it.
 */
function mayHoldOpen(actor: PolicyActor, t: TaskFacts): boolean {
  return t.assigneeId !== null && isCandidate(actor, { ...t, assigneeId: null });
}

/** Worked or may work one of these tasks (open or done; cancelled tasks gave no access). */
function touchedTask(actor: PolicyActor, tasks: TaskFacts[], role?: string): boolean {
  return tasks.some(
    (t) => (role === undefined || t.role === role) && t.status !== 'cancelled' && (t.completedBy === actor.id || t.returnsTo === actor.id || isCandidate(actor, t) || (t.status === 'open' && mayHoldOpen(actor, t))),
  );
}

/**
 * Who may operate on an open task (转办, 委派, 加签): whoever may hold its step — its named
 * holder, or anyone with its role in its scope. Whether they hold it at this moment is the
 * engine's question (someone else may have just taken it: 409).
 */
function mayHoldTask(actor: PolicyActor, r: TaskResource): boolean {
  const t = r.task;
  return t.status === 'open' && mayViewInstance(actor, r.instance) && (isCandidate(actor, t) || isCandidate(actor, { ...t, assigneeId: null }));
}

/** The applicant of an instance, or the (anonymous) writer of a letter matched through its reference. */
export function isApplicantOf(actor: PolicyActor, r: InstanceResource): boolean {
  return (r.applicantId !== null && r.applicantId === actor.id) || r.viewerIsWriter;
}

function mayViewInstance(actor: PolicyActor, r: InstanceResource): boolean {
  return isApplicantOf(actor, r) || isAdmin(actor) || touchedTask(actor, r.tasks) || r.viewerCopied === true || r.viewerActed === true;
}

function onLetterDesk(actor: PolicyActor, r: InstanceResource): boolean {
  if (r.processId !== MAILBOX_PROCESS) return false;
  return isMailboxOffice(actor) || touchedTask(actor, r.tasks, 'handler');
}

/** Business notices: department handlers and leaders, school leaders, administrators. */
function maySendNotices(actor: PolicyActor): boolean {
  return isAdmin(actor) || holdsRole(actor, 'handler') || holdsRole(actor, 'dept_leader') || holdsRole(actor, 'school_leader');
}

/** Who may address the whole university (any unit, any role, anyone by id): school leaders and admins. */
export function addressesEveryone(actor: PolicyActor): boolean {
  return isAdmin(actor) || holdsRole(actor, 'school_leader');
}

/** The units a department sender speaks for: where they are a handler or the leader. */
export function senderUnits(actor: PolicyActor): string[] {
  return [...new Set([...unitsWhere(actor, 'handler'), ...unitsWhere(actor, 'dept_leader')])];
}

/**
 * The org units a notice of this sender may reach: null for the whole university (school leaders,
 * admins). Urgent notices jump quiet hours and every opt-out: only a department's leader decides
 * that, for their own unit; handlers never.
 */
function unitsReached(actor: PolicyActor, urgent: boolean): string[] | null {
  if (addressesEveryone(actor)) return null;
  return urgent ? unitsWhere(actor, 'dept_leader') : senderUnits(actor);
}

/**
 * Whom an uploaded list may reach, person by person: a department's list may name anyone on
 * campus (资产管理处 notifies its tenants wherever they work), but an urgent list only the
 * people of the leader's own units. null: no limit. Ids outside it are reported like unknown ones.
 */
export function noticeListReach(actor: PolicyActor, urgent: boolean): string[] | null {
  return urgent ? unitsReached(actor, true) : null;
}

function mayAddress(actor: PolicyActor, draft: NoticeDraft): boolean {
  if (!maySendNotices(actor)) return false;
  const units = unitsReached(actor, draft.urgent);
  if (units === null) return true;
  if (units.length === 0) return false;
  const t = draft.target;
  if (t.kind === 'org') return units.includes(t.orgUnitId);
  if (t.kind === 'role') return t.orgUnitId !== undefined && units.includes(t.orgUnitId);
  return true; // a list: per person, noticeListReach
}

export const POLICY = {
  // ---- instances (applications, letters, repairs …) ----
  'instance.view': on<InstanceResource>({
    describe: { zh: '查看一件申请：申请人、办理过或可办理其任务的人、管理员', en: 'See an application: its applicant, who worked or may work its tasks, administrators' },
    refuse: 'hide',
    allow: mayViewInstance,
  }),
  'instance.act': on<InstanceResource>({
    describe: {
      zh: '对一件申请办理（审批、撤回、补正）：能看到它的人；具体动作由引擎按任务候选人判断',
      en: 'Act on an application: whoever may see it; the engine decides the exact action by task candidacy',
    },
    refuse: 'hide',
    allow: mayViewInstance,
  }),
  'task.transfer': on<TaskResource>({
    describe: { zh: '转办待办：该环节的办理人（同岗位同范围的人员）', en: 'Transfer a task: whoever may hold its step (same role, same scope)' },
    refuse: { forbid: { zh: '只有该环节的办理人可以转办', en: 'Only someone who handles this step may transfer it' } },
    allow: mayHoldTask,
  }),
  'task.delegate': on<TaskResource>({
    describe: { zh: '委派待办征求意见：该环节的办理人', en: 'Delegate a task for an opinion: whoever may hold its step' },
    refuse: { forbid: { zh: '只有该环节的办理人可以委派', en: 'Only someone who handles this step may delegate it' } },
    allow: mayHoldTask,
  }),
  'task.answer': on<TaskResource>({
    describe: { zh: '回复委派意见或前加签签署：被委派或被加签的人', en: 'Answer a delegation or sign first: the person asked' },
    refuse: { forbid: { zh: '该待办没有委派或加签给您', en: 'This task was not delegated to you' } },
    allow: (actor, r) => r.task.status === 'open' && (r.task.handover === 'delegate' || r.task.handover === 'signBefore') && r.task.assigneeId === actor.id,
  }),
  'task.add-signer': on<TaskResource>({
    describe: { zh: '加签（前加签/后加签）：该环节的办理人', en: 'Add a signer before or after oneself: whoever may hold the step' },
    refuse: { forbid: { zh: '只有该环节的办理人可以加签', en: 'Only someone who handles this step may add a signer' } },
    allow: mayHoldTask,
  }),
  'task.remove-signer': on<TaskResource>({
    describe: { zh: '减签：加签的人，在被加签人办理之前', en: 'Remove an added signer: who added them, before they act' },
    refuse: { forbid: { zh: '只有加签的人可以减签', en: 'Only the person who added the signer may remove them' } },
    // Whether the signer has acted meanwhile is the engine's answer (409), not a refusal.
    allow: (actor, r) => (r.task.handover === 'signBefore' || r.task.handover === 'signAfter') && r.task.returnsTo === actor.id,
  }),
  'me.out-of-office': area({
    describe: {
      zh: '外出代理：教职工本人查看、结束自己的代理设置，及自己代理谁（指定代理人另见 me.deputy）',
      en: 'Deputy while away: staff see and end their own setting, and whom they stand in for (naming one: me.deputy)',
    },
    refuse: { forbid: { zh: '外出代理仅适用于教职工', en: 'Deputies are for staff only' } },
    allow: (actor) => actor.kind === 'staff',
  }),
  'me.deputy': on<DeputyResource>({
    describe: {
      zh: '指定代理人：有审批岗位的教职工本人；代理人须为能办理其岗位审批的在职教职工（同岗位人员，或单位岗位的本单位教职工）',
      en: 'Name a deputy: staff with an approval role, for themselves; the deputy must be active staff who may hold those steps (the same role, or staff of the unit)',
    },
    refuse: {
      forbid: {
        zh: '该人员不能办理您所在岗位的审批，不能作为您的代理人；请选择同岗位人员或本单位教职工',
        en: 'That person may not handle your approval steps and cannot be your deputy; choose someone in the same role or staff of your unit',
      },
    },
    allow: (actor, deputy) => actor.kind === 'staff' && taskBindings(actor.roles).length > 0 && deputy.active && deputy.kind === 'staff' && mayStandIn(deputy, actor),
  }),
  'instance.withdraw': on<InstanceResource>({
    describe: { zh: '撤回申请：申请人本人（第一步尚未办理时）', en: 'Withdraw an application: its applicant (before the first step is acted on)' },
    refuse: { forbid: { zh: '只有申请人本人可以撤回申请', en: 'Only the applicant may withdraw the application' } },
    allow: (actor, r) => r.applicantId !== null && r.applicantId === actor.id,
  }),
  'instance.withdraw-approval': on<InstanceResource>({
    describe: { zh: '撤回自己的审批：办理过该申请的人（下一步尚未办理时）', en: 'Take back one’s own approval: who acted on it (before the next step acts)' },
    refuse: { forbid: { zh: '您没有办理过该申请，不能撤回审批', en: 'You have not acted on this application' } },
    allow: (actor, r) => r.tasks.some((t) => t.status === 'done' && t.completedBy === actor.id),
  }),
  'instance.urge': on<InstanceResource>({
    describe: { zh: '催办：申请人本人（环节超过办理时限，每个工作日一次）', en: 'Urge: the applicant (a step past its time limit, once a working day)' },
    refuse: { forbid: { zh: '只有申请人本人可以催办', en: 'Only the applicant may urge' } },
    allow: (actor, r) => r.applicantId !== null && r.applicantId === actor.id,
  }),
  'instance.copy': on<InstanceResource>({
    describe: { zh: '抄送一件申请给他人知悉：当前环节的办理人（校长信箱来信不抄送）', en: 'Copy an application to people for their information: whoever handles its current step (not letters to the president)' },
    refuse: { forbid: { zh: '只有当前环节的办理人可以抄送', en: 'Only whoever handles the current step may send copies' } },
    allow: (actor, r) => !r.confidential && r.tasks.some((t) => t.status === 'open' && t.role !== 'applicant' && isCandidate(actor, t)),
  }),
  'task.batch': on<TaskBatchResource>({
    describe: {
      zh: '批量审批：所选待办全部由本人办理（或本人已办）；能否批量由环节配置决定',
      en: 'Act on tasks in a batch: every selected task is one the actor may work (or worked); the step decides whether batches are allowed',
    },
    refuse: { forbid: { zh: '所选待办中有不由您办理的事项，本次未作任何处理', en: 'Some of the selected tasks are not yours to handle; nothing was done' } },
    allow: (actor, r) => r.unknown === 0 && r.tasks.every((t) => t.completedBy === actor.id || isCandidate(actor, t)),
  }),
  'process.start': on<ProcessResource>({
    describe: { zh: '发起一个流程：属于该事项办理对象（或其发起部门）', en: 'Start a process: belongs to its audience (or the issuing department)' },
    refuse: { forbid: { zh: '您不在该事项的办理对象范围内', en: 'This service is not open to you' } },
    allow: (actor, r) => mayStart(r.definition, actor),
  }),
  'upload.read': on<UploadResource>({
    describe: { zh: '读取附件：上传者，或能看到所附申请/来信的人', en: 'Read a file: its uploader, or whoever may see the application or letter it belongs to' },
    refuse: 'hide',
    allow: (actor, r) =>
      (r.ownerId !== null && r.ownerId === actor.id) || (r.instance !== null && (mayViewInstance(actor, r.instance) || onLetterDesk(actor, r.instance))),
  }),

  // ---- 校长信箱 ----
  'letter.desk': on<InstanceResource>({
    describe: { zh: '在办理台查看并办理来信：校长办公室，及被交办的部门', en: 'Work a letter on the desk: the president’s office, and departments it was assigned to' },
    refuse: 'hide',
    allow: onLetterDesk,
  }),
  'letter.publish': on<InstanceResource>({
    describe: { zh: '公开来信及答复：校长办公室', en: 'Publish a letter and its reply: the president’s office' },
    refuse: { forbid: { zh: '仅校长办公室可以公开来信', en: 'Only the president’s office publishes letters' } },
    allow: (actor, r) => r.processId === MAILBOX_PROCESS && isMailboxOffice(actor),
  }),
  'mailbox.desk': area({
    describe: { zh: '进入来信办理台：校长办公室与部门经办人', en: 'Open the letters desk: the president’s office and department handlers' },
    refuse: { forbid: { zh: '您没有来信办理权限', en: 'You do not handle letters' } },
    allow: (actor) => isMailboxOffice(actor) || unitsWhere(actor, 'handler').length > 0,
  }),
  'mailbox.stats': area({
    describe: { zh: '来信统计：校长办公室', en: 'Letter statistics: the president’s office' },
    refuse: { forbid: { zh: '仅校长办公室可以查看来信统计', en: 'Only the president’s office sees letter statistics' } },
    allow: isMailboxOffice,
  }),

  // ---- notices ----
  'notice.compose': area({
    describe: { zh: '发布业务通知：部门经办人、部门负责人、校领导、管理员', en: 'Send business notices: department handlers and leaders, school leaders, administrators' },
    refuse: {
      forbid: { zh: '只有部门经办人、部门负责人和管理员可以发布业务通知', en: 'Only department handlers, department leaders and administrators may send notices' },
    },
    allow: maySendNotices,
  }),
  'notice.send': on<NoticeDraft>({
    describe: {
      zh: '发给谁、能否加急：本部门的单位与角色（校领导、管理员可发全校）；加急仅部门负责人（本部门）、校领导、管理员',
      en: 'Whom to address and whether urgent: one’s own unit and its roles (school leaders and admins: everyone); urgent only leaders (own unit) and admins',
    },
    refuse: {
      forbid: {
        zh: '您不能向该范围发送通知，或不能将通知设为加急（经办人只能通知本部门，加急需部门负责人或管理员）',
        en: 'You may not notify these recipients or mark this urgent (handlers notify their own unit; urgent needs a leader or an administrator)',
      },
    },
    allow: mayAddress,
  }),
  'notice.read': on<NoticeResource>({
    describe: { zh: '阅读通知：接收人、发送人、管理员', en: 'Read a notice: its recipients, its author, administrators' },
    refuse: 'hide',
    allow: (actor, r) => r.viewerIsRecipient || r.authorId === actor.id || isAdmin(actor),
  }),

  // ---- 周转房缴费台账 ----
  'housing.ledger': area({
    describe: {
      zh: '周转房缴费台账：查看已发出的缴费通知批次与每位租户的确认、缴费、逾期情况，催缴和导出：资产管理处经办人、管理员',
      en: 'Staff housing ledger: the notice batches sent, each tenant acknowledged, paid or overdue, reminders and export: the Assets office handlers, administrators',
    },
    refuse: { forbid: { zh: '只有资产管理处经办人可以查看周转房缴费台账', en: 'Only the Assets office handlers see the staff housing ledger' } },
    allow: (actor) => isAdmin(actor) || holdsRoleIn(actor, 'handler', HOUSING_OFFICE_ORG),
  }),

  // ---- tokens and machine access ----
  'token.manage': on<TokenResource>({
    describe: { zh: '查看或撤销 API 令牌：本人，管理员可撤销任何人的', en: 'See or revoke an API token: its owner; administrators anyone’s' },
    refuse: 'hide',
    allow: (actor, r) => r.userId === actor.id || isAdmin(actor),
  }),
  'token.issue': on<TokenResource>({
    describe: { zh: '签发 API 令牌：本人的令牌；为他人或含数据推送权限的令牌仅管理员', en: 'Issue an API token: one’s own; for others or with data push scopes only administrators' },
    refuse: { forbid: { zh: '数据推送权限和他人的令牌只能由管理员签发', en: 'Only an admin may grant data push scopes or issue tokens for others' } },
    allow: (actor, r) => isAdmin(actor) || (r.userId === actor.id && !r.scopes.some((s) => isPrivilegedScope(s as TokenScope))),
  }),
  'dataset.push': on<DatasetResource>({
    describe: { zh: '推送校园数据：带 dataset:{id} 权限的 API 令牌（会话不行）', en: 'Push campus data: an API token with dataset:{id} (a session never)' },
    refuse: {
      forbid: { zh: '推送数据需要具有相应 dataset 权限的 API 令牌', en: 'Pushing data needs an API token with the dataset scope' },
    },
    // The token's scope is the whole rule; a session is never enough.
    allow: (actor, r) => actor.scopes?.includes(`dataset:${r.id}`) ?? false,
    tokenScope: 'dataset:{dataset}',
  }),
  'open311.request': area({
    describe: {
      zh: '通过 Open311（GeoReport v2）报修和查询：持 open311 权限 API 令牌（api_key）的人，只看到自己的报修',
      en: 'File and read repairs through Open311 (GeoReport v2): whoever holds an API token with the open311 scope, their own requests only',
    },
    refuse: { forbid: { zh: '需要具有 open311 权限的 API 令牌', en: 'An API token with the open311 scope is needed' } },
    allow: () => true,
    tokenScope: 'open311',
  }),

  // ---- catalog ----
  'service.view': on<ServiceResource>({
    describe: { zh: '看到一项服务：已上线的所有人；在测的测试人员；其余仅管理员', en: 'See a service: online ones everyone; testing ones their testers; others administrators' },
    refuse: 'hide',
    allow: (actor, r) =>
      r.status === 'online' || isAdmin(actor) || (r.status === 'testing' && actor.username !== undefined && r.testers.includes(actor.username)),
  }),
  'service.start': on<ServiceResource>({
    describe: { zh: '从服务目录办理一项服务：已上线的所有人；在测的测试人员与管理员', en: 'Start a service from the catalog: online ones everyone; testing ones their testers and administrators' },
    refuse: { forbid: { zh: '该服务尚未开放办理', en: 'This service is not open yet' } },
    allow: (actor, r) => r.status === 'online' || (r.status === 'testing' && (isAdmin(actor) || (actor.username !== undefined && r.testers.includes(actor.username)))),
  }),
  'catalog.manage': area({
    describe: { zh: '维护服务目录', en: 'Maintain the service catalog' },
    refuse: adminsOnly,
    allow: isAdmin,
  }),

  // ---- administration and monitoring ----
  'admin.monitor': area({
    describe: { zh: '流程监控：管理员看全部，部门负责人看本部门（只读）', en: 'Monitoring: administrators see all, department leaders their department (read-only)' },
    refuse: { forbid: { zh: '您没有访问流程监控与管理的权限', en: 'You have no access to monitoring and administration' } },
    allow: (actor) => adminScope(actor) !== null,
  }),
  'admin.instance': on<InstanceResource>({
    describe: { zh: '在监控中查看一件申请：管理员全部；部门负责人本部门申请人的和本部门主管流程的', en: 'See an instance in monitoring: administrators all; leaders their department’s applicants and processes' },
    refuse: 'hide',
    allow: (actor, r) => {
      const scope = adminScope(actor);
      return scope !== null && scopeAllowsInstance(scope, r);
    },
  }),
  'admin.department': on<DepartmentResource>({
    describe: { zh: '按部门筛选统计：管理员任意部门，部门负责人本部门', en: 'Filter statistics by department: administrators any, leaders their own' },
    refuse: { forbid: { zh: '只能查看本部门的统计', en: 'You may only see your own department' } },
    allow: (actor, r) => {
      const scope = adminScope(actor);
      return scope !== null && scopeAllowsDepartment(scope, r.orgUnitId);
    },
  }),
  'admin.operate': area({
    describe: { zh: '运维操作：撤销、改派、迁移版本、人员与组织、重试投递', en: 'Operate: cancel, reassign, migrate, people and org units, retry deliveries' },
    refuse: adminsOnly,
    allow: isAdmin,
  }),
  'admin.integrations': area({
    describe: { zh: '集成：Webhook、服务账号、数据导入', en: 'Integrations: webhooks, service accounts, data imports' },
    refuse: adminsOnly,
    allow: isAdmin,
  }),
  'admin.calendar': area({
    describe: { zh: '维护校历与节假日', en: 'Maintain the term calendar and holidays' },
    refuse: { forbid: { zh: '仅管理员可维护校历', en: 'Only administrators maintain the calendar' } },
    allow: isAdmin,
  }),
} as const;

export type Action = keyof typeof POLICY;
type RuleOf<A extends Action> = (typeof POLICY)[A];
/** The resource an action decides about; `undefined` for an area (decided by roles alone). */
export type ResourceOf<A extends Action> = Parameters<RuleOf<A>['allow']> extends [unknown, infer R] ? R : undefined;
export type AreaAction = { [A in Action]: ResourceOf<A> extends undefined ? A : never }[Action];

/** Whether the action is decided by roles alone (an area), with no record to look at. */
export function isAreaAction(action: string): action is AreaAction {
  return action in POLICY && 'area' in POLICY[action as Action];
}

/** The scope an API token needs to be used for this action (default 'api'), `{name}`s filled from `params`. */
export function tokenScopeOf(action: Action, params: Record<string, unknown> = {}): string {
  const rule: RuleBase = POLICY[action];
  return (rule.tokenScope ?? 'api').replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
