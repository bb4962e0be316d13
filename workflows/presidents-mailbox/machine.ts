import { assign, setup } from 'xstate';
import type { Label, StateMeta, TaskAction, TaskMeta, WorkflowEvent } from '../engine/types';
import type { LetterForm } from './form';

export type AssignmentStatus = 'drafting' | 'submitted' | 'approved' | 'transferRequested';

/** One department's share of a letter: the per-assignment child record, kept in the context. */
export interface Assignment {
  orgUnitId: string;
  status: AssignmentStatus;
  draft: string | null;
  /** The office's return comment or the department's transfer reason. */
  note: string | null;
}

export interface MailboxContext {
  form: LetterForm;
  applicantId: string | null;
  assignments: Assignment[];
  /** Departments that still owe a draft: the engine opens one handler task per entry. */
  draftingOrgs: string[];
  deadline: string | null;
  /** 1 for the first reply; a follow-up question or 督办 starts the next round. */
  round: number;
  replies: Array<{ round: number; orgUnitId: string; text: string }>;
  followUp: string | null;
  rating: { value: 'satisfied' | 'basic' | 'unsatisfied'; comment: string | null } | null;
  duplicateOf: string | null;
}

const a = (type: string, zh: string, en: string, extra: Partial<TaskAction> = {}): TaskAction => ({
  type,
  label: { zh, en },
  ...extra,
});

const office = { role: 'mailbox_office', scope: { kind: 'org', orgUnitId: 'president-office' } } as const;
const triageTask: TaskMeta = {
  ...office,
  actions: [
    a('accept', '受理', 'Accept', { tone: 'primary' }),
    a('outOfScope', '不予受理', 'Out of scope', { requiresComment: true, tone: 'danger' }),
    a('markDuplicate', '合并为重复来信', 'Merge as duplicate', { requiresComment: true, tone: 'neutral' }),
  ],
  dueInWorkingDays: 3,
};
const assignTask: TaskMeta = { ...office, actions: [a('assign', '交办部门', 'Assign departments', { tone: 'primary' })], dueInWorkingDays: 1 };
const urgeAction = a('urge', '督办', 'Urge', { requiresComment: true, tone: 'primary' });
const leaderUrge: TaskMeta = { role: 'school_leader', scope: { kind: 'global' }, actions: [urgeAction] };

const sync = (assignments: Assignment[]) => ({
  assignments,
  draftingOrgs: assignments.filter((x) => x.status === 'drafting').map((x) => x.orgUnitId),
});
const inputOf = <T>(event: WorkflowEvent) => (event.input ?? {}) as T;
const update = (context: MailboxContext, orgUnitId: string | null | undefined, change: Partial<Assignment>) =>
  sync(context.assignments.map((x) => (x.orgUnitId === orgUnitId ? { ...x, ...change } : x)));

/**
 * 校长信箱. triage (office: accept / out of scope / duplicate; reminder, then escalation to the
 * school leader) → assigning → handling: each assigned department drafts in parallel (one
 * handler task per department, from `draftingOrgs`), the office reviews each draft → replied
 * once every draft is approved → the writer rates (不满意 → supervising, 督办) or asks one
 * follow-up question (a new round for the same departments) → closed.
 */
/** The guards below in words, for the diagrams (workflows/labels). */
export const mailboxGuardLabels: Record<string, Label> = {
  actingOrgDrafting: { zh: '本部门尚未提交答复稿', en: 'This department still owes its draft' },
  isSubmitted: { zh: '该部门已提交答复稿', en: 'The department has submitted a draft' },
  isTransferRequested: { zh: '该部门申请了转办', en: 'The department asked to transfer' },
  needsOffice: { zh: '有答复稿或转办申请待审核', en: 'A draft or transfer request awaits the office' },
  nothingForOffice: { zh: '没有待审核的答复稿', en: 'Nothing awaits the office' },
  allApproved: { zh: '所有部门的答复均已审核通过', en: "Every department's reply approved" },
  unsatisfied: { zh: '来信人评价不满意', en: 'The writer is unsatisfied' },
  followUpUnused: { zh: '尚未追问过', en: 'No follow-up asked yet' },
};

