import { z } from 'zod';
import { grantSchema } from '@/lib/admin/people/manage-users';
import { orgUnitSchema } from '@/lib/admin/people/manage-org-units';
import * as input from '@/lib/api/route-inputs';
import { batchKeySchema } from '@/lib/housing/batch-key';
import { callbackSchema } from '@/lib/integrations/complete-dorm-repair-job';
import { draftBody } from '@/lib/drafts/draft-body';
import { deputyQuery, outOfOfficeBody } from '@/lib/out-of-office';
import { publishSchema } from '@/lib/mailbox/publications';
import { verifyRecordQuery } from '@/lib/records/verify-record';
import { letterEventSchema } from '@/lib/mailbox/send-letter-event';
import { letterRequestSchema } from '@/lib/mailbox/submit-letter';
import { subscriptionInput } from '@/lib/notify/push-subscriptions';
import { createTokenSchema } from '@/lib/tokens/create-token';
import { serviceAccountSchema } from '@/lib/tokens/service-accounts';
import { webhookSchema } from '@/lib/webhooks/manage-webhooks';
import { followUpInputSchema, letterFormSchema, rateInputSchemaV2 } from '@/workflows/presidents-mailbox/form';
import { datasetPushBody } from './dataset-body';
import { op, type Auth, type Operation } from './operation';
import * as r from './responses';

/**
 * Every operation the app serves (tests: lib/api/openapi/coverage.test.ts lists the route files
 * and fails on one missing here). Adding a route = one entry: its operationId, the request schema
 * the handler validates with (imported, never copied), what it answers, and its error statuses
 * (all in the one error shape). See CONTRACTS.md "OpenAPI".
 */

const user: Auth[] = ['session', 'token:api'];
const sessionOnly: Auth[] = ['session'];
const anyone: Auth[] = ['public'];
const letterLink: Auth[] = ['capability'];
const mailboxLetter = letterRequestSchema.extend({ letter: letterFormSchema });
const stats = z.object({ from: z.string().optional(), to: z.string().optional(), department: z.string().optional(), process: z.string().optional(), format: z.enum(['json', 'csv']).optional() });

