import type { Translator } from '@/lib/i18n/translate';
import type { FileUploadLabels } from '../_components/file-upload';
import type { FitnessFormLabels } from './fitness-form';
import type { DraftLabels } from './form-draft';

export function uploadLabels(t: Translator, label: string, hint: string): FileUploadLabels {
  return {
    label,
    hint,
    addFile: t('form.addFile'),
    uploading: t('form.uploading'),
    uploaded: t('form.uploaded'),
    remove: t('form.remove'),
    network: t('errors.network'),
  };
}

export function fitnessLabels(t: Translator): FitnessFormLabels {
  return {
    kind: t('form.kind'),
    exempt: t('form.exempt'),
    defer: t('form.defer'),
    exemptHint: t('form.exemptHint'),
    deferHint: t('form.deferHint'),
    reason: t('form.reason'),
    reasonHint: t('form.reasonHint'),
    chars: t('form.chars'),
    submit: t('form.submit'),
    submitting: t('form.submitting'),
    network: t('errors.network'),
    upload: uploadLabels(t, t('form.evidence'), t('form.evidenceHint')),
    draft: draftLabels(t),
  };
}

/** 草稿: the status line and the delete button of a new application's draft, on every form. */
export function draftLabels(t: Translator): DraftLabels {
  return {
    saving: t('forms.draftSaving'),
    saved: t('forms.draftSaved'),
    failed: t('forms.draftFailed'),
    restored: t('forms.draftRestored'),
    discard: t('forms.draftDiscard'),
    discarded: t('forms.draftDiscarded'),
  };
}
