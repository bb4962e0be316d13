import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { scanEntryPoints } from '../lib/policy/entry-points';
import { demoAccountsAllowed, isAreaAction } from '../lib/policy/matrix';
import { loginAs } from './support/login';
import { api, apiLogin, FITNESS, type JsonResult, PDF_BYTES, startFitness, uploadFile } from './support/proof-http';
import { appServer } from './support/server';

// The authorization matrix (its role-only cases checked against lib/policy/table.ts below): every route handler under app/ (found by scanning the directory: app/api,
// and the ones outside it such as /open311 and the admin catalog export) × every demo role, from the
// table below. A route without an entry fails the test; so does an entry for a method the route does
// not export. Refused answers must be 401/403/404 and carry no record data.
let base: string;
test.beforeAll(() => {
  base = appServer().base;
});
const ROOT = path.resolve(__dirname, '..');

const ROLES = ['student', 'student2', 'counselor', 'counselor2', 'doctor', 'sports', 'cadre', 'leader', 'org', 'mailbox', 'logistics', 'assets', 'security', 'admin'] as const;
type Role = (typeof ROLES)[number];
const ALL: Role[] = [...ROLES];
const STUDENTS: Role[] = ['student', 'student2'];
const ADMIN: Role[] = ['admin'];
/** Staff (lib/policy 'me.out-of-office': their own 代理 setting). */
const STAFF: Role[] = ['counselor', 'counselor2', 'doctor', 'sports', 'cadre', 'leader', 'org', 'mailbox', 'logistics', 'assets', 'security', 'admin'];
/** The president's mailbox office: the `mailbox` account; admins count as the office too (lib/policy/table.ts isMailboxOffice). */
const OFFICE: Role[] = ['mailbox', 'admin'];

interface Fixtures {
  /** student's (工程学院) application, waiting for the 工程学院 counselor. */
  instanceId: string;
  /** The evidence attached to it. */
  uploadId: string;
  /** The public verification address of its approval record (case number and fingerprint, from the PDF). */
  recordVerifyPath: string;
  /** Strings only someone allowed to see this application may receive (its id, its unique reason). */
  markers: string[];
  /** A fresh unattached upload per role, for starting applications. */
  uploads: Partial<Record<Role, string>>;
  /** Another of student's applications: its counselor task, for 批量审批 (issue 16). */
  batchTaskId: string;
  /** Another of student's applications, waiting for the counselor: for 抄送 (issue 16). */
  copyInstanceId: string;
  /** student2's (农学院) application: its open task goes to counselor2 (admin reassign). */
  reassignTaskId: string;
  /** Another application of student's, for the admin cancel. */
  cancelInstanceId: string;
  /** User ids by demo username (from their sessions); cadre2 is the admin's target. */
  userIds: Record<string, string>;
  /** A role binding the admin granted cadre2, for the revoke. */
  bindingId: string;
  /** Open 校医院 tasks of two applications of student's (doctor holds them; cadre2, made a hospital handler, may receive them). */
  transferTaskId: string;
  delegateTaskId: string;
  signerTaskId: string;
  /** student's applications: one waiting unacted (撤回), one the counselor approved (撤回审批), one past its time limit (催办). */
  withdrawInstanceId: string;
  withdrawApprovalInstanceId: string;
  urgeInstanceId: string;
  serviceAccountId: string;
  /** An `api` token of student's, for the revoke. */
  studentTokenId: string;
  /** One `open311` token per role: Open311 authenticates with api_key, never with a session. */
  open311Keys: Record<Role, string>;
  /** A dorm repair student filed through Open311, and what only its viewers may see of it. */
  repairId: string;
  repairMarkers: string[];
  /** A fresh letter (received, waiting for the office) and one with an approved reply, consent to publish. */
  letterId: string;
  letterMarkers: string[];
  repliedLetterId: string;
  trackingToken: string;
  queryCode: string;
  /** A photo attached (without an account) to the letter of trackingToken. */
  letterAttachmentId: string;
  /** A notice 资产管理处 sent to student alone, with an attachment. */
  noticeId: string;
  noticeMarkers: string[];
}

interface Case {
  path: (f: Fixtures) => string;
  body?: (f: Fixtures, role: Role | null) => unknown;
  /** Sends the request itself (multipart, form posts, api_key auth, per-caller addresses). */
  send?: (f: Fixtures, role: Role | null, cookie: string | null) => Promise<JsonResult>;
  /** Roles that must succeed (2xx); every other role must be refused. */
  allowed: Role[];
  /** Public by design: anonymous callers must succeed too. */
  public?: true;
  /** Roles whose successful answer may contain the markers; default: the allowed ones. */
  sees?: Role[];
  /** What must not leak to the others; default: the fitness application's markers. */
  markers?: (f: Fixtures) => string[];
  /** Changes the record: allowed roles run after the refused ones. */
  mutates?: boolean;
  /** Refusals in GeoReport's error shape ([{code, description}]) instead of {error}. */
  open311?: true;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Entry = { exempt: string } | Partial<Record<Method, Case>>;

const recordViewers: Role[] = ['student', 'counselor', 'admin'];

/** A form-encoded (GeoReport) request, with the role's own open311 api_key (none for anonymous). */
async function open311(f: Fixtures, role: Role | null, method: string, url: string, form?: Record<string, string>): Promise<JsonResult> {
  const key = role ? f.open311Keys[role] : null;
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const res = await fetch(`${base}${url}`, {
    method,
    headers: form ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' } : headers,
    body: form ? new URLSearchParams(form) : undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: res.status, body, headers: res.headers };
}

const repairForm = (description: string) => ({
  service_code: 'dorm-repair',
  description,
  'attribute[building]': '东区 12 栋',
  'attribute[room]': '305',
  'attribute[category]': 'plumbing',
});

/** POST /api/v1/mailbox/attachments: a multipart upload without an account (a cookie, if any, changes nothing). */
async function letterAttachment(cookie: string | null, ip: string): Promise<JsonResult<{ id: string; claim: string }>> {
  const form = new FormData();
  form.set('file', new Blob([PDF_BYTES as Uint8Array<ArrayBuffer>]), '附件.pdf');
  const res = await fetch(`${base}/api/v1/mailbox/attachments`, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), 'x-forwarded-for': ip },
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: res.status, body: body as { id: string; claim: string }, headers: res.headers };
}