/** What the writer does on the tracking page: no task offers these, so they are named here. */
export const mailboxEventLabels: Record<string, Label> = {
  submit: { zh: '来信', en: 'Letter written' },
  rate: { zh: '来信人评价', en: 'Writer rated the reply' },
  followUp: { zh: '来信人追问', en: 'Writer asked a follow-up question' },
};

export const mailboxMachine = setup({
  types: {
    context: {} as MailboxContext,
    input: {} as { form: LetterForm; applicantId: string | null },
    events: {} as WorkflowEvent,
  },
  guards: {
    actingOrgDrafting: ({ context, event }) => context.draftingOrgs.includes(event.taskOrgUnitId ?? ''),
    isSubmitted: ({ context, event }) =>
      context.assignments.some((x) => x.orgUnitId === inputOf<{ orgUnitId: string }>(event).orgUnitId && x.status === 'submitted'),
    isTransferRequested: ({ context, event }) => {
      const { orgUnitId, toOrgUnitId } = inputOf<{ orgUnitId: string; toOrgUnitId: string }>(event);
      return (
        context.assignments.some((x) => x.orgUnitId === orgUnitId && x.status === 'transferRequested') &&
        !context.assignments.some((x) => x.orgUnitId === toOrgUnitId)
      );
    },
    needsOffice: ({ context }) => context.assignments.some((x) => x.status === 'submitted' || x.status === 'transferRequested'),
    nothingForOffice: ({ context }) => !context.assignments.some((x) => x.status === 'submitted' || x.status === 'transferRequested'),
    allApproved: ({ context }) => context.assignments.length > 0 && context.assignments.every((x) => x.status === 'approved'),
    unsatisfied: ({ event }) => inputOf<{ rating: string }>(event).rating === 'unsatisfied',
    followUpUnused: ({ context }) => context.followUp === null,
  },
  actions: {
    assignDepartments: assign(({ context, event }) => {
      const { departments, deadline } = inputOf<{ departments: string[]; deadline: string }>(event);
      return {
        ...sync(departments.map((orgUnitId) => ({ orgUnitId, status: 'drafting' as const, draft: null, note: null }))),
        deadline,
        round: context.replies.length === 0 ? context.round : context.round + 1,
        rating: null,
      };
    }),
    saveDraft: assign(({ context, event }) =>
      update(context, event.taskOrgUnitId, { status: 'submitted', draft: inputOf<{ reply: string }>(event).reply, note: null }),
    ),
    requestTransfer: assign(({ context, event }) =>
      update(context, event.taskOrgUnitId, { status: 'transferRequested', note: event.comment ?? null }),
    ),
    approveDraft: assign(({ context, event }) => update(context, inputOf<{ orgUnitId: string }>(event).orgUnitId, { status: 'approved' })),
    returnDraft: assign(({ context, event }) =>
      update(context, inputOf<{ orgUnitId: string }>(event).orgUnitId, { status: 'drafting', note: event.comment ?? null }),
    ),
    reassign: assign(({ context, event }) => {
      const { orgUnitId, toOrgUnitId } = inputOf<{ orgUnitId: string; toOrgUnitId: string }>(event);
      return update(context, orgUnitId, { orgUnitId: toOrgUnitId, status: 'drafting', draft: null, note: null });
    }),
    collectReply: assign(({ context }) => ({
      replies: [
        ...context.replies,
        ...context.assignments.map((x) => ({ round: context.round, orgUnitId: x.orgUnitId, text: x.draft ?? '' })),
      ],
    })),
    recordRating: assign(({ event }) => {
      const { rating, comment } = inputOf<{ rating: 'satisfied' | 'basic' | 'unsatisfied'; comment?: string }>(event);
      return { rating: { value: rating, comment: comment || null } };
    }),
    askFollowUp: assign(({ context, event }) => ({
      followUp: inputOf<{ question: string }>(event).question,
      round: context.round + 1,
      ...sync(context.assignments.map((x) => ({ ...x, status: 'drafting' as const, draft: null, note: null }))),
    })),
    recordDuplicate: assign(({ event }) => ({ duplicateOf: inputOf<{ duplicateOf: string }>(event).duplicateOf })),
  },
}).createMachine({
  id: 'presidents-mailbox',
  initial: 'triage',
  context: ({ input }) => ({
    form: input.form,
    applicantId: input.applicantId,
    assignments: [],
    draftingOrgs: [],
    deadline: null,
    round: 1,
    replies: [],
    followUp: null,
    rating: null,
    duplicateOf: null,
  }),
  states: {
    triage: {
      type: 'parallel',
      meta: {
        label: { zh: '待受理', en: 'Awaiting acceptance' },
        timers: [
          { event: 'acceptReminder', delay: { workingDays: 2 } },
          { event: 'acceptOverdue', delay: { workingDays: 3 } },
        ],
      } satisfies StateMeta,
      on: {
        accept: 'assigning',
        outOfScope: 'notAccepted',
        markDuplicate: { target: 'merged', actions: 'recordDuplicate' },
      },
      states: {
        office: {
          meta: { label: { zh: '受理', en: 'Acceptance' } } satisfies StateMeta,
          initial: 'open',
          states: {
            open: {
              meta: { label: { zh: '校长办公室受理', en: 'Mailbox office triage' }, task: triageTask } satisfies StateMeta,
              on: { acceptReminder: 'reminded' },
            },
            reminded: {
              meta: { label: { zh: '受理即将到期', en: 'Acceptance due soon' }, task: triageTask } satisfies StateMeta,
            },
          },
        },
        clock: {
          meta: { label: { zh: '受理时限', en: 'Acceptance deadline' } } satisfies StateMeta,
          initial: 'onTime',
          states: {
            onTime: {
              meta: { label: { zh: '受理未超时', en: 'Acceptance on time' } } satisfies StateMeta,
              on: { acceptOverdue: 'overdue' },
            },
            overdue: {
              meta: { label: { zh: '受理超时，已报校领导', en: 'Acceptance overdue, escalated' }, task: leaderUrge } satisfies StateMeta,
              on: { urge: 'urged' },
            },
            // Left only with triage itself (accept, out of scope, duplicate).
            urged: { meta: { label: { zh: '受理已督办', en: 'Acceptance urged' } } satisfies StateMeta },
          },
        },
      },
    },
    assigning: {
      meta: { label: { zh: '待交办', en: 'Awaiting assignment' }, task: assignTask } satisfies StateMeta,
      on: { assign: { target: 'handling', actions: 'assignDepartments' } },
    },
    handling: {
      type: 'parallel',
      meta: {
        label: { zh: '部门办理中', en: 'With the departments' },
        timers: [
          { event: 'replyReminder', delay: { workingDays: 8 } },
          { event: 'replyOverdue', delay: { workingDays: 10 } },
        ],
      } satisfies StateMeta,
      always: { guard: 'allApproved', target: 'replied', actions: 'collectReply' },
      states: {
        departments: {
          meta: {
            label: { zh: '承办部门起草答复', en: 'Department drafting the reply' },
            task: {
              role: 'handler',
              scope: { kind: 'context-orgs', key: 'draftingOrgs' },
              actions: [
                a('submitDraft', '提交答复稿', 'Submit draft reply', { tone: 'primary' }),
                a('requestTransfer', '申请转办', 'Ask to transfer', { requiresComment: true, tone: 'neutral' }),
              ],
              dueInWorkingDays: 10,
            },
          } satisfies StateMeta,
          on: {
            submitDraft: { guard: 'actingOrgDrafting', actions: 'saveDraft' },
            requestTransfer: { guard: 'actingOrgDrafting', actions: 'requestTransfer' },
          },
        },
        review: {
          meta: { label: { zh: '答复审核', en: 'Reply review' } } satisfies StateMeta,
          initial: 'waiting',
          states: {
            waiting: {
              meta: { label: { zh: '待部门提交答复稿', en: 'Waiting for the drafts' } } satisfies StateMeta,
              always: { guard: 'needsOffice', target: 'pending' },
            },
            pending: {
              meta: {
                label: { zh: '校长办公室审核答复', en: 'Office reviewing the reply' },
                task: {
                  ...office,
                  actions: [
                    a('approveDraft', '审核通过', 'Approve reply', { tone: 'primary' }),
                    a('returnDraft', '退回修改', 'Send back', { requiresComment: true, tone: 'neutral' }),
                    a('reassign', '转办', 'Transfer', { tone: 'neutral' }),
                  ],
                  dueInWorkingDays: 2,
                },
              } satisfies StateMeta,
              always: { guard: 'nothingForOffice', target: 'waiting' },
              on: {
                approveDraft: { guard: 'isSubmitted', actions: 'approveDraft' },
                returnDraft: { guard: 'isSubmitted', actions: 'returnDraft' },
                reassign: { guard: 'isTransferRequested', actions: 'reassign' },
              },
            },
          },
        },
        clock: {
          meta: { label: { zh: '答复时限', en: 'Reply deadline' } } satisfies StateMeta,
          initial: 'onTime',
          states: {
            onTime: {
              meta: { label: { zh: '答复未到期', en: 'Reply on time' } } satisfies StateMeta,
              on: { replyReminder: 'dueSoon', replyOverdue: 'overdue' },
            },
            dueSoon: {
              meta: {
                label: { zh: '答复即将到期', en: 'Reply due soon' },
                task: { ...office, actions: [urgeAction] },
              } satisfies StateMeta,
              on: { urge: 'urged', replyOverdue: 'overdue' },
            },
            overdue: {
              meta: { label: { zh: '答复超时，已报校领导', en: 'Reply overdue, escalated' }, task: leaderUrge } satisfies StateMeta,
              on: { urge: 'urged' },
            },
            urged: {
              meta: { label: { zh: '答复已督办', en: 'Reply urged' } } satisfies StateMeta,
              on: { replyOverdue: 'overdue' },
            },
          },
        },
      },
    },
    replied: {
      meta: {
        label: { zh: '已答复', en: 'Replied' },
        timers: [{ event: 'autoClose', delay: { workingDays: 15 } }],
        // A writer who gave an e-mail address hears when the letter is replied, not accepted or merged.
        effects: [{ kind: 'emailWriter', template: 'replied' }],
      } satisfies StateMeta,
      on: {
        rate: [
          { guard: 'unsatisfied', target: 'supervising', actions: 'recordRating' },
          { target: 'closed', actions: 'recordRating' },
        ],
        followUp: { guard: 'followUpUnused', target: 'handling', actions: 'askFollowUp' },
        autoClose: 'closed',
      },
    },
    supervising: {
      meta: {
        label: { zh: '不满意，督办中', en: 'Reopened (unsatisfied)' },
        task: {
          ...office,
          actions: [
            a('assign', '重新交办', 'Reassign', { tone: 'primary' }),
            a('maintain', '维持原答复并办结', 'Keep the reply and close', { requiresComment: true, tone: 'neutral' }),
          ],
          dueInWorkingDays: 3,
        },
      } satisfies StateMeta,
      on: { assign: { target: 'handling', actions: 'assignDepartments' }, maintain: 'closed' },
    },
    closed: { type: 'final', meta: { label: { zh: '已办结', en: 'Closed' }, outcome: 'completed' } satisfies StateMeta },
    notAccepted: {
      type: 'final',
      meta: { label: { zh: '不予受理', en: 'Not accepted' }, outcome: 'rejected', effects: [{ kind: 'emailWriter', template: 'notAccepted' }] } satisfies StateMeta,
    },
    merged: {
      type: 'final',
      meta: { label: { zh: '已合并办理', en: 'Merged into another letter' }, outcome: 'cancelled', effects: [{ kind: 'emailWriter', template: 'merged' }] } satisfies StateMeta,
    },
  },
});
