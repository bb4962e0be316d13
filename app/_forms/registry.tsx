import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatMoney } from '@/lib/i18n/format';
import type { Translator } from '@/lib/i18n/translate';
import type { InstanceView } from '@/lib/instances/get-instance-view';
import type { PickablePerson } from '@/lib/instances/person-match';
import type { PrefilledField } from '@/lib/prefill/resolve-prefill';
import { FitnessForm } from './fitness-form';
import { fitnessLabels } from './form-labels';
import { HousingNoticeIssuer } from './housing-notice-issuer';
import { HousingPayGuide } from './housing-pay-guide';
import { EVENT_FIELDS, FIELDS, processFormLabels } from './process-fields';
import { ProcessForm, type FieldSpec, type FormDraft } from './process-form';

/**
 * Per-process UI: the application form, the resubmission form (filled in with what was sent),
 * and the form's fields as readers see them. A process without an entry here has no web form.
 */
/** What a page loaded for the form: the people its person fields may name (the applicant's colleagues). */
export interface FormContext {
  locale: 'zh' | 'en';
  people: PickablePerson[];
  /** The person's saved draft of a new application (null: none yet); absent: no drafts here. */
  draft?: FormDraft | null;
  /** 一表通: the fields the hall filled in from the person's profile (lib/prefill). */
  prefill?: Record<string, PrefilledField>;
}

export interface ProcessForms {
  apply(t: Translator, ctx?: FormContext): ReactNode;
  revise(t: Translator, view: InstanceView, ctx?: FormContext): ReactNode;
  facts(t: Translator, view: InstanceView, locale?: 'zh' | 'en'): Array<[string, string]>;
  /** Actions that carry a form (confirm with a rating, mark paid with a receipt, edit): shown as forms, not buttons. */
  eventForms?: Record<string, (t: Translator, view: InstanceView) => ReactNode>;
  /** What the person an issued notice is addressed to must do next (how to pay), while it waits on them. */
  recipientGuide?: (t: Translator, view: InstanceView, today: string) => ReactNode;
}

function filesOf(view: InstanceView, ids: unknown) {
  return view.attachments.filter((a) => Array.isArray(ids) && ids.includes(a.id));
}

/** A form for an event of an instance, filled in with the instance's form where the fields match. */
function eventForm(processId: string, fields: FieldSpec[], type: string, submitLabel: string, view: InstanceView, t: Translator, filled: boolean) {
  const initialFiles = filled
    ? Object.fromEntries(fields.filter((f) => f.kind === 'files').map((f) => [f.name, filesOf(view, view.form[f.name])]))
    : {};
  return (
    <ProcessForm
      processId={processId}
      fields={fields}
      labels={processFormLabels(t)}
      initial={filled ? view.form : {}}
      initialFiles={initialFiles}
      event={{ instanceId: view.id, type, expectedRevision: view.revision, submitLabel }}
    />
  );
}

function factsOf(fields: FieldSpec[], view: InstanceView, locale: 'zh' | 'en'): Array<[string, string]> {
  return fields
    .filter((f) => f.kind !== 'files' && view.form[f.name] !== undefined && view.form[f.name] !== '')
    .map((f) => {
      const v = view.form[f.name];
      const shown = Array.isArray(v) ? v.join('、') : String(v);
      if (f.kind === 'person') {
        // A person by name and department (王五 · 党委组织部), their 工号 only as the tie-breaker.
        const who = view.people[shown];
        return [f.label, who ? `${who.name}（${who.orgName[locale]} · ${shown}）` : shown];
      }
      return [f.label, f.options?.find((o) => o.value === shown)?.label ?? shown];
    });
}

/** The fields with the page's people put into their pickers. */
function withPeople(fields: FieldSpec[], t: Translator, ctx?: FormContext): FieldSpec[] {
  return fields.map((f) =>
    f.kind === 'person'
      ? { ...f, person: { people: ctx?.people ?? [], locale: ctx?.locale ?? 'zh', labels: { legend: f.label, search: t('processes.personSearch'), none: t('processes.noPeople') } } }
      : f,
  );
}

/** The fields with what the hall knows filled in, and where it came from in the person's words. */
function withPrefill(fields: FieldSpec[], t: Translator, ctx?: FormContext): FieldSpec[] {
  return fields.map((f) => {
    const known = ctx?.prefill?.[f.name];
    if (!known) return f;
    const source = t(`forms.prefillSources.${known.source}`);
    return { ...f, prefilled: { value: known.value, locked: known.locked, note: t(known.locked ? 'forms.prefillLocked' : 'forms.prefillFrom', { source }) } };
  });
}

/** 销假: the day the cadre was back, with the leave's dates beside it (the engine checks the rule). */
function reportBackFields(t: Translator, view: InstanceView): FieldSpec[] {
  const hint = t('forms.returnedOnHint', { start: String(view.form.startDate ?? ''), end: String(view.form.endDate ?? '') });
  return [{ name: 'returnedOn', kind: 'date', label: t('forms.returnedOn'), hint }];
}

