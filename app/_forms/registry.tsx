import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Translator } from '@/lib/i18n/translate';
import type { InstanceView } from '@/lib/instances/get-instance-view';
import { FitnessForm } from './fitness-form';
import { fitnessLabels } from './form-labels';

/**
 * Per-process UI: the application form, the resubmission form (filled in with what was sent),
 * and the form's fields as readers see them. A process without an entry here has no web form.
 */
export interface ProcessForms {
  apply(t: Translator): ReactNode;
  revise(t: Translator, view: InstanceView): ReactNode;
  facts(t: Translator, view: InstanceView): Array<[string, string]>;
}

const FORMS: Record<string, ProcessForms> = {
  'fitness-test-exemption': {
    apply: (t) => <FitnessForm labels={fitnessLabels(t)} />,
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

export function formsFor(processId: string): ProcessForms | undefined {
  return FORMS[processId];
}

/** Fallback for processes without a registered view: plain scalar fields. */
export function genericFacts(view: InstanceView): Array<[string, string]> {
  return Object.entries(view.form)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => [k, String(v)]);
}
