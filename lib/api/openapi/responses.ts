import { z } from 'zod';
import { ERROR_CODES } from '@/workflows/engine/errors';

/**
 * Response bodies as the document states them. Objects are open (more fields may come; clients
 * must ignore what they do not know), but every field named here is checked against real traffic
 * by the validating proxy of the API e2e tests.
 */

/** The one error shape of every route (lib/errors.ts toErrorBody). */
export const ErrorBody = z.looseObject({
  error: z.object({
    code: z.enum([...(Object.keys(ERROR_CODES) as Array<keyof typeof ERROR_CODES>), 'INTERNAL']),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const Ok = z.looseObject({ ok: z.literal(true) });

const label = z.object({ zh: z.string(), en: z.string() });

export const InstanceView = z
  .looseObject({
    id: z.uuid(),
    process: z.looseObject({}),
    status: z.enum(['active', 'completed', 'rejected', 'withdrawn', 'cancelled']),
    state: z.string(),
    revision: z.int(),
    timeline: z.array(z.looseObject({})),
    openTasks: z.array(z.looseObject({})),
    /** 会签 / 或签 / 依次 steps the instance waits in: who of the group has acted, who is pending. */
    groups: z.array(
      z.looseObject({
        state: z.string(),
        mode: z.enum(['all', 'any', 'sequence']),
        badge: label,
        approved: z.int(),
        of: z.int(),
        needed: z.int(),
        members: z.array(z.looseObject({ name: z.string().nullable(), status: z.enum(['approved', 'against', 'closed', 'pending', 'waiting']) })),
      }),
    ),
  })
  ;

/** POST …/events: where the instance stands after the event (lib/instances/transition-answer.ts). */
export const TransitionAnswer = z
  .looseObject({
    id: z.uuid(),
    caseNo: z.string().nullable(),
    status: z.enum(['active', 'completed', 'rejected', 'withdrawn', 'cancelled']),
    state: z.string(),
    stateLabel: label,
    stateLabels: z.array(label),
    revision: z.int(),
    event: z.looseObject({ seq: z.int(), type: z.string(), at: z.string() }),
  })
  .meta({ description: 'Where the instance stands after the event, from what the transition wrote; `revision` is the next expectedRevision' });

export const ProcessList = z.looseObject({ processes: z.array(z.looseObject({ id: z.string() })) });
export const ProcessDescription = z.looseObject({ id: z.string(), inputSchema: z.looseObject({}) });
export const TaskList = z.looseObject({ tasks: z.array(z.looseObject({})) });
export const BatchResult = z.looseObject({
  action: z.string(),
  succeeded: z.int(),
  failed: z.int(),
  results: z.array(z.looseObject({ taskId: z.uuid(), instanceId: z.uuid(), caseNo: z.string().nullable(), ok: z.boolean(), error: z.looseObject({ code: z.string(), message: z.string() }).optional() })),
});
export const MessageList = z.looseObject({ unread: z.int(), messages: z.array(z.looseObject({})) });
export const Unread = z.looseObject({ unread: z.int() });
export const Upload = z.looseObject({ id: z.uuid() });
export const LetterAttachment = z.looseObject({ id: z.uuid(), claim: z.string() });
export const CreatedToken = z.looseObject({ id: z.uuid(), name: z.string(), scopes: z.array(z.string()), secret: z.string() });
export const LetterSubmitted = z.looseObject({ trackingUrl: z.string(), queryCode: z.string(), qrSvg: z.string() });
export const LetterCapability = z.looseObject({ trackingUrl: z.string(), queryCode: z.string() });
export const LetterTracking = z.looseObject({});
export const Health = z.looseObject({ status: z.enum(['ok', 'unavailable']), database: z.enum(['pglite', 'postgresql']).optional() });
export const Report = z.looseObject({}).meta({ description: 'What an import or push did (or, with 400, why nothing was written)' });
export const Row = z.looseObject({}).meta({ description: 'The changed row' });
export const RecordCheck = z
  .looseObject({ verified: z.literal(true), caseNo: z.string(), process: label, status: z.string().nullable(), recordedAt: z.string(), steps: z.int(), current: z.boolean() })
  .meta({ description: 'The record exists and its hash chain recomputes unchanged; no personal data' });
/** 草稿: the caller's draft of one process's form. */
export const DraftAnswer = z
  .looseObject({
    draft: z
      .looseObject({ processId: z.string(), values: z.record(z.string(), z.string()), files: z.record(z.string(), z.array(z.looseObject({ id: z.uuid(), filename: z.string() }))), updatedAt: z.string() })
      .nullable(),
  })
  .meta({ description: 'Your draft, or null' });
export const DraftSaved = z.looseObject({ updatedAt: z.string() }).meta({ description: 'When the draft was saved' });
export const ClockNow = z.looseObject({ now: z.string() });
export const Labelled = label;

/** People a task may be handed to (转办 / 委派 pickers). */
export const People = z.object({
  people: z.array(z.object({ username: z.string(), name: z.string(), orgName: label, py: z.string(), initials: z.string() })),
}).meta({ description: 'People a task may be handed to' });

/** 代理: the caller's deputy and dates, and whom they stand in for. */
export const OutOfOffice = z.object({
  current: z
    .object({ deputy: z.object({ username: z.string(), name: z.string() }), startsOn: z.string(), endsOn: z.string(), reason: z.string().nullable(), active: z.boolean() })
    .nullable(),
  standsInFor: z.array(z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string() })),
}).meta({ description: 'Your deputy while you are away, and whom you stand in for' });

/** A task handed on: who holds it now. */
export const TaskHanded = z.object({
  instanceId: z.string(),
  taskId: z.string(),
  revision: z.number().int(),
  holder: z.object({ username: z.string(), name: z.string() }),
}).meta({ description: 'Who holds the task now' });
