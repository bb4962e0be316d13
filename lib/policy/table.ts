import { isCandidate } from '@/workflows/engine/actor';
import { mayStart } from '@/workflows/engine/start-instance';
import type { Label } from '@/workflows/engine/types';
import { allDefinitions } from '@/workflows/registry';
import { isPrivilegedScope, type TokenScope } from '../tokens/scopes';
import type {
  DatasetResource,
  DepartmentResource,
  InstanceResource,
  NoticeDraft,
  NoticeResource,
  PolicyActor,
  ProcessResource,
  ServiceResource,
  TaskFacts,
  TokenResource,
  UploadResource,
} from './resources';
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
  /** The scope an API token needs for this action (default 'api'); a route may name a narrower one. */
  tokenScope?: string;
}
interface AreaRule extends RuleBase {
  allow: (actor: PolicyActor) => boolean;
}
interface ResourceRule<R> extends RuleBase {
  allow: (actor: PolicyActor, resource: R) => boolean;
}

const area = (rule: AreaRule) => rule;
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

/** Worked or may work one of these tasks (open or done; cancelled tasks gave no access). */
function touchedTask(actor: PolicyActor, tasks: TaskFacts[], role?: string): boolean {
  return tasks.some((t) => (role === undefined || t.role === role) && t.status !== 'cancelled' && (t.completedBy === actor.id || isCandidate(actor, t)));
}

/** The applicant of an instance, or the (anonymous) writer of a letter matched through its reference. */
export function isApplicantOf(actor: PolicyActor, r: InstanceResource): boolean {
  return (r.applicantId !== null && r.applicantId === actor.id) || r.viewerIsWriter;
}

function mayViewInstance(actor: PolicyActor, r: InstanceResource): boolean {
  return isApplicantOf(actor, r) || isAdmin(actor) || touchedTask(actor, r.tasks);
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

function mayAddress(actor: PolicyActor, draft: NoticeDraft): boolean {
  if (!maySendNotices(actor)) return false;
  const everyone = addressesEveryone(actor);
  // Urgent notices jump quiet hours and every opt-out: leaders and admins decide that, not handlers.
  if (draft.urgent && !everyone && unitsWhere(actor, 'dept_leader').length === 0) return false;
  const units = draft.urgent && !everyone ? unitsWhere(actor, 'dept_leader') : senderUnits(actor);
  const t = draft.target;
  if (t.kind === 'org') return everyone || units.includes(t.orgUnitId);
  if (t.kind === 'role') return everyone || (t.orgUnitId !== undefined && units.includes(t.orgUnitId));
  // A list names people one by one; who on it may be addressed is decided per person (noticeAudienceSql).
  return true;
}

/** Processes whose owner department is one of the given units (a leader monitors them whoever applied). */
export function processesOwnedBy(orgUnitIds: string[]): string[] {
  return [...new Set(allDefinitions().filter((d) => orgUnitIds.includes(d.ownerOrgUnitId)).map((d) => d.id))];
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
    // The token's scope is the whole rule (its route asks for dataset:{id}); a session is never enough.
    allow: (actor, r) => actor.scopes?.includes(`dataset:${r.id}`) ?? false,
  }),

  // ---- catalog ----
  'service.view': on<ServiceResource>({
    describe: { zh: '看到一项服务：已上线的所有人；在测的测试人员；其余仅管理员', en: 'See a service: online ones everyone; testing ones their testers; others administrators' },
    refuse: 'hide',
    allow: (actor, r) =>
      r.status === 'online' || isAdmin(actor) || (r.status === 'testing' && actor.username !== undefined && r.testers.includes(actor.username)),
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
    allow: (actor) => isAdmin(actor) || unitsWhere(actor, 'dept_leader').length > 0,
  }),
  'admin.instance': on<InstanceResource>({
    describe: { zh: '在监控中查看一件申请：管理员全部；部门负责人本部门申请人的和本部门主管流程的', en: 'See an instance in monitoring: administrators all; leaders their department’s applicants and processes' },
    refuse: 'hide',
    allow: (actor, r) => {
      if (isAdmin(actor)) return true;
      const units = unitsWhere(actor, 'dept_leader');
      return (r.applicantOrgId !== null && units.includes(r.applicantOrgId)) || processesOwnedBy(units).includes(r.processId);
    },
  }),
  'admin.department': on<DepartmentResource>({
    describe: { zh: '按部门筛选统计：管理员任意部门，部门负责人本部门', en: 'Filter statistics by department: administrators any, leaders their own' },
    refuse: { forbid: { zh: '只能查看本部门的统计', en: 'You may only see your own department' } },
    allow: (actor, r) => isAdmin(actor) || unitsWhere(actor, 'dept_leader').includes(r.orgUnitId),
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

/** The scope an API token needs to be used for this action (default 'api'). */
export function tokenScopeOf(action: Action): string {
  const rule: RuleBase = POLICY[action];
  return rule.tokenScope ?? 'api';
}