/** The mailbox rate-limits submissions per address: give every caller its own. */
const callerIp = (role: Role | null) => `10.77.0.${role ? ROLES.indexOf(role) + 1 : 99}`;

const pushKeys = { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' };

/** Keys: the route's path under app/, as on disk. */
const MATRIX: Record<string, Entry> = {
  'api/auth/[...nextauth]': { exempt: 'next-auth login endpoints: public by design, tested by every login' },
  'api/health': { exempt: 'public liveness probe, returns no data' },
  'api/test/clock': { exempt: 'exists only with TEST_CLOCK=true (404 in every deployment)' },
  'api/sso/wecom/start': {
    exempt: 'public start of a WeChat Work login: sets a state cookie and redirects (404 when not configured), returns no data; the SSO round trip is e2e/integrations-sso.spec.ts',
  },
  'api/sso/cas/start': {
    exempt: 'public start of a CAS login: sets a state cookie and redirects (404 when not configured), returns no data; the CAS round trip and its state check are e2e/integrations-sso.spec.ts and e2e/security.spec.ts',
  },
  'api/v1/openapi.json': { GET: { path: () => '/api/v1/openapi.json', allowed: ALL, public: true, sees: [] } },
  'api/v1/instances': {
    POST: {
      path: () => '/api/v1/instances',
      body: (f, role) => ({ process: FITNESS, input: { kind: 'exempt', reason: '权限矩阵测试用申请理由', evidence: [f.uploads[role ?? 'student']] } }),
      allowed: STUDENTS,
      sees: ['student'], // their own new application carries their own name
    },
  },
  'api/v1/instances/[id]': { GET: { path: (f) => `/api/v1/instances/${f.instanceId}`, allowed: recordViewers } },
  'api/v1/instances/[id]/record': { GET: { path: (f) => `/api/v1/instances/${f.instanceId}/record`, allowed: recordViewers } },
  // Anyone may check a record's case number and fingerprint: the answer carries nothing personal.
  'api/v1/records/[caseNo]/verify': { GET: { path: (f) => f.recordVerifyPath, allowed: ALL, public: true, sees: [] } },
  'api/v1/instances/[id]/events': {
    POST: {
      path: (f) => `/api/v1/instances/${f.instanceId}/events`,
      body: () => ({ type: 'approve' }),
      allowed: ['counselor'],
      mutates: true,
    },
  },
  // 撤回 and 催办: the applicant, or the approver whose decision it was; 404 to who may not see it.
  'api/v1/instances/[id]/withdraw': {
    POST: { path: (f) => `/api/v1/instances/${f.withdrawInstanceId}/withdraw`, body: () => ({ reason: '权限矩阵：撤回' }), allowed: ['student'], sees: [], mutates: true },
  },
  'api/v1/instances/[id]/withdraw-approval': {
    POST: { path: (f) => `/api/v1/instances/${f.withdrawApprovalInstanceId}/withdraw-approval`, body: () => ({}), allowed: ['counselor'], sees: [], mutates: true },
  },
  'api/v1/instances/[id]/urge': {
    POST: { path: (f) => `/api/v1/instances/${f.urgeInstanceId}/urge`, body: () => ({}), allowed: ['student'], sees: [], mutates: true },
  },
  'api/v1/instances/[id]/copies': {
    // 抄送: whoever holds the current step; the applicant and admins see it but may not (403), others learn nothing (404).
    POST: { path: (f) => `/api/v1/instances/${f.copyInstanceId}/copies`, body: () => ({ usernames: ['assets'], comment: '权限矩阵：抄送' }), allowed: ['counselor'], sees: [], mutates: true },
  },
  'api/v1/messages': {
    GET: { path: () => '/api/v1/messages', allowed: ALL, sees: ['counselor'] },
    PATCH: { path: () => '/api/v1/messages', body: () => ({ read: true }), allowed: ALL, sees: [] },
  },
  'api/v1/processes': { GET: { path: () => '/api/v1/processes', allowed: ALL, sees: [] } },
  'api/v1/processes/[id]': { GET: { path: () => `/api/v1/processes/${FITNESS}`, allowed: ALL, sees: [] } },
  'api/v1/tasks': { GET: { path: () => '/api/v1/tasks', allowed: ALL, sees: ['counselor'] } },
  // Approval operations on one task: whoever holds its step (the 校医院 handler); 404 to who may not see it.
  'api/v1/tasks/[id]/transfer': {
    GET: { path: (f) => `/api/v1/tasks/${f.transferTaskId}/transfer`, allowed: ['doctor'], sees: [] },
    POST: { path: (f) => `/api/v1/tasks/${f.transferTaskId}/transfer`, body: () => ({ to: 'cadre2', reason: '权限矩阵：转办' }), allowed: ['doctor'], sees: [], mutates: true },
  },
  'api/v1/tasks/[id]/delegate': {
    GET: { path: (f) => `/api/v1/tasks/${f.delegateTaskId}/delegate`, allowed: ['doctor'], sees: [] },
    POST: { path: (f) => `/api/v1/tasks/${f.delegateTaskId}/delegate`, body: () => ({ to: 'cadre2', reason: '权限矩阵：委派' }), allowed: ['doctor'], sees: [], mutates: true },
  },
  'api/v1/tasks/[id]/delegate/answer': {
    // Only the delegate answers (cadre2, no demo role of the matrix): everyone here is refused.
    POST: { path: (f) => `/api/v1/tasks/${f.delegateTaskId}/delegate/answer`, body: () => ({ opinion: '权限矩阵：意见' }), allowed: [], sees: [], mutates: true },
  },
  'api/v1/tasks/[id]/signers': {
    GET: { path: (f) => `/api/v1/tasks/${f.transferTaskId}/signers`, allowed: ['doctor'], sees: [] },
    // 后加签 on the task the transfer case hands to cadre2 afterwards (mutating cases run in this order).
    POST: { path: (f) => `/api/v1/tasks/${f.signerTaskId}/signers`, body: () => ({ to: 'leader', position: 'after', reason: '权限矩阵：加签' }), allowed: ['doctor'], sees: [], mutates: true },
  },
  'api/v1/tasks/[id]/signers/remove': {
    // Only who added the signer removes them (doctor, after the 加签 case above).
    POST: { path: (f) => `/api/v1/tasks/${f.signerTaskId}/signers/remove`, body: () => ({}), allowed: ['doctor'], sees: [], mutates: true },
  },
  // 批量审批: only the holder of every selected task; the others are told nothing was done (403).
  'api/v1/tasks/batch': {
    POST: { path: () => '/api/v1/tasks/batch', body: (f) => ({ taskIds: [f.batchTaskId], comment: '权限矩阵：批量', attachmentsConfirmed: true }), allowed: ['counselor'], sees: [], mutates: true },
  },
  'api/v1/uploads': { POST: { path: () => '/api/v1/uploads', allowed: ALL, sees: [] } },
  'api/v1/uploads/[id]': { GET: { path: (f) => `/api/v1/uploads/${f.uploadId}`, allowed: recordViewers } },

  // Personal settings: everyone manages their own, and only their own.
  'api/v1/tokens': {
    POST: { path: () => '/api/v1/tokens', body: () => ({ name: '矩阵令牌', scopes: ['api'], expiresInDays: 1 }), allowed: ALL, sees: [], mutates: true },
  },
  // 代理: staff, for themselves; naming a deputy is decided on the deputy and needs an approval role
  // (engoffice is staff of 工程学院: only 陈老师 may name them). A range far ahead never routes a task.
  'api/v1/me/out-of-office': {
    GET: { path: () => '/api/v1/me/out-of-office', allowed: STAFF, sees: [] },
    PUT: { path: () => '/api/v1/me/out-of-office', body: () => ({ deputy: 'engoffice', startsOn: '2099-01-01', endsOn: '2099-01-02' }), allowed: ['counselor'], sees: [], mutates: true },
    DELETE: { path: () => '/api/v1/me/out-of-office', allowed: STAFF, sees: [], mutates: true },
  },
  // 草稿 of a form one may send: the process's audience (students for the fitness form).
  'api/v1/drafts/[process]': {
    GET: { path: () => `/api/v1/drafts/${FITNESS}`, allowed: STUDENTS, sees: [] },
    PUT: { path: () => `/api/v1/drafts/${FITNESS}`, body: () => ({ values: { reason: '权限矩阵：草稿' }, files: {} }), allowed: STUDENTS, sees: [], mutates: true },
    DELETE: { path: () => `/api/v1/drafts/${FITNESS}`, allowed: STUDENTS, sees: [], mutates: true },
  },
  'api/v1/me/out-of-office/candidates': { GET: { path: () => '/api/v1/me/out-of-office/candidates', allowed: STAFF, sees: [] } },
  'api/v1/tokens/[id]': {
    // student's own token; an admin may revoke anyone's (lib/tokens/revoke-token.ts); others learn nothing (404).
    DELETE: { path: (f) => `/api/v1/tokens/${f.studentTokenId}`, allowed: ['student', 'admin'], sees: [], mutates: true },
  },
  'api/v1/push-subscriptions': {
    POST: {
      path: () => '/api/v1/push-subscriptions',
      body: (_f, role) => ({ endpoint: `https://push.example.com/matrix/${role ?? 'anonymous'}`, keys: pushKeys }),
      allowed: ALL,
      sees: [],
      mutates: true,
    },
    DELETE: {
      path: () => '/api/v1/push-subscriptions',
      body: (_f, role) => ({ endpoint: `https://push.example.com/matrix/${role ?? 'anonymous'}` }),
      allowed: ALL,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/notices/[id]/attachment': {
    // The notice decides: its recipient (student), its author (assets) and admins.
    GET: { path: (f) => `/api/v1/notices/${f.noticeId}/attachment`, allowed: ['student', 'assets', 'admin'], markers: (f) => f.noticeMarkers },
  },

  // Administration: process/system admins operate (lib/policy/table.ts admin.operate).
  'api/v1/admin/users/[id]/active': {
    POST: { path: (f) => `/api/v1/admin/users/${f.userIds.cadre2}/active`, body: () => ({ active: true }), allowed: ADMIN, sees: [], mutates: true },
  },
  'api/v1/admin/users/[id]/roles': {
    POST: {
      path: (f) => `/api/v1/admin/users/${f.userIds.cadre2}/roles`,
      body: () => ({ role: 'handler', orgUnitId: 'sports' }),
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/role-bindings/[id]/revoke': {
    POST: { path: (f) => `/api/v1/admin/role-bindings/${f.bindingId}/revoke`, allowed: ADMIN, sees: [], mutates: true },
  },
  'api/v1/admin/org-units': {
    POST: {
      path: () => '/api/v1/admin/org-units',
      body: () => ({ id: 'matrix-unit', nameZh: '矩阵测试单位', nameEn: 'Matrix unit', kind: 'department', active: true }),
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/import': {
    POST: {
      path: () => '/api/v1/admin/import',
      body: () => ({ csv: 'username,name,kind,org_unit_id\nmatrix-person,矩阵人员,staff,edtech\n' }),
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/imports/[dataset]': {
    POST: {
      path: () => '/api/v1/admin/imports/term-calendar',
      send: async (_f, _role, cookie) => {
        const form = new FormData();
        form.set('file', new Blob([Buffer.from('term,week,startDate,note\n2026-2027-1,1,2026-09-07,矩阵\n')]), 'calendar.csv');
        const res = await fetch(`${base}/api/v1/admin/imports/term-calendar`, { method: 'POST', headers: cookie ? { cookie } : {}, body: form });
        const text = await res.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep text
        }
        return { status: res.status, body, headers: res.headers };
      },
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/instances/[id]/cancel': {
    POST: { path: (f) => `/api/v1/admin/instances/${f.cancelInstanceId}/cancel`, body: () => ({ reason: '权限矩阵：管理员撤销' }), allowed: ADMIN, sees: [], mutates: true },
  },
  'api/v1/admin/tasks/[id]/reassign': {
    POST: {
      path: (f) => `/api/v1/admin/tasks/${f.reassignTaskId}/reassign`,
      body: () => ({ username: 'counselor2', comment: '权限矩阵：改派' }),
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/migrations': {
    // A valid request (a registered process version; an unknown instance is reported as refused, 200).
    POST: {
      path: () => '/api/v1/admin/migrations',
      body: () => ({ processId: FITNESS, targetVersion: 1, ids: [randomUUID()] }),
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/outbox/[id]/retry': {
    // Retrying a delivery that is not (or no longer) failed is an idempotent no-op for operators.
    POST: { path: () => `/api/v1/admin/outbox/${randomUUID()}/retry`, allowed: ADMIN, sees: [], mutates: true },
  },
  'api/v1/admin/service-accounts': {
    POST: {
      path: () => '/api/v1/admin/service-accounts',
      body: () => ({ name: '矩阵服务账号', slug: 'matrix-svc-2', orgUnitId: 'edtech' }),
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/service-accounts/[id]/tokens': {
    POST: {
      path: (f) => `/api/v1/admin/service-accounts/${f.serviceAccountId}/tokens`,
      body: () => ({ name: '矩阵推送', scopes: ['dataset:term-calendar'], expiresInDays: 1 }),
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/webhooks': {
    POST: {
      path: () => '/api/v1/admin/webhooks',
      body: () => ({ url: 'https://hooks.example.com/matrix', events: ['instance.finished'] }),
      allowed: ADMIN,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/admin/stats/[table]': {
    // Admins see everything; a department leader (cadre: 人事处) sees their department's, read-only.
    GET: { path: () => '/api/v1/admin/stats/started-by-day', allowed: ['cadre', 'admin'], sees: [] },
  },
  '(portal)/admin/catalog/export': { GET: { path: () => '/admin/catalog/export', allowed: ADMIN, sees: [] } },

  // 资产管理处 issues 周转房缴费通知 (the process's issuedBy); a dry run validates without writing.
  'api/v1/housing-notices': {
    POST: {
      path: () => '/api/v1/housing-notices',
      body: () => ({ csv: 'student,东区12-305,2026-11,800,2026-11-30\n', dryRun: true }),
      allowed: ['assets'],
      sees: [],
    },
  },
  // The office's ledger of what it sent (lib/policy 'housing.ledger'): 资产管理处 handlers and admins.
  'api/v1/housing-notices/batch': {
    GET: { path: () => `/api/v1/housing-notices/batch?period=${encodeURIComponent('权限矩阵')}&dueDate=2026-11-30`, allowed: ['assets', 'admin'], sees: [] },
  },
  'api/v1/housing-notices/batch/reminders': {
    POST: { path: () => '/api/v1/housing-notices/batch/reminders', body: () => ({ period: '权限矩阵', dueDate: '2026-11-30' }), allowed: ['assets', 'admin'], sees: [], mutates: true },
  },

  // Machine-to-machine: a session is never enough.
  'api/v1/integrations/[dataset]': {
    // Needs a token with dataset:{id} (lib/campus/push-dataset.ts): a signed-in session (even an admin's)
    // is refused, so no page can be tricked into pushing data. The token path: e2e/integrations-campus.phone.spec.ts.
    PUT: { path: () => '/api/v1/integrations/term-calendar', body: () => ({ rows: [] }), allowed: [], mutates: true },
  },
  'api/v1/integrations/dorm-repair/callback': {
    exempt: 'authenticated by the HMAC signature of the maintenance system, not a session; bad and good signatures are tested in e2e/processes-dorm-repair.phone.spec.ts',
  },

  // President's mailbox: anyone writes (no login); the writer's capability (link or query code) reads.
  'api/v1/mailbox/letters': {
    POST: {
      path: () => '/api/v1/mailbox/letters',
      send: (_f, role, cookie) =>
        api(
          base,
          cookie,
          'POST',
          '/api/v1/mailbox/letters',
          { letter: { category: 'consultation', subject: '矩阵来信', content: '权限矩阵测试来信', anonymous: true, consentPublish: false } },
          { 'x-forwarded-for': callerIp(role) },
        ),
      allowed: ALL,
      public: true,
      markers: (f) => f.letterMarkers,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/mailbox/track/[token]': {
    // The tracking link is the writer's capability: whoever holds it reads (no session involved).
    GET: { path: (f) => `/api/v1/mailbox/track/${f.trackingToken}`, allowed: ALL, public: true, sees: [] },
  },
  'api/v1/mailbox/lookup': {
    // So is the query code (with the contact, when one was given).
    POST: { path: () => '/api/v1/mailbox/lookup', body: (f) => ({ code: f.queryCode, contact: '' }), allowed: ALL, public: true, sees: [] },
  },
  'api/v1/mailbox/attachments': {
    // Anyone may upload a file for a letter they are writing (no login): kept without an owner,
    // readable by nobody until a letter claims it with the secret the answer carries
    // (tests/mailbox-attachments.test.ts: claim, reuse, disguised files, rate limit).
    POST: {
      path: () => '/api/v1/mailbox/attachments',
      send: (_f, role, cookie) => letterAttachment(cookie, callerIp(role)),
      allowed: ALL,
      public: true,
      markers: (f) => f.letterMarkers,
      sees: [],
      mutates: true,
    },
  },
  'api/v1/mailbox/track/[token]/attachments/[id]': {
    // The writer's file through their capability link: whoever holds the link reads (no session involved);
    // the office reads it through api/v1/uploads/[id]; the writer's phone story is e2e/mailbox-writer.phone.spec.ts.
    GET: { path: (f) => `/api/v1/mailbox/track/${f.trackingToken}/attachments/${f.letterAttachmentId}`, allowed: ALL, public: true, sees: [] },
  },
  'api/v1/mailbox/track/[token]/[action]': {
    exempt:
      'the writer acts through their capability link (rate once, follow up once, re-issue revokes the link): one-shot by design, tested in e2e/mailbox-api.spec.ts and e2e/mailbox-writer.phone.spec.ts',
  },
  'api/v1/mailbox/stats': { GET: { path: () => '/api/v1/mailbox/stats', allowed: OFFICE, sees: [] } },
  'api/v1/mailbox/letters/[id]/events': {
    // Only the office acts on a received letter; an admin sees the desk but holds no office task (engine refuses);
    // departments see only letters assigned to them (404).
    POST: {
      path: (f) => `/api/v1/mailbox/letters/${f.letterId}/events`,
      body: () => ({ type: 'accept' }),
      allowed: ['mailbox'],
      sees: OFFICE,
      markers: (f) => f.letterMarkers,
      mutates: true,
    },
  },
  'api/v1/mailbox/letters/[id]/publication': {
    // Office only; logistics handled this letter (so it passes the desk check) and is still refused.
    POST: {
      path: (f) => `/api/v1/mailbox/letters/${f.repliedLetterId}/publication`,
      body: () => ({ subject: '矩阵公开来信', content: '热水几点供应？', reply: '每天 18:00–23:00。' }),
      allowed: OFFICE,
      mutates: true,
    },
    DELETE: { path: (f) => `/api/v1/mailbox/letters/${f.repliedLetterId}/publication`, allowed: OFFICE, mutates: true },
  },

  // Open311 (GeoReport v2): service descriptions are public; requests need an api_key (an open311 token).
  'open311/v2/[resource]': {
    GET: { path: () => '/open311/v2/services.json', send: (f, role) => open311(f, role, 'GET', '/open311/v2/services.json'), allowed: ALL, public: true, sees: [] },
    POST: {
      path: () => '/open311/v2/requests.json',
      send: (f, role) => open311(f, role, 'POST', '/open311/v2/requests.json', repairForm(`矩阵报修 ${role}`)),
      allowed: STUDENTS,
      sees: [],
      markers: (f) => f.repairMarkers,
      mutates: true,
      open311: true,
    },
  },
  'open311/v2/requests/[file]': {
    GET: {
      path: (f) => `/open311/v2/requests/${f.repairId}.json`,
      send: (f, role) => open311(f, role, 'GET', `/open311/v2/requests/${f.repairId}.json`),
      // The applicant, admins, and 后勤 (its open dispatch task: the same rule as the record page, lib/policy/table.ts instance.view).
      allowed: ['student', 'logistics', 'admin'],
      markers: (f) => f.repairMarkers,
      open311: true,
    },
  },
  'open311/v2/services/[file]': {
    GET: {
      path: () => '/open311/v2/services/dorm-repair.json',
      send: (f, role) => open311(f, role, 'GET', '/open311/v2/services/dorm-repair.json'),
      allowed: ALL,
      public: true,
      sees: [],
    },
  },
};

/** GET requests.json lists the caller's own requests (an admin's: everyone's): every token holder succeeds. */
const OPEN311_LIST: Case = {
  path: () => '/open311/v2/requests.json',
  send: (f, role) => open311(f, role, 'GET', '/open311/v2/requests.json'),
  allowed: ALL,
  sees: ['student', 'admin'],
  markers: (f) => f.repairMarkers,
  open311: true,
};

/** Pages that show one record (not discovered: listed here as the record pages grow). */
const PAGES: Record<string, Case> = {
  '(portal)/applications/[id]': { path: (f) => `/applications/${f.instanceId}`, allowed: recordViewers },
};

function discoverRoutes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const source = readFileSync(full, 'utf8');
        const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        const named = /export\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
        for (const m of named.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.push(m[1]!);
        found.set(path.relative(path.join(ROOT, 'app'), dir).split(path.sep).join('/'), [...new Set(methods)]);
      }
    }
  };
  // Every route handler in the app, not only app/api: /open311, (portal)/admin/catalog/export, ...
  walk(path.join(ROOT, 'app'));
  return found;
}

test('every route handler under app/ has a matrix entry for each method it exports', () => {
  const problems: string[] = [];
  const routes = discoverRoutes();
  for (const [route, methods] of routes) {
    const entry = MATRIX[route];
    if (!entry) {
      problems.push(`${route} (${methods.join(',')}) has no entry in MATRIX of e2e/proof-authz.spec.ts`);
      continue;
    }
    if ('exempt' in entry) continue;
    for (const m of methods) if (!(m in entry)) problems.push(`${route}: ${m} has no case`);
    for (const m of Object.keys(entry)) if (!methods.includes(m)) problems.push(`${route}: case for ${m}, which it does not export`);
  }
  for (const route of Object.keys(MATRIX)) if (!routes.has(route)) problems.push(`MATRIX lists ${route}, which no longer exists`);
  expect(problems).toEqual([]);
});

test('the matrix is the policy table: a route declaring a role-only action allows exactly the demo roles the table allows', () => {
  const problems: string[] = [];
  for (const e of scanEntryPoints(ROOT)) {
    // Actions decided about a record (instance.view …) depend on the fixtures; the cases above say who.
    if (e.kind !== 'route' || e.permission === null || !isAreaAction(e.permission)) continue;
    const entry = MATRIX[e.at];
    const c = entry && !('exempt' in entry) ? entry[e.name as Method] : undefined;
    if (!c) {
      problems.push(`${e.at} ${e.name} (${e.permission}): no matrix case`);
      continue;
    }
    const table = demoAccountsAllowed(e.permission).filter((u) => (ROLES as readonly string[]).includes(u)).sort();
    const matrix = [...c.allowed].sort();
    if (matrix.join() !== table.join()) problems.push(`${e.at} ${e.name} (${e.permission}): matrix allows ${matrix.join()}, the table ${table.join()}`);
  }
  expect(problems).toEqual([]);
});

async function setUp(browser: import('@playwright/test').Browser, cookies: Record<Role, string>): Promise<Fixtures> {
  const must = <T>(res: JsonResult<T>, what: string, status = 200): T => {
    if (res.status !== status) throw new Error(`fixture ${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  };
  const reason = `矩阵专用理由-${Date.now()}`;
  const instance = await startFitness(base, cookies.student, reason);
  const f = {
    instanceId: instance.id,
    uploadId: instance.attachments[0].id,
    markers: [instance.id, reason],
    uploads: {},
  } as Fixtures;
  for (const role of STUDENTS) f.uploads[role] = (await uploadFile(base, cookies[role], PDF_BYTES)).body.id;
  const record = await fetch(`${base}/api/v1/instances/${instance.id}/record`, { headers: { cookie: cookies.student } });
  const marks = /\/ZijingRecord \(([A-Z0-9-]+) ([0-9a-f]{64})\)/.exec(Buffer.from(await record.arrayBuffer()).toString('latin1'));
  if (!marks) throw new Error(`fixture record: ${record.status}`);
  f.recordVerifyPath = `/api/v1/records/${marks[1]}/verify?h=${marks[2]}`;

  // Applications for the admin's operations.
  f.cancelInstanceId = (await startFitness(base, cookies.student, '矩阵：待管理员撤销')).id;
  const other = await startFitness(base, cookies.student2, '矩阵：待管理员改派');
  const tasks = must(await api<{ items?: any[] } | any[]>(base, cookies.counselor2, 'GET', '/api/v1/tasks'), 'tasks');
  const list = (Array.isArray(tasks) ? tasks : ((tasks as any).tasks ?? [])) as Array<{ id: string; instanceId?: string; instance?: { id: string } }>;
  const task = list.find((t) => (t.instanceId ?? t.instance?.id) === other.id);
  if (!task) throw new Error(`fixture: no counselor2 task for ${other.id}: ${JSON.stringify(tasks).slice(0, 300)}`);
  f.reassignTaskId = task.id;
  const batched = await startFitness(base, cookies.student, '矩阵：待批量审批');
  const counselorTasks = must(await api<{ tasks: Array<{ id: string; instanceId: string }> }>(base, cookies.counselor, 'GET', '/api/v1/tasks'), 'counselor tasks');
  const batchTask = counselorTasks.tasks.find((t) => t.instanceId === batched.id);
  if (!batchTask) throw new Error(`fixture: no counselor task for ${batched.id}`);
  f.batchTaskId = batchTask.id;
  f.copyInstanceId = (await startFitness(base, cookies.student, '矩阵：待抄送')).id;

  // People.
  f.userIds = {};
  const cadre2 = await apiLogin(base, 'cadre2');
  for (const [name, cookie] of [...Object.entries(cookies), ['cadre2', cadre2]] as Array<[string, string]>) {
    f.userIds[name] = must(await api<{ uid: string }>(base, cookie, 'GET', '/api/auth/session'), `session of ${name}`).uid;
  }
  f.bindingId = must(
    await api<{ id: string }>(base, cookies.admin, 'POST', `/api/v1/admin/users/${f.userIds.cadre2}/roles`, { role: 'handler', orgUnitId: 'hospital' }),
    'grant',
    201,
  ).id;
  // Two applications at the 校医院 step, for 转办 and 委派 (cadre2 may now hold that step).
  for (const key of ['transferTaskId', 'delegateTaskId', 'signerTaskId'] as const) {
    const app = await startFitness(base, cookies.student, `矩阵：${key}`);
    must(await api(base, cookies.counselor, 'POST', `/api/v1/instances/${app.id}/events`, { type: 'approve' }), `approve for ${key}`);
    const seen = must(await api<{ openTasks: Array<{ id: string }> }>(base, cookies.doctor, 'GET', `/api/v1/instances/${app.id}`), `hospital task for ${key}`);
    f[key] = seen.openTasks[0]!.id;
  }
  f.withdrawInstanceId = (await startFitness(base, cookies.student, '矩阵：待撤回')).id;
  f.withdrawApprovalInstanceId = (await startFitness(base, cookies.student, '矩阵：待撤回审批')).id;
  must(await api(base, cookies.counselor, 'POST', `/api/v1/instances/${f.withdrawApprovalInstanceId}/events`, { type: 'approve' }), 'approve to take back');
  f.urgeInstanceId = (await startFitness(base, cookies.student, '矩阵：待催办')).id;
  // Past the counselor step's 3 working days, so 催办 is possible (this spec runs alone).
  must(await api(base, cookies.admin, 'POST', '/api/test/clock', { advanceMs: 7 * 86_400_000 }), 'clock');
  f.serviceAccountId = must(
    await api<{ id: string }>(base, cookies.admin, 'POST', '/api/v1/admin/service-accounts', { name: '矩阵服务账号', slug: 'matrix-svc', orgUnitId: 'edtech' }),
    'service account',
    201,
  ).id;

  // Tokens.
  f.studentTokenId = must(await api<{ id: string }>(base, cookies.student, 'POST', '/api/v1/tokens', { name: '矩阵', scopes: ['api'], expiresInDays: 1 }), 'token', 201).id;
  f.open311Keys = {} as Record<Role, string>;
  for (const role of ROLES) {
    f.open311Keys[role] = must(
      await api<{ secret: string }>(base, cookies[role], 'POST', '/api/v1/tokens', { name: 'open311', scopes: ['open311'], expiresInDays: 1 }),
      `open311 token of ${role}`,
      201,
    ).secret;
  }
  const repairText = `矩阵报修专用描述-${Date.now()}`;
  const filed = must(await open311(f, 'student', 'POST', '/open311/v2/requests.json', repairForm(repairText)), 'open311 repair', 201) as Array<{ service_request_id: string }>;
  f.repairId = filed[0]!.service_request_id;
  f.repairMarkers = [f.repairId, repairText];

  // Letters: ids from the office's desk (newest first).
  const newestLetter = async () => {
    const desk = must(await api<string>(base, cookies.mailbox, 'GET', '/mailbox-office'), 'desk');
    const id = /\/mailbox-office\/([0-9a-f-]{36})/.exec(desk)?.[1];
    if (!id) throw new Error('fixture: no letter on the desk');
    return id;
  };
  const letterText = `矩阵来信专用内容-${Date.now()}`;
  const attachment = must(await letterAttachment(null, '10.78.0.1'), 'letter attachment', 201);
  f.letterAttachmentId = attachment.id;
  const sent = must(
    await api<{ trackingUrl: string; queryCode: string }>(
      base,
      null,
      'POST',
      '/api/v1/mailbox/letters',
      {
        letter: { category: 'consultation', subject: '矩阵来信主题', content: letterText, anonymous: true, consentPublish: false, attachments: [attachment.id] },
        attachmentClaims: [{ id: attachment.id, claim: attachment.claim }],
      },
      { 'x-forwarded-for': '10.78.0.1' },
    ),
    'letter',
    201,
  );
  f.trackingToken = sent.trackingUrl.split('/').pop()!;
  f.queryCode = sent.queryCode;
  f.letterId = await newestLetter();
  f.letterMarkers = [f.letterId, letterText];
  must(
    await api(
      base,
      null,
      'POST',
      '/api/v1/mailbox/letters',
      { letter: { category: 'consultation', subject: '矩阵公开来信', content: '热水几点供应？', anonymous: true, consentPublish: true } },
      { 'x-forwarded-for': '10.78.0.2' },
    ),
    'letter to publish',
    201,
  );
  f.repliedLetterId = await newestLetter();
  const act = async (role: Role, body: unknown) => must(await api(base, cookies[role], 'POST', `/api/v1/mailbox/letters/${f.repliedLetterId}/events`, body), `letter ${JSON.stringify(body)}`);
  await act('mailbox', { type: 'accept' });
  await act('mailbox', { type: 'assign', input: { departments: ['logistics'] } });
  await act('logistics', { type: 'submitDraft', input: { reply: '每天 18:00–23:00。' } });
  await act('mailbox', { type: 'approveDraft', input: { orgUnitId: 'logistics' } });

  // A notice with an attachment, sent by 资产管理处 to student alone (through its form: a server action).
  const assets = await loginAs(browser, 'assets');
  await assets.goto('/notices/new');
  const noticeText = `矩阵通知正文-${Date.now()}`;
  await assets.getByLabel('标题', { exact: true }).fill('矩阵通知');
  await assets.getByLabel('正文').fill(noticeText);
  await assets.locator('input[type=file]').setInputFiles({ name: '附件.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await assets.locator('input[name=attachmentId]').waitFor({ state: 'attached' });
  await assets.getByLabel('上传名单', { exact: true }).check();
  await assets.getByLabel(/学号\/工号名单/).fill('student');
  await assets.getByRole('button', { name: '发送' }).click();
  await expect(assets.getByTestId('notice-sent')).toContainText('已发送给 1 人', { timeout: 20_000 });
  f.noticeId = /\/notices\/([0-9a-f-]{36})/.exec(assets.url())![1]!;
  f.noticeMarkers = [noticeText];
  await assets.context().close();
  return f;
}

test('matrix: allowed roles succeed, every other role (and anonymous) is refused with no data', async ({ browser }) => {
  test.setTimeout(300_000);
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) cookies[role] = await apiLogin(base, role);
  const f = await setUp(browser, cookies);

  const failures: string[] = [];
  const check = async (label: string, c: Case, method: string, role: Role | null, isPage: boolean) => {
    const cookie = role ? cookies[role] : null;
    const bodyValue = c.body?.(f, role);
    const res = c.send
      ? await c.send(f, role, cookie)
      : label.endsWith('api/v1/uploads') && method === 'POST'
        ? role
          ? await uploadFile(base, cookie!, PDF_BYTES)
          : await api(base, null, 'POST', '/api/v1/uploads', undefined, { 'content-type': 'multipart/form-data; boundary=x' })
        : await api(base, cookie, method, c.path(f), bodyValue);
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    const allowed = role === null ? Boolean(c.public) : c.allowed.includes(role);
    const sees = allowed && (role === null || (c.sees ?? c.allowed).includes(role));
    const who = role ?? 'anonymous';
    if (allowed && (res.status < 200 || res.status > 299)) failures.push(`${method} ${label} as ${who}: expected success, got ${res.status} ${text.slice(0, 200)}`);
    if (!allowed) {
      const refused = role === null ? (isPage ? [200, 302, 303, 307, 401, 404] : [401]) : [403, 404];
      if (!refused.includes(res.status)) failures.push(`${method} ${label} as ${who}: expected ${refused.join('/')}, got ${res.status} ${text.slice(0, 200)}`);
      const errorOnly = c.open311
        ? Array.isArray(res.body) && res.body.every((e) => Object.keys(e as object).sort().join() === 'code,description')
        : typeof res.body === 'object' && res.body !== null && Object.keys(res.body as object).join() === 'error';
      if (!isPage && !errorOnly) failures.push(`${method} ${label} as ${who}: refusal body is not just the error: ${text.slice(0, 200)}`);
    }
    if (!sees) {
      // A page echoes its own URL (the id the visitor typed) in Next's payload: only data counts there.
      const all = c.markers ? c.markers(f) : f.markers;
      const markers = isPage ? all.filter((m) => m !== f.instanceId) : all;
      for (const marker of markers) if (text.includes(marker)) failures.push(`${method} ${label} as ${who}: body leaks "${marker}"`);
    }
  };

  const cases: Array<[string, string, Case, boolean]> = [];
  for (const [route, entry] of Object.entries(MATRIX)) {
    if ('exempt' in entry) continue;
    for (const [method, c] of Object.entries(entry)) cases.push([route, method, c!, false]);
  }
  cases.push(['open311/v2/[resource] (requests.json)', 'GET', OPEN311_LIST, false]);
  for (const [page, c] of Object.entries(PAGES)) cases.push([page, 'GET', c, true]);
  // Read-only cases first, then the ones that change the record (their allowed roles last of all).
  cases.sort((a, b) => Number(a[2].mutates ?? false) - Number(b[2].mutates ?? false));
  for (const [label, method, c, isPage] of cases) {
    const order = [...ROLES].sort((a, b) => Number(c.allowed.includes(a)) - Number(c.allowed.includes(b)));
    const callers: Array<Role | null> = c.public ? [...order, null] : [null, ...order];
    for (const role of callers) await check(label, c, method, role, isPage);
  }
  expect(failures).toEqual([]);
});
