import { translator, type Locale } from '../i18n/translate';

type Params = Record<string, string | undefined>;

/**
 * A message as one line people read: the process, the step and the outcome
 * (体测免测申请 · 辅导员核实 · 已通过), so two offices' "核实通过" read apart. Messages written
 * before the step was stored read as they did then. One function for the message centre and the
 * outgoing channels (lib/notify/compose.ts), so both say the same.
 */
export function messageTitle(m: { kind: string; params: Params }, locale: Locale): string {
  const t = translator(locale);
  const p = m.params;
  const L = (zh?: string, en?: string) => (locale === 'zh' ? (zh ?? '') : (en || zh || ''));
  const title = L(p.titleZh, p.titleEn);
  const action = L(p.actionZh, p.actionEn);
  const step = L(p.stepZh, p.stepEn);
  const outcome = L(p.outcomeZh, p.outcomeEn) || action;
  switch (m.kind) {
    case 'task.new':
      return t('messages.titled', { title, step: L(p.stateZh, p.stateEn), outcome: t('messages.todo') });
    case 'instance.reminder':
      return t('messages.titled', { title, step: L(p.stateZh, p.stateEn), outcome: t('messages.reminded') });
    case 'instance.withdrawn':
      return t('messages.instanceWithdrawn', { title });
    case 'instance.cancelled':
      return t('messages.instanceCancelled', { title });
    case 'notice':
      return `${t('notify.kinds.notice')}：${title}`;
  }
  if (step) return t('messages.titled', { title, step, outcome });
  switch (m.kind) {
    case 'instance.completed':
      return t('messages.instanceCompleted', { title, action });
    case 'instance.rejected':
      return t('messages.instanceRejected', { title, action });
    default:
      return t('messages.instanceUpdate', { title, action: action || L(p.textZh, p.textEn) });
  }
}
