import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, orgUnits, processInstances } from '@/db/schema';
import { addDelay, loadWorkingCalendar, type WorkingCalendar } from '@/workflows/engine/calendar';
import type { Label } from '@/workflows/engine/types';
import type { MailboxContext } from '@/workflows/presidents-mailbox/machine';
import { RATINGS } from '@/workflows/presidents-mailbox/form';
import { SATISFACTION_LEVELS, satisfactionLevel, type SatisfactionLevel } from '../labels';
import { listLetterAttachments, type LetterAttachment } from './attachments';

export interface TrackStep {
  label: Label;
  at: string;
  /** Department names, a reason: what the writer may read about this step. */
  detail: Label | null;
}

export interface TrackView {
  category: string;
  subject: string;
  content: string;
  /** The writer's own files, served through their link: /api/v1/mailbox/track/{token}/attachments/{id}. */
  attachments: LetterAttachment[];
  anonymous: boolean;
  createdAt: string;
  status: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
  stage: 'received' | 'assigning' | 'handling' | 'replied' | 'reopened' | 'supervising' | 'closed' | 'notAccepted' | 'merged';
  /** The date the current step is held to (acceptance, then the reply deadline). */
  deadline: string | null;
  steps: TrackStep[];
  replies: Array<{ round: number; department: Label; text: string }>;
  followUp: string | null;
  /** The writer's 好差评, in words (lib/labels: one scale for every process). */
  rating: { level: SatisfactionLevel; label: Label; comment: string | null } | null;
  /** What the rating form offers, best first: the five levels (v2), or v1's three words for letters still on v1. */
  ratingChoices: Array<{ value: string; label: Label }>;
  canRate: boolean;
  canFollowUp: boolean;
  /** For a merged letter: the original it is handled with (its steps and reply, not its text). */
  mergedInto: Omit<TrackView, 'mergedInto' | 'content' | 'subject' | 'attachments'> | null;
}

const L = (zh: string, en: string): Label => ({ zh, en });
const ratingWords = (raw: unknown): Label | null => {
  const level = satisfactionLevel(raw);
  return level ? SATISFACTION_LEVELS[level] : null;
};
const FIVE_LEVELS = ([5, 4, 3, 2, 1] as const).map((n) => ({ value: String(n), label: SATISFACTION_LEVELS[n] }));
const V1_WORDS = RATINGS.map((w) => ({ value: w, label: SATISFACTION_LEVELS[satisfactionLevel(w)!] }));

function stageOf(state: string): TrackView['stage'] {
  const top = state.split(',')[0]!.split('.')[0]!;
  if (top === 'triage') return 'received';
  if (top === 'repliedAgain') return 'replied';
  return top as TrackView['stage'];
}

/**
 * What the writer sees of their letter: public steps only. Staff names, internal comments
 * (returns, transfer reasons) and reminders stay inside the office.
 */
