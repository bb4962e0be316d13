import { assign, createMachine } from 'xstate';
import type { Label, StateMeta, TaskMeta, WorkflowEvent } from '../engine/types';
import { isPoorRatingEvent, ratingLevelOf, reopenedLabel, reopenedTask, REOPEN_WORKING_DAYS } from '../common/poor-rating';
import { mailboxEventLabels, mailboxGuardLabels, mailboxMachine, type MailboxContext } from './machine';


/** Version 2 keeps v1's context; the rating is a level. */
export type MailboxContextV2 = Omit<MailboxContext, 'rating'> & {
  /** 好差评 in the five levels of GB/T 39734 (workflows/labels/satisfaction.ts), 5 best. */
  rating: { value: 1 | 2 | 3 | 4 | 5; comment: string | null } | null;
};

type Args = { context: MailboxContextV2; event: WorkflowEvent };

const v1 = mailboxMachine.config;
const v1States = v1.states as Record<string, Record<string, unknown>>;
const handling = v1States.handling as { meta: StateMeta; states: Record<string, Record<string, unknown>> } & Record<string, unknown>;
const leaderUrge: TaskMeta = {
  role: 'school_leader',
  scope: { kind: 'global' },
  actions: [{ type: 'urge', label: { zh: '督办', en: 'Urge' }, requiresComment: true, tone: 'primary' }],
};

/**
 * 差评整改: the same work as 部门办理中 — each department redrafts in parallel, the office reviews —
 * held to 5 working days (the task's due date and the overdue timer, on the university calendar);
 * overdue goes to the school leader, as in v1.
 */
const reopened = {
  ...handling,
  always: { guard: 'allApproved', target: 'repliedAgain', actions: 'collectReply' },
  meta: {
    label: reopenedLabel,
    timers: [{ event: 'reopenOverdue', delay: { workingDays: REOPEN_WORKING_DAYS }, label: { zh: `超过 ${REOPEN_WORKING_DAYS} 个工作日未重新答复`, en: `No new reply within ${REOPEN_WORKING_DAYS} working days` } }],
  } satisfies StateMeta,
  states: {
    ...handling.states,
    departments: {
      ...handling.states.departments,
      meta: {
        label: { zh: '承办部门重新答复（差评）', en: 'Department answering the poor rating' },
        task: reopenedTask((handling.states.departments!.meta as StateMeta).task as TaskMeta),
      } satisfies StateMeta,
    },
    clock: {
      meta: { label: { zh: '重新答复时限', en: 'Deadline for the new reply' } } satisfies StateMeta,
      initial: 'onTime',
      states: {
        onTime: {
          meta: { label: { zh: '重新答复未到期', en: 'New reply on time' } } satisfies StateMeta,
          on: { reopenOverdue: 'overdue' },
        },
        overdue: {
          meta: { label: { zh: '重新答复超时，已报校领导', en: 'New reply overdue, escalated' }, task: leaderUrge } satisfies StateMeta,
          on: { urge: 'urged' },
        },
        urged: { meta: { label: { zh: '重新答复已督办', en: 'New reply urged' } } satisfies StateMeta },
      },
    },
  },
};

/** v2's words for what its statechart names in code, on top of v1's. */
export const mailboxGuardLabelsV2: Record<string, Label> = {
  ...mailboxGuardLabels,
  poorRating: { zh: '来信人评价不满意或非常不满意', en: 'The writer rates the reply 不满意 or worse' },
};
export const mailboxEventLabelsV2: Record<string, Label> = mailboxEventLabels;

/**
 * Version 2 of 校长信箱: the writer rates in the five levels of 好差评 (非常满意 … 非常不满意,
 * GB/T 39734). A 差评 (不满意 / 非常不满意) reopens the letter for the departments that answered,
 * who owe a new reply within 5 working days (已重新答复); a 差评 of that one goes to the office
 * (督办), as v1's 不满意 did. Everything else is v1's statechart. v1 letters finish on v1.
 */
export const mailboxMachineV2 = createMachine(
  {
    ...(v1 as object),
    id: 'presidents-mailbox',
    states: {
      ...v1States,
      replied: {
        ...v1States.replied,
        on: {
          ...(v1States.replied!.on as object),
          rate: [
            { guard: 'poorRating', target: 'reopened', actions: ['recordRating', 'reopenForDepartments'] },
            { target: 'closed', actions: 'recordRating' },
          ],
        },
      },
      reopened,
      // The new reply to a 差评: rated again, a second 差评 goes to the office (督办) as in v1.
      repliedAgain: {
        ...v1States.replied,
        meta: { ...(v1States.replied!.meta as StateMeta), label: { zh: '已重新答复', en: 'Replied again' } },
        on: {
          ...(v1States.replied!.on as object),
          rate: [
            { guard: 'poorRating', target: 'supervising', actions: 'recordRating' },
            { target: 'closed', actions: 'recordRating' },
          ],
        },
      },
    },
  } as unknown as typeof v1,
  {
    guards: {
      ...mailboxMachine.implementations.guards,
      poorRating: ({ event }: Args) => isPoorRatingEvent(event),
    },
    actions: {
      ...mailboxMachine.implementations.actions,
      recordRating: assign(({ event }: Args) => {
        const comment = (event.input as { comment?: string } | undefined)?.comment;
        return { rating: { value: ratingLevelOf(event)!, comment: comment || null } };
      }),
      // The same departments redraft; the writer's words are the note they answer to.
      reopenForDepartments: assign(({ context, event }: Args) => {
        const { comment, deadline } = (event.input ?? {}) as { comment?: string; deadline?: string };
        const assignments = context.assignments.map((x) => ({ ...x, status: 'drafting' as const, draft: null, note: comment || null }));
        return {
          assignments,
          draftingOrgs: assignments.map((x) => x.orgUnitId),
          round: context.round + 1,
          deadline: deadline ?? context.deadline,
        };
      }),
    },
  } as never,
);
