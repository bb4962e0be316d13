import { pick, type Translator } from '@/lib/i18n/translate';
import { SATISFACTION_LEVELS } from '@/lib/labels';
import { draftLabels, uploadLabels } from './form-labels';
import type { FieldSpec, ProcessFormLabels } from './process-form';

type Key = Parameters<Translator>[0];

export function processFormLabels(t: Translator): ProcessFormLabels {
  return {
    submit: t('form.submit'),
    submitting: t('form.submitting'),
    network: t('errors.network'),
    optional: t('processes.optional'),
    draft: draftLabels(t),
  };
}

const options = (t: Translator, group: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`processes.${group}.${value}` as Key) }));

const f = (t: Translator, name: string, kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind,
  label: t(`processes.f.${name}` as Key),
  ...extra,
});

const dates = (t: Translator) => [f(t, 'startDate', 'date'), f(t, 'endDate', 'date')];

export const FIELDS: Record<string, (t: Translator) => FieldSpec[]> = {
  'cadre-leave': (t) => [
    f(t, 'leaveType', 'select', { options: options(t, 'leaveType', ['annual', 'personal', 'sick', 'marriage', 'bereavement', 'family-visit', 'other']) }),
    ...dates(t),
    f(t, 'reason', 'textarea', { max: 500 }),
    f(t, 'deputy', 'person', { hint: t('processes.f.deputyHint'), max: 64 }),
    f(t, 'contact', 'tel', { hint: t('processes.f.contactHint'), max: 100 }),
  ],
  'cadre-leave-city-report': (t) => [
    f(t, 'destination', 'text', { max: 100 }),
    ...dates(t),
    f(t, 'contact', 'tel', { hint: t('processes.f.contactHint'), max: 100 }),
    f(t, 'note', 'textarea', { optional: true, max: 500 }),
  ],
  'cadre-private-travel': (t) => [
    f(t, 'countries', 'list', { hint: t('processes.f.countriesHint'), max: 300 }),
    ...dates(t),
    f(t, 'purpose', 'textarea', { max: 500 }),
    f(t, 'fundedBy', 'select', { options: options(t, 'fundedBy', ['self', 'family', 'other']) }),
    f(t, 'contact', 'tel', { hint: t('processes.f.contactHint'), max: 100 }),
  ],
  'insurance-opt-out': (t) => [
    f(t, 'insurer', 'text', { max: 100 }),
    f(t, 'note', 'textarea', { optional: true, max: 500 }),
    f(t, 'proof', 'files', { max: 5, upload: uploadLabels(t, t('processes.f.proof'), t('processes.f.proofHint')) }),
  ],
  'dorm-repair': (t) => repairFields(t, [f(t, 'category', 'select', { options: options(t, 'dormCategory', ['plumbing', 'electrical', 'doors-windows', 'furniture', 'appliance', 'network', 'other']) })]),
  'furniture-repair': (t) => repairFields(t, [f(t, 'category', 'select', { options: options(t, 'furnitureCategory', ['desk', 'chair', 'cabinet', 'shelf', 'sofa', 'other']) })]),
  'fire-equipment': (t) =>
    repairFields(t, [
      f(t, 'equipment', 'select', { options: options(t, 'equipment', ['extinguisher', 'hydrant-hose', 'smoke-detector', 'emergency-light', 'exit-sign', 'other']) }),
      f(t, 'request', 'select', { options: options(t, 'request', ['replace', 'equip']) }),
      f(t, 'quantity', 'number', { max: 50 }),
    ]),
};

/**
 * 一表通: who is asking, filled in from the person's record (name, 学号/工号 and college locked,
 * the phone editable): the fields of workflows/common/fields.ts `applicant`.
 */
const applicantFields = (t: Translator, phoneHint?: string): FieldSpec[] => [
  f(t, 'applicantName', 'text', { max: 100 }),
  f(t, 'campusId', 'text', { max: 100 }),
  f(t, 'orgName', 'text', { max: 100 }),
  f(t, 'phone', 'tel', { optional: true, max: 20, hint: phoneHint }),
];

/** Who is asking (filled in), then the location (what the repairer needs), what, and the photos from the phone. */
function repairFields(t: Translator, what: FieldSpec[]): FieldSpec[] {
  return [
    ...applicantFields(t, t('processes.f.phoneHint')),
    f(t, 'building', 'text', { max: 50 }),
    f(t, 'room', 'text', { max: 20 }),
    ...what,
    f(t, 'description', 'textarea', { hint: t('processes.f.descriptionHint'), max: 1000 }),
    f(t, 'photos', 'files', { max: 6, optional: true, upload: uploadLabels(t, t('processes.f.photos'), t('processes.f.photosHint')) }),
    f(t, 'preferredTime', 'text', { optional: true, max: 100 }),
  ];
}

/** Forms that task actions carry, by event type. */
export const EVENT_FIELDS: Record<string, (t: Translator) => FieldSpec[]> = {
  confirm: (t) => [
    // 好差评 in the five levels of GB/T 39734, stored as 5 (非常满意) … 1 (非常不满意).
    f(t, 'rating', 'select', { options: ([5, 4, 3, 2, 1] as const).map((v) => ({ value: String(v), label: pick(SATISFACTION_LEVELS[v], t('common.locale') === 'en' ? 'en' : 'zh') })) }),
    { name: 'comment', kind: 'textarea', label: t('processes.f.ratingComment'), optional: true, max: 500 },
  ],
  // 派单维修: who will come and when, if already known (dorm-repair's dispatchVisitSchema).
  dispatch: (t) => [
    f(t, 'worker', 'text', { optional: true, max: 50 }),
    f(t, 'workerPhone', 'tel', { optional: true, max: 20 }),
    f(t, 'plannedTime', 'text', { optional: true, max: 100, hint: t('processes.f.plannedTimeHint') }),
  ],
  markPaid: (t) => [f(t, 'receipt', 'files', { max: 3, upload: uploadLabels(t, t('processes.f.receipt'), t('processes.f.receiptHint')) })],
};
