import type { Label } from '@/workflows/engine/types';
import { allDefinitions } from '@/workflows/registry';
import { dictionary } from '../i18n/translate';

const same = (text: string): Label => ({ zh: text, en: text });

/**
 * A role (counselor → 辅导员), plus the pseudo-roles the event log records: 'applicant' and
 * 'system' (timers, integrations).
 */
export function roleLabel(role: string): Label {
  const zh = dictionary('zh').roles as Record<string, string>;
  const en = dictionary('en').roles as Record<string, string>;
  return zh[role] && en[role] ? { zh: zh[role], en: en[role] } : same(role);
}

/** A process by id: its current title (titles do not change between versions). */
export function processLabel(processId: string): Label {
  const found = allDefinitions().filter((d) => d.id === processId);
  return found.length > 0 ? found[found.length - 1]!.title : same(processId);
}

/** An instance status (active → 进行中), a task status (open → 待办理) or a delivery's (delivered → 已送达). */
export function statusLabel(status: string): Label {
  const words = (locale: 'zh' | 'en') => {
    const d = dictionary(locale);
    return { ...d.monitor.deliveryStatus, ...d.monitor.taskStatus, ...d.admin.status } as Record<string, string>;
  };
  const zh = words('zh')[status];
  const en = words('en')[status];
  return zh && en ? { zh, en } : same(status);
}
