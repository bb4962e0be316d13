import type { ProcessDefinition } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';

/** GeoReport service codes = our repair process ids (the input contract below is theirs). */
export const REPAIR_PROCESS_IDS = ['dorm-repair', 'furniture-repair', 'fire-equipment'] as const;

export const REPAIR_CATEGORIES = [
  ['plumbing', '水路', 'Plumbing'],
  ['electrical', '电路', 'Electrical'],
  ['doors-windows', '门窗', 'Doors and windows'],
  ['furniture', '家具', 'Furniture'],
  ['appliance', '电器', 'Appliance'],
  ['network', '网络', 'Network'],
  ['other', '其他', 'Other'],
] as const;

/** The repair definitions that exist in this build (they ship on another branch). */
export function repairDefinitions(): ProcessDefinition[] {
  const found: ProcessDefinition[] = [];
  for (const id of REPAIR_PROCESS_IDS) {
    try {
      found.push(getDefinition(id));
    } catch {
      // Not registered (yet): the service is simply not offered.
    }
  }
  return found;
}

export function repairDefinition(code: string): ProcessDefinition | null {
  return repairDefinitions().find((d) => d.id === code) ?? null;
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export function describeService(d: ProcessDefinition, locale: 'zh' | 'en'): Open311Service {
  return {
    service_code: d.id,
    service_name: d.title[locale],
    description: d.summary[locale],
    metadata: true,
    type: 'realtime',
    keywords: locale === 'zh' ? '报修,维修' : 'repair',
    group: locale === 'zh' ? '校园报修' : 'Campus repairs',
  };
}

/** The service definition: the attributes a client must send, from our input contract. */
export function serviceAttributes(code: string, locale: 'zh' | 'en') {
  const zh = locale === 'zh';
  const attr = (code: string, order: number, description: string, required: boolean, datatype: string, values?: Array<{ key: string; name: string }>) => ({
    variable: true,
    code,
    datatype,
    required,
    datatype_description: '',
    order,
    description,
    ...(values ? { values } : {}),
  });
  return {
    service_code: code,
    attributes: [
      attr('building', 1, zh ? '楼栋（1–50 字）' : 'Building (1–50 characters)', true, 'string'),
      attr('room', 2, zh ? '房间号（1–20 字）' : 'Room (1–20 characters)', true, 'string'),
      attr('category', 3, zh ? '故障类别' : 'Category', true, 'singlevaluelist', REPAIR_CATEGORIES.map(([key, z, e]) => ({ key, name: zh ? z : e }))),
      attr('preferred_time', 4, zh ? '希望上门时间（可选）' : 'Preferred visit time (optional)', false, 'string'),
    ],
  };
}