/** The seed's processes, declared by their fields (app/_forms/process-fields.ts). */
function declared(processId: string): ProcessForms {
  const fields = FIELDS[processId]!;
  const confirm = { confirm: (t: Translator, view: InstanceView) => eventForm(processId, EVENT_FIELDS.confirm!(t), 'confirm', t('processes.confirmTitle'), view, t, false) };
  return {
    apply: (t, ctx) => <ProcessForm processId={processId} fields={withPrefill(withPeople(fields(t), t, ctx), t, ctx)} labels={processFormLabels(t)} draft={ctx?.draft} />,
    revise: (t, view, ctx) => eventForm(processId, withPeople(fields(t), t, ctx), 'resubmit', t('form.resubmit'), view, t, true),
    facts: (t, view, locale) => factsOf(fields(t), view, locale ?? 'zh'),
    eventForms:
      processId === 'cadre-leave'
        ? { reportBack: (t, view) => eventForm(processId, reportBackFields(t, view), 'reportBack', t('forms.reportBack'), view, t, false) }
        : processId === 'cadre-leave-city-report'
        ? { edit: (t, view) => eventForm(processId, fields(t), 'edit', t('processes.editTitle'), view, t, true) }
        : ['dorm-repair', 'furniture-repair', 'fire-equipment'].includes(processId)
          ? confirm
          : undefined,
  };
}

const FORMS: Record<string, ProcessForms> = {
  'fitness-test-exemption': {
    apply: (t, ctx) => <FitnessForm labels={fitnessLabels(t)} draft={ctx?.draft} />,
    revise: (t, view) => (
      <FitnessForm
        labels={fitnessLabels(t)}
        instanceId={view.id}
        expectedRevision={view.revision}
        submitLabel={t('form.resubmit')}
        initial={{
          kind: view.form.kind as 'exempt' | 'defer',
          reason: String(view.form.reason ?? ''),
          evidence: view.attachments.filter((a) => (view.form.evidence as string[] | undefined)?.includes(a.id)),
        }}
      />
    ),
    facts: (t, view) => [
      [t('form.kind'), view.form.kind === 'defer' ? t('form.defer') : t('form.exempt')],
      [t('form.reason'), String(view.form.reason ?? '')],
    ],
  },
  // Letters are written on the public page (no login needed); signed-in writers are recognised there.
  'presidents-mailbox': {
    apply: (t) => (
      <Link className="btn" href="/mailbox/write">
        {t('mailbox.write')}
      </Link>
    ),
    revise: () => null,
    facts: (t, view) => [
      [t('mailbox.category'), t(`mailbox.categories.${String(view.form.category) as 'other'}`)],
      [t('mailbox.subject'), String(view.form.subject ?? '')],
      [t('mailbox.content'), String(view.form.content ?? '')],
    ],
  },
};

for (const id of Object.keys(FIELDS)) FORMS[id] = declared(id);

// 后勤处 dispatches with who will come and when (optional): a form, not a bare button.
FORMS['dorm-repair'] = {
  ...FORMS['dorm-repair']!,
  eventForms: {
    ...FORMS['dorm-repair']!.eventForms,
    dispatch: (t, view) => eventForm('dorm-repair', EVENT_FIELDS.dispatch!(t), 'dispatch', t('processes.repairs.dispatchTitle'), view, t, false),
  },
};

FORMS['housing-payment-notice'] = {
  apply: (t) => (
    <HousingNoticeIssuer
      labels={{
        intro: t('processes.notices.intro'),
        csv: t('processes.notices.csv'),
        file: t('processes.notices.file'),
        check: t('processes.notices.check'),
        checked: t('processes.notices.checked'),
        issue: t('processes.notices.issue'),
        progress: t('processes.notices.progress'),
        done: t('processes.notices.done'),
        ledger: t('housing.ledger.link'),
        network: t('errors.network'),
      }}
    />
  ),
  revise: () => null,
  facts: (t, view) => [
    [t('processes.f.room'), String(view.form.room ?? '')],
    [t('processes.f.period'), String(view.form.period ?? '')],
    [t('processes.f.amount'), formatMoney(String(view.form.amount ?? ''))],
    [t('processes.f.dueDate'), String(view.form.dueDate ?? '')],
  ],
  recipientGuide: (t, view, today) => <HousingPayGuide t={t} view={view} today={today} />,
  eventForms: {
    markPaid: (t, view) => eventForm('housing-payment-notice', EVENT_FIELDS.markPaid!(t), 'markPaid', t('processes.paidTitle'), view, t, false),
  },
};

export function formsFor(processId: string): ProcessForms | undefined {
  return FORMS[processId];
}

/** Fallback for processes without a registered view: plain scalar fields. */
export function genericFacts(view: InstanceView): Array<[string, string]> {
  return Object.entries(view.form)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => [k, String(v)]);
}
