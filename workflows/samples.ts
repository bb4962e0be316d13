/**
 * Sample inputs per process for the statechart path tests: each entry is one way the machine's
 * context can look (e.g. a short and a long leave), and the event inputs its events carry.
 * Pure data, no DB: the path tests drive machines with xstate's pure `transition`.
 */
import type { WorkflowEvent } from './engine/types';

const UUID = '00000000-0000-4000-8000-000000000001';
const base = { applicantId: UUID };
const rating = { rating: 5, comment: '很快修好了' };
/** v1 repairs close on any rating; from v2 a 差评 (1 非常不满意, 2 不满意) reopens them. */
const ratings = { confirm: [{ input: rating }, { input: { rating: 2, comment: '还是漏水', deadline: '2026-12-08T10:00:00.000Z' } }] };

export interface ProcessSamples {
  /** applicantId is null for letters written without an account (校长信箱). */
  contexts: Array<{ form: Record<string, unknown>; applicantId: string | null }>;
  eventInputs?: Record<string, unknown>;
  /**
   * Several versions of one event type where one input is not enough to take every transition:
   * each is sent as its own event (e.g. every rating; for tasks opened per department, the
   * department whose task the actor worked, as the engine passes it in taskOrgUnitId).
   */
  eventVariants?: Record<string, Array<Pick<WorkflowEvent, 'input' | 'taskOrgUnitId' | 'comment'>>>;
}

const location = { building: '华山区 12 栋', room: '305', description: '水龙头一直漏水，关不紧', photos: [UUID], preferredTime: '工作日晚上' };
const letter = { category: 'suggestion', subject: '食堂排队', content: '午饭高峰排队太久', anonymous: true, consentPublish: false, attachments: [] };
const leave = { leaveType: 'personal', reason: '家事', deputy: 'cadre', contact: '13800000000', startDate: '2027-03-01' };

export const SAMPLES: Record<string, ProcessSamples> = {
  'fitness-test-exemption': {
    contexts: [{ ...base, form: { kind: 'exempt', reason: '膝关节韧带损伤', evidence: [UUID] } }],
    eventInputs: { resubmit: { kind: 'defer', reason: '膝关节韧带损伤，术后恢复', evidence: [UUID] } },
  },
  'cadre-leave': {
    contexts: [
      { ...base, form: { ...leave, endDate: '2027-03-02' } },
      { ...base, form: { ...leave, endDate: '2027-03-12' } },
    ],
    eventInputs: { resubmit: { ...leave, endDate: '2027-03-03' } },
  },
  'cadre-leave-city-report': {
    contexts: [{ ...base, form: { destination: '北京', contact: '13800000000', startDate: '2027-02-06', endDate: '2027-02-12' } }],
    eventInputs: { edit: { destination: '上海', contact: '13800000000', startDate: '2027-02-07', endDate: '2027-02-12' } },
  },
  'cadre-private-travel': {
    contexts: [
      {
        ...base,
        form: { countries: ['日本'], purpose: '探亲', fundedBy: 'self', contact: '+81 90 0000 0000', startDate: '2027-07-10', endDate: '2027-07-20' },
      },
    ],
    eventInputs: {
      resubmit: { countries: ['日本', '韩国'], purpose: '探亲旅游', fundedBy: 'self', contact: '+81 90 0000 0000', startDate: '2027-07-10', endDate: '2027-07-25' },
    },
  },
  'insurance-opt-out': {
    contexts: [{ ...base, form: { insurer: '湛江市城镇职工医保', proof: [UUID] } }],
    eventInputs: { resubmit: { insurer: '湛江市城乡居民医保', proof: [UUID] } },
  },
  'dorm-repair': { contexts: [{ ...base, form: { ...location, category: 'plumbing' } }], eventVariants: ratings },
  'furniture-repair': {
    contexts: [{ ...base, form: { ...location, category: 'chair' } }],
    eventInputs: { resubmit: { ...location, category: 'desk' } },
    eventVariants: ratings,
  },
  'fire-equipment': {
    contexts: [{ ...base, form: { ...location, equipment: 'extinguisher', request: 'replace', quantity: 2 } }],
    eventInputs: { resubmit: { ...location, equipment: 'extinguisher', request: 'equip', quantity: 3 } },
    eventVariants: ratings,
  },
  'housing-payment-notice': {
    contexts: [{ ...base, form: { tenant: 'cadre', room: '周转房 3-201', period: '2026年12月', amount: '650.00', dueDate: '2026-12-31' } }],
    eventInputs: { markPaid: { receipt: [UUID] } },
  },
  // One department is enough: its draft is approved, sent back, or transferred to another one.
  'presidents-mailbox': {
    contexts: [{ applicantId: null, form: letter }],
    eventInputs: {
      assign: { departments: ['logistics'], deadline: '2026-12-15T10:00:00.000Z' },
      approveDraft: { orgUnitId: 'logistics' },
      returnDraft: { orgUnitId: 'logistics' },
      reassign: { orgUnitId: 'logistics', toOrgUnitId: 'assets' },
      markDuplicate: { duplicateOf: UUID },
      followUp: { question: '新窗口什么时候开？' },
    },
    eventVariants: {
      submitDraft: [{ taskOrgUnitId: 'logistics', input: { reply: '已增开两个窗口' } }],
      requestTransfer: [{ taskOrgUnitId: 'logistics', comment: '归资产处管' }],
      // v1 rates in three words, v2 in the five levels of 好差评 (1 非常不满意 … 5 非常满意).
      rate: [
        { input: { rating: 'unsatisfied', comment: '还是排队' } },
        { input: { rating: 'satisfied' } },
        { input: { rating: 1, comment: '还是排队', deadline: '2026-12-08T10:00:00.000Z' } },
        { input: { rating: 5 } },
      ],
    },
  },
};

/** Events happen before any sample's start date, so "until it starts" guards pass. */
export const SAMPLE_EVENT_AT = '2026-12-01T02:00:00.000Z';