export const OPERATIONS: Operation[] = [
  // Health and the document itself
  op('GET /api/health', 'getHealth', 'Liveness and database mode', { auth: anyone, returns: r.Health, also: { 503: r.Health }, errors: [] }),
  op('GET /api/v1/openapi.json', 'getOpenApiDocument', 'This document', { auth: anyone, returns: z.looseObject({ openapi: z.string() }), errors: [] }),

  // Processes and instances
  op('GET /api/v1/processes', 'listProcesses', 'Processes the caller may start', { auth: user, returns: r.ProcessList, errors: [401, 403] }),
  op('GET /api/v1/processes/{id}', 'getProcess', "A process's current version: states, events, meta and inputSchema (JSON Schema)", { auth: user, returns: r.ProcessDescription, errors: [401, 403, 404] }),
  op('POST /api/v1/instances', 'startInstance', 'Start a process (Idempotency-Key header makes a retry safe)', { auth: user, body: input.startInstanceBody, ok: 201, returns: r.InstanceView, errors: [400, 401, 403, 404, 409, 415, 422, 429] }),
  op('GET /api/v1/instances/{id}', 'getInstance', 'An instance with its timeline (people involved and admins; others get 404)', { auth: user, returns: r.InstanceView, errors: [401, 403, 404] }),
  op('POST /api/v1/instances/{id}/events', 'sendInstanceEvent', 'Send an event (approve, return, reject, resubmit, withdraw, …); answers where the instance now stands (id, caseNo, status, state, stateLabel, revision, the event logged), or with ?view=full the whole instance as getInstance shows it. A stale expectedRevision is 409', { auth: user, query: input.instanceEventQuery, body: input.instanceEventBody, returns: z.union([r.TransitionAnswer, r.InstanceView]), errors: [400, 401, 403, 404, 409, 415, 422, 429] }),
  op('POST /api/v1/instances/{id}/withdraw', 'withdrawApplication', '撤回申请: the applicant takes the application back while its first step waits unacted', { auth: user, body: input.instanceOpBody, returns: r.Row, errors: [400, 401, 403, 404, 409, 415, 422] }),
  op('POST /api/v1/instances/{id}/withdraw-approval', 'withdrawApproval', '撤回审批: an approver takes their own decision back while the next step waits unacted', { auth: user, body: input.instanceOpBody, returns: r.Row, errors: [400, 401, 403, 404, 409, 415, 422] }),
  op('POST /api/v1/instances/{id}/urge', 'urgeInstance', '催办: the applicant urges a step past its time limit (once a working day per step); its holders are notified', { auth: user, body: input.instanceOpBody, returns: r.Row, errors: [400, 401, 403, 404, 409, 415, 422, 429] }),
  op('POST /api/v1/instances/{id}/copies', 'copyInstance', '抄送: whoever handles the current step sends a copy to staff (by 学工号) who are informed but do not act; logged, and they find it under 抄送我', { auth: user, body: input.copyInstanceBody, returns: r.InstanceView, errors: [400, 401, 403, 404, 409, 415] }),
  op('GET /api/v1/instances/{id}/record', 'getApprovalRecordPdf', 'The approval record (PDF, with case number, fingerprint and QR code) for whoever may read the instance', { auth: user, returns: 'file', errors: [401, 403, 404] }),
  op('GET /api/v1/records/{caseNo}/verify', 'verifyApprovalRecord', 'Public check that the approval record with this case number and fingerprint (h) exists and is unchanged; 404 无法核验 otherwise', { auth: anyone, query: verifyRecordQuery, returns: r.RecordCheck, errors: [404, 429], params: { caseNo: '流水号, e.g. TC-20261201-0007' } }),
  op('GET /api/v1/tasks', 'listTasks', "The caller's tasks", { auth: user, query: input.tasksQuery, returns: r.TaskList, errors: [400, 401, 403] }),
  op('POST /api/v1/tasks/batch', 'batchActOnTasks', '批量审批: the step\'s batch action (e.g. approve) with one comment on up to 100 tasks of one step of one process, each its own transition; one someone else took is reported in results, the others go through', { auth: user, body: input.batchTasksBody, returns: r.BatchResult, errors: [400, 401, 403, 404, 415, 422] }),
  // Approval operations on one task (转办, 委派); the step's meta says which it offers
  op('GET /api/v1/tasks/{id}/transfer', 'listTransferCandidates', 'People this task may be transferred to (same role, same scope); ?q= name, 工号 or pinyin', { auth: user, query: input.taskPeopleQuery, returns: r.People, errors: [400, 401, 403, 404] }),
  op('POST /api/v1/tasks/{id}/transfer', 'transferTask', '转办: give the task to someone who may hold its step, with a reason', { auth: user, body: input.taskHandBody, returns: r.TaskHanded, errors: [400, 401, 403, 404, 409, 415, 422] }),
  op('GET /api/v1/tasks/{id}/delegate', 'listDelegateCandidates', 'People this task may be delegated to (active staff of your unit); ?q= name, 工号 or pinyin', { auth: user, query: input.taskPeopleQuery, returns: r.People, errors: [400, 401, 403, 404] }),
  op('POST /api/v1/tasks/{id}/delegate', 'delegateTask', '委派: ask someone for an opinion; the task comes back to you when they answer', { auth: user, body: input.taskHandBody, returns: r.TaskHanded, errors: [400, 401, 403, 404, 409, 415, 422] }),
  op('POST /api/v1/tasks/{id}/delegate/answer', 'answerDelegation', "The delegate's opinion, or the before-signer's signature (前加签); the task goes back to whoever asked", { auth: user, body: input.taskAnswerBody, returns: r.Row, errors: [400, 401, 403, 404, 409, 415] }),
  op('GET /api/v1/tasks/{id}/signers', 'listSignerCandidates', 'People who may be added as signers (your unit, the same role, department and school leaders); ?q= name, 工号 or pinyin', { auth: user, query: input.taskPeopleQuery, returns: r.People, errors: [400, 401, 403, 404] }),
  op('POST /api/v1/tasks/{id}/signers', 'addSigner', '加签: a signer before you (signs first, then the task comes back) or after you (you sign now, they decide)', { auth: user, body: input.taskSignerBody, returns: r.TaskHanded, errors: [400, 401, 403, 404, 409, 415, 422] }),
  op('POST /api/v1/tasks/{id}/signers/remove', 'removeSigner', '减签: remove the signer you added, who has not acted yet', { auth: user, body: input.instanceOpBody, returns: r.Row, errors: [400, 401, 403, 404, 409, 415] }),
  // 代理 (out of office): while away, tasks that would come to you go to your deputy
  op('GET /api/v1/me/out-of-office', 'getOutOfOffice', 'Your deputy and dates (代理), and whom you stand in for', { auth: user, returns: r.OutOfOffice, errors: [401, 403] }),
  op('PUT /api/v1/me/out-of-office', 'setOutOfOffice', '代理: set a deputy (学工号) who holds your approval roles, from startsOn to endsOn (China dates, inclusive); tasks that would come to you then go to them; it ends by itself', { auth: user, body: outOfOfficeBody, returns: r.OutOfOffice, errors: [400, 401, 403, 415, 422] }),
  op('DELETE /api/v1/me/out-of-office', 'clearOutOfOffice', '代理 ends now: new tasks come to you again', { auth: user, returns: r.OutOfOffice, errors: [401, 403] }),
  op('GET /api/v1/me/out-of-office/candidates', 'listDeputyCandidates', 'People who may stand in for you (the same approval roles); ?q= name, 工号 or pinyin', { auth: user, query: deputyQuery, returns: r.People, errors: [400, 401, 403] }),
  // 草稿: one per person and process, resumable from 我的申请
  op('GET /api/v1/drafts/{process}', 'getDraft', "Your draft of this process's application form (null when there is none), with its files", { auth: user, returns: r.DraftAnswer, errors: [401, 403, 404], params: { process: 'process id, e.g. insurance-opt-out' } }),
  op('PUT /api/v1/drafts/{process}', 'saveDraft', 'Keeps the form as typed (not validated) and the files picked for it; replaces your previous draft; the files stay with it', { auth: user, body: draftBody, returns: r.DraftSaved, errors: [400, 401, 403, 404, 415], params: { process: 'process id, e.g. insurance-opt-out' } }),
  op('DELETE /api/v1/drafts/{process}', 'deleteDraft', 'Deletes your draft of this process (sending the application deletes it too)', { auth: user, returns: r.Ok, errors: [401, 403, 404], params: { process: 'process id, e.g. insurance-opt-out' } }),
  op('POST /api/v1/uploads', 'uploadFile', 'Upload evidence (PDF, JPEG, PNG, WebP, HEIC; checked by content)', { auth: user, bodyType: 'multipart', ok: 201, returns: r.Upload, errors: [400, 401, 403, 409, 413, 415, 429] }),
  op('GET /api/v1/uploads/{id}', 'getUpload', 'A file, to permitted users', { auth: user, returns: 'file', errors: [401, 403, 404] }),

  // Messages, push, tokens
  op('GET /api/v1/messages', 'listMessages', 'Message center', { auth: user, returns: r.MessageList, errors: [401, 403] }),
  op('PATCH /api/v1/messages', 'markMessagesRead', 'Mark one message (id) or all as read', { auth: user, body: input.markReadBody, returns: r.Unread, errors: [400, 401, 403, 415] }),
  op('POST /api/v1/push-subscriptions', 'subscribePush', "Register this browser's Web Push subscription", { auth: user, body: subscriptionInput, ok: 201, returns: r.Ok, errors: [400, 401, 403, 415] }),
  op('DELETE /api/v1/push-subscriptions', 'unsubscribePush', 'Remove a Web Push subscription', { auth: user, body: input.pushUnsubscribeBody, ok: 204, returns: 'empty', errors: [400, 401, 403, 415] }),
  op('POST /api/v1/tokens', 'createToken', 'Create an API token for yourself; the secret is in this answer only', { auth: sessionOnly, body: createTokenSchema, ok: 201, returns: r.CreatedToken, errors: [400, 401, 403, 415] }),
  op('DELETE /api/v1/tokens/{id}', 'revokeToken', 'Revoke one of your API tokens', { auth: sessionOnly, ok: 204, returns: 'empty', errors: [401, 403, 404] }),
  op('POST /api/v1/housing-notices', 'issueHousingNotices', '周转房缴费通知: validate (dryRun) or issue a list, chunk by chunk', { auth: user, body: input.housingNoticesBody, returns: r.Report, errors: [400, 401, 403, 409, 415] }),
  op('GET /api/v1/housing-notices/batch', 'getHousingBatch', '周转房缴费台账: one batch (period and due date), tenant by tenant — acknowledged, paid (receipts), overdue, reminders; CSV with format=csv', { auth: user, query: input.housingBatchQuery, returns: z.looseObject({ tenants: z.array(z.looseObject({})) }), orCsv: true, errors: [400, 401, 403] }),
  op('POST /api/v1/housing-notices/batch/reminders', 'remindHousingBatch', '催缴: one reminder to each overdue tenant of a batch (once a day per tenant), through the outbox', { auth: user, body: batchKeySchema, returns: z.object({ reminded: z.number().int(), skipped: z.number().int() }), errors: [400, 401, 403, 415] }),
  op('GET /api/v1/notices/{id}/attachment', 'getNoticeAttachment', "A notice's attachment, for its recipients and author", { auth: user, returns: 'file', errors: [401, 403, 404] }),

  // 校长信箱 (writers need no account: the tracking link is their capability)
  op('POST /api/v1/mailbox/letters', 'submitLetter', 'Write a letter (no login); answers the tracking link and query code', { auth: ['public', 'session'], body: mailboxLetter, ok: 201, returns: r.LetterSubmitted, errors: [400, 403, 415, 429] }),
  op('POST /api/v1/mailbox/attachments', 'uploadLetterAttachment', 'An attachment for a letter about to be written (no login); its claim goes with the letter', { auth: anyone, bodyType: 'multipart', ok: 201, returns: r.LetterAttachment, errors: [400, 403, 413, 415, 429] }),
  op('POST /api/v1/mailbox/lookup', 'lookupLetter', 'Find a letter by query code (and contact); a form post gets a half-hour cookie and a redirect', { auth: anyone, body: z.object({ code: z.string(), contact: z.string().optional() }), returns: r.LetterTracking, also: { 303: 'redirect' }, errors: [400, 403, 404, 429] }),
  op('GET /api/v1/mailbox/track/{token}', 'trackLetter', 'The tracking view of a letter, through its link', { auth: letterLink, returns: r.LetterTracking, errors: [403, 404, 429], params: { token: 'The secret of the tracking link (or `session` with the query-code cookie)' } }),
  op('POST /api/v1/mailbox/track/{token}/{action}', 'actOnLetter', "The writer's actions: rate the reply, ask a follow-up, re-issue the link", { auth: letterLink, body: z.union([rateInputSchemaV2, followUpInputSchema, z.object({})]), returns: r.LetterTracking, also: { 201: r.LetterCapability, 303: 'redirect' }, errors: [400, 403, 404, 409, 422, 429], params: { token: 'The secret of the tracking link', action: 'rate | follow-up | reissue' } }),
  op('GET /api/v1/mailbox/track/{token}/attachments/{id}', 'getLetterAttachment', "A file of the writer's own letter, through the link", { auth: letterLink, returns: 'file', errors: [403, 404, 429] }),
  op('POST /api/v1/mailbox/letters/{id}/events', 'sendLetterEvent', 'Office and department actions on a letter (accept, assign, draft, review, …)', { auth: user, body: letterEventSchema, returns: r.Ok, errors: [400, 401, 403, 404, 409, 415, 422] }),
  op('POST /api/v1/mailbox/letters/{id}/publication', 'publishLetter', 'Publish (or edit) the anonymised letter and reply on 公开回复', { auth: user, body: publishSchema, ok: 201, returns: r.Ok, errors: [400, 401, 403, 404, 409, 415] }),
  op('DELETE /api/v1/mailbox/letters/{id}/publication', 'unpublishLetter', 'Take a letter off 公开回复', { auth: user, returns: r.Ok, errors: [401, 403, 404] }),
  op('GET /api/v1/mailbox/stats', 'getMailboxStats', "The mailbox office's figures", { auth: user, returns: z.looseObject({}), errors: [401, 403] }),

  // Integrations
  op('PUT /api/v1/integrations/{dataset}', 'pushDataset', '掌上校园: push a dataset (idempotent by natural keys; all rows or none)', { auth: ['token:dataset'], body: datasetPushBody, returns: r.Report, errors: [400, 401, 403, 404, 413, 415], params: { dataset: 'timetable | grades | exams | term-calendar | card' } }),
  op('POST /api/v1/integrations/dorm-repair/callback', 'completeDormRepairJob', 'The maintenance system reports on a job (HMAC-signed): assigned (worker, phone, planned visit time) or done', { auth: ['signature'], body: callbackSchema, bodyType: 'signed-json', returns: r.Ok, errors: [400, 401, 404, 409] }),
  op('GET /api/sso/cas/start', 'startCasLogin', 'Start a CAS login: a state cookie, then the CAS redirect', { auth: anyone, ok: 307, returns: 'redirect', errors: [404] }),
  op('GET /api/sso/wecom/start', 'startWecomLogin', 'Start a WeChat Work login (redirect)', { auth: anyone, ok: 307, returns: 'redirect', errors: [404] }),
  op('GET /api/auth/{nextauth}', 'authGet', 'next-auth: session, csrf, providers, sign-in and callback pages', { auth: anyone, returns: z.looseObject({}), also: { 302: 'redirect' }, errors: [400], params: { nextauth: 'session | csrf | providers | signin | signout | callback/<provider> | error' } }),
  op('POST /api/auth/{nextauth}', 'authPost', 'next-auth: sign in with a provider or the demo credentials, sign out', { auth: anyone, bodyType: 'form', returns: z.looseObject({}), also: { 302: 'redirect' }, errors: [400, 401, 429], params: { nextauth: 'signin/<provider> | signout | callback/credentials' } }),

  // GeoReport v2 (Open311): its own formats and error list; checked against the spec's field list by e2e/integrations-open311.spec.ts
  op('GET /open311/v2/{resource}', 'open311List', 'services.{json,xml} (public) or requests.{json,xml} (the api_key holder\'s requests)', { auth: ['public', 'token:open311'], returns: 'open311', errors: [400, 401, 403, 404], params: { resource: 'services.json | services.xml | requests.json | requests.xml' } }),
  op('POST /open311/v2/{resource}', 'open311CreateRequest', 'requests.{json,xml}: file a repair (form-encoded, api_key)', { auth: ['token:open311'], bodyType: 'form', returns: 'open311', errors: [400, 401, 403, 404, 415], params: { resource: 'requests.json | requests.xml' } }),
  op('GET /open311/v2/requests/{file}', 'open311GetRequest', 'requests/{service_request_id}.{json,xml}', { auth: ['token:open311'], returns: 'open311', errors: [401, 403, 404] }),
  op('GET /open311/v2/services/{file}', 'open311GetServiceDefinition', 'services/{service_code}.{json,xml}: the attributes a request carries', { auth: anyone, returns: 'open311', errors: [404] }),

  // Administration
  op('GET /admin/catalog/export', 'exportCatalog', 'The whole service catalog as CSV (the format the import reads)', { auth: sessionOnly, returns: 'csv', errors: [401, 403] }),
  op('POST /api/v1/admin/import', 'importPeople', 'Import people from CSV: all or nothing', { auth: user, body: input.importPeopleBody, returns: r.Report, also: { 400: r.Report }, errors: [401, 403, 413, 415] }),
  op('POST /api/v1/admin/imports/{dataset}', 'importDatasetCsv', '掌上校园 CSV import by an admin', { auth: user, bodyType: 'multipart', returns: r.Report, also: { 400: r.Report }, errors: [401, 403, 404, 413, 415] }),
  op('POST /api/v1/admin/instances/{id}/cancel', 'cancelInstance', 'Cancel an instance (admin, with a reason)', { auth: user, body: input.cancelInstanceBody, returns: r.Row, errors: [400, 401, 403, 404, 409, 415, 422] }),
  op('POST /api/v1/admin/migrations', 'migrateInstances', 'Move chosen instances to another version of their process', { auth: user, body: input.migrateInstancesBody, returns: r.Report, errors: [400, 401, 403, 404, 409, 415] }),
  op('POST /api/v1/admin/tasks/{id}/reassign', 'reassignTask', 'Give an open task to another person (admin)', { auth: user, body: input.reassignTaskBody, returns: r.Row, errors: [400, 401, 403, 404, 409, 415] }),
  op('POST /api/v1/admin/org-units', 'saveOrgUnit', 'Create or change an org unit', { auth: user, body: orgUnitSchema, returns: r.Row, errors: [400, 401, 403, 409, 415] }),
  op('POST /api/v1/admin/users/{id}/active', 'setUserActive', 'Activate or deactivate an account', { auth: user, body: input.userActiveBody, returns: r.Row, errors: [400, 401, 403, 404, 415] }),
  op('POST /api/v1/admin/users/{id}/roles', 'grantRole', 'Grant a role in a scope (null = university-wide)', { auth: user, body: grantSchema, ok: 201, returns: r.Row, errors: [400, 401, 403, 404, 415] }),
  op('POST /api/v1/admin/role-bindings/{id}/revoke', 'revokeRole', 'Revoke a role binding', { auth: user, returns: r.Row, errors: [401, 403, 404] }),
  op('POST /api/v1/admin/service-accounts', 'createServiceAccount', 'Create a service account for an integration', { auth: user, body: serviceAccountSchema, ok: 201, returns: r.Row, errors: [400, 401, 403, 409, 415] }),
  op('POST /api/v1/admin/service-accounts/{id}/tokens', 'createServiceToken', "Create a service account's token; the secret is in this answer only", { auth: sessionOnly, body: createTokenSchema, ok: 201, returns: r.CreatedToken, errors: [400, 401, 403, 404, 415] }),
  op('POST /api/v1/admin/webhooks', 'registerWebhook', 'Register a webhook for instance events', { auth: user, body: webhookSchema, ok: 201, returns: r.Row, errors: [400, 401, 403, 415] }),
  op('POST /api/v1/admin/outbox/{id}/retry', 'retryDelivery', 'Retry a failed outbox delivery (audited)', { auth: user, returns: r.Ok, errors: [401, 403, 404] }),
  op('GET /api/v1/admin/stats/{table}', 'getStatsTable', 'One dashboard table as JSON, or CSV with format=csv', { auth: user, query: stats, returns: z.looseObject({}), orCsv: true, errors: [400, 401, 403, 404] }),

  // Tests only: 404 unless TEST_CLOCK=true
  op('GET /api/test/clock', 'getTestClock', 'The engine clock (test deployments only)', { auth: anyone, returns: r.ClockNow, errors: [404] }),
  op('POST /api/test/clock', 'advanceTestClock', 'Move the engine clock forward and fire due timers (test deployments only)', { auth: anyone, body: input.testClockBody, returns: r.ClockNow, errors: [400, 404, 415] }),
];
