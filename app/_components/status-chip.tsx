import type { Translator } from '@/lib/i18n/translate';

const TONE: Record<string, string> = { active: '', completed: 'ok', rejected: 'danger', withdrawn: 'warn', cancelled: 'warn' };
const KEY = {
  active: 'instance.statusActive',
  completed: 'instance.statusCompleted',
  rejected: 'instance.statusRejected',
  withdrawn: 'instance.statusWithdrawn',
  cancelled: 'instance.statusCancelled',
} as const;

export function StatusChip({ status, t }: { status: string; t: Translator }) {
  const key = KEY[status as keyof typeof KEY] ?? KEY.active;
  return <span className={`chip ${TONE[status] ?? ''}`}>{t(key)}</span>;
}