export async function buildTrackView(db: Db, instanceId: string, given?: WorkingCalendar): Promise<TrackView> {
  const calendar = given ?? (await loadWorkingCalendar(db));
  const [row] = await db.select().from(processInstances).where(eq(processInstances.id, instanceId));
  if (!row) throw new Error(`letter ${instanceId} has no instance`);
  const [events, units, attachments] = await Promise.all([
    db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, instanceId)).orderBy(asc(instanceEvents.seq)),
    db.select({ id: orgUnits.id, zh: orgUnits.nameZh, en: orgUnits.nameEn }).from(orgUnits),
    listLetterAttachments(db, instanceId),
  ]);
  const unit = new Map(units.map((u) => [u.id, L(u.zh, u.en)]));
  const names = (ids: string[]): Label => ({
    zh: ids.map((id) => unit.get(id)?.zh ?? id).join('、'),
    en: ids.map((id) => unit.get(id)?.en ?? id).join(', '),
  });
  const context = (row.snapshot as { context: MailboxContext }).context;

  const steps: TrackStep[] = [];
  const push = (label: Label, at: Date, detail: Label | null = null) => steps.push({ label, at: at.toISOString(), detail });
  for (const e of events) {
    const form = ((e.payload as { form?: Record<string, unknown> }).form ?? {}) as Record<string, string & string[]>;
    switch (e.type) {
      case 'submit':
        push(L('已收到来信', 'Letter received'), e.at);
        break;
      case 'accept':
        push(L('已受理', 'Accepted'), e.at);
        break;
      case 'outOfScope':
        push(L('不予受理', 'Not accepted'), e.at, e.comment ? { zh: e.comment, en: e.comment } : null);
        break;
      case 'markDuplicate':
        push(L('与相同问题的来信合并办理', 'Merged with a letter on the same matter'), e.at);
        break;
      case 'assign':
        push(L('已交办承办部门', 'Assigned to'), e.at, names(form.departments ?? []));
        break;
      case 'submitDraft':
        push(L('承办部门已起草答复，校长办公室审核中', 'Reply drafted, under review by the office'), e.at);
        break;
      case 'returnDraft':
        push(L('答复退回承办部门完善', 'Reply sent back to the department for improvement'), e.at);
        break;
      case 'reassign':
        push(L('已转交其他部门办理', 'Transferred to another department'), e.at, names([form.toOrgUnitId as string]));
        break;
      case 'approveDraft':
        push(L('答复审核通过', 'Reply approved'), e.at);
        if (e.toState === 'replied' || e.toState === 'repliedAgain') push(L('已答复', 'Replied'), e.at);
        break;
      case 'rate':
        push(L('来信人已评价', 'Writer rated the reply'), e.at, ratingWords(form.rating));
        break;
      case 'followUp':
        push(L('来信人追问，承办部门继续办理', 'Follow-up question asked; the departments answer it'), e.at);
        break;
      case 'maintain':
        push(L('校长办公室维持原答复，已办结', 'The office keeps the reply; closed'), e.at, e.comment ? { zh: e.comment, en: e.comment } : null);
        break;
      case 'autoClose':
        push(L('已办结', 'Closed'), e.at);
        break;
      case 'acceptOverdue':
      case 'replyOverdue':
      case 'reopenOverdue':
        push(L('办理超时，已报校领导督办', 'Overdue: escalated to the school leadership'), e.at);
        break;
      case 'urge':
        push(L('校领导/校长办公室督办', 'Urged by the leadership / office'), e.at);
        break;
    }
    if (e.toState === 'supervising' && e.type === 'rate') push(L('不满意，已重新打开，校长办公室督办', 'Reopened for the office (督办)'), e.at);
    if (e.toState.startsWith('reopened') && e.type === 'rate') {
      push(L('差评已重新打开，承办部门须在 5 个工作日内重新答复', 'Reopened: the departments owe a new reply within 5 working days'), e.at);
    }
  }

  const stage = stageOf(row.state);
  const deadline =
    stage === 'received'
      ? addDelay(row.createdAt, { workingDays: 3 }, calendar).toISOString()
      : stage === 'handling' || stage === 'reopened'
        ? context.deadline
        : null;
  return {
    category: context.form.category,
    subject: context.form.subject,
    content: context.form.content,
    attachments,
    anonymous: context.form.anonymous,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    stage,
    deadline,
    steps,
    replies: context.replies.map((r) => ({ round: r.round, department: unit.get(r.orgUnitId) ?? L(r.orgUnitId, r.orgUnitId), text: r.text })),
    followUp: context.followUp,
    rating: context.rating ? { level: satisfactionLevel(context.rating.value)!, label: ratingWords(context.rating.value)!, comment: context.rating.comment } : null,
    ratingChoices: row.processVersion === 1 ? V1_WORDS : FIVE_LEVELS,
    canRate: stage === 'replied',
    canFollowUp: stage === 'replied' && context.followUp === null,
    mergedInto: null,
  };
}

/** The writer's view, following a merged letter to the one it is handled with. */
export async function trackLetter(db: Db, instanceId: string, calendar?: WorkingCalendar): Promise<TrackView> {
  const view = await buildTrackView(db, instanceId, calendar);
  if (view.stage !== 'merged') return view;
  const [row] = await db.select({ snapshot: processInstances.snapshot }).from(processInstances).where(eq(processInstances.id, instanceId));
  const original = (row!.snapshot as { context: MailboxContext }).context.duplicateOf;
  if (!original || original === instanceId) return view;
  // The original is someone else's letter: its text and files stay with it.
  const { content: _c, subject: _s, mergedInto: _m, attachments: _a, ...rest } = await buildTrackView(db, original, calendar);
  return { ...view, mergedInto: { ...rest, canRate: false, canFollowUp: false } };
}
