import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { startInstance } from '@/workflows/engine/start-instance';
import { authorizeInstance, isAdmin, isUuid } from '../policy';
import { lockFacts } from '../prefill/prefill-form';
import { REPAIR_CATEGORIES, REPAIR_PROCESS_IDS, repairDefinition } from './services';

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  requested_datetime: string;
  updated_datetime: string;
  address: string;
}

const CATEGORY_KEYS = new Set<string>(REPAIR_CATEGORIES.map(([k]) => k));

/**
 * Maps a GeoReport POST (form fields, `attribute[building]` …) to the repair input contract:
 * { building, room, category, description, photos: [], preferredTime?, phone? }. Validation is the
 * process's own zod schema, so Open311 clients get exactly the checks the portal form gets.
 */
export function toRepairInput(form: URLSearchParams): Record<string, unknown> {
  const attr = (k: string) => form.get(`attribute[${k}]`)?.trim() ?? undefined;
  const category = attr('category');
  const input: Record<string, unknown> = {
    building: attr('building'),
    room: attr('room'),
    // An unknown category is passed on as given so the schema reports it.
    category: category && CATEGORY_KEYS.has(category) ? category : (category ?? undefined),
    description: form.get('description')?.trim(),
    photos: [],
  };
  const preferred = attr('preferred_time');
  if (preferred) input.preferredTime = preferred;
  // GeoReport v2's own `phone`: how the repairer reaches the requester.
  const phone = form.get('phone')?.trim();
  if (phone) input.phone = phone;
  return input;
}

export async function createServiceRequest(db: Db, actor: Actor, form: URLSearchParams, now: Date) {
  const code = form.get('service_code') ?? '';
  const definition = repairDefinition(code);
  if (!definition) {
    throw new AppError('NOT_FOUND', `service ${code}`, { zh: `没有这个服务：${code}`, en: `No such service: ${code}` });
  }
  // 一表通: the requester's name, 学号/工号 and college come from their record, as on the portal form.
  const input = await lockFacts(db, actor.id, definition, toRepairInput(form));
  const { instance } = await startInstance(db, { processId: definition.id, actor, input, now });
  return [{ service_request_id: instance.id, service_notice: '', account_id: actor.id }];
}

function toRequest(row: typeof processInstances.$inferSelect, locale: 'zh' | 'en'): Open311Request {
  const definition = repairDefinition(row.processId);
  const form = ((row.snapshot as { context?: { form?: Record<string, string> } }).context?.form ?? {}) as Record<string, string>;
  return {
    service_request_id: row.id,
    status: row.status === 'active' ? 'open' : 'closed',
    status_notes: row.status === 'active' ? row.state : row.status,
    service_name: definition?.title[locale] ?? row.processId,
    service_code: row.processId,
    description: form.description ?? '',
    agency_responsible: locale === 'zh' ? '后勤处' : 'Logistics',
    requested_datetime: row.createdAt.toISOString(),
    updated_datetime: row.updatedAt.toISOString(),
    address: [form.building, form.room].filter(Boolean).join(' '),
  };
}

/** One request, for someone who may see it (else 404: an outsider learns nothing). */
export async function getServiceRequest(db: Db, actor: Actor, id: string, locale: 'zh' | 'en'): Promise<Open311Request[]> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', `request ${id}`);
  await authorizeInstance(db, actor, 'instance.view', id);
  const [row] = await db.select().from(processInstances).where(eq(processInstances.id, id));
  if (!row || !(REPAIR_PROCESS_IDS as readonly string[]).includes(row.processId)) throw new AppError('NOT_FOUND', `request ${id}`);
  return [toRequest(row, locale)];
}

/**
 * The caller's repair requests (an admin's: everyone's), newest first, filtered as GeoReport
 * allows: service_request_id list, service_code, status, start_date/end_date. At most 1000.
 */
export async function listServiceRequests(db: Db, actor: Actor, query: URLSearchParams, locale: 'zh' | 'en'): Promise<Open311Request[]> {
  const ids = query.get('service_request_id')?.split(',').map((s) => s.trim()).filter(isUuid);
  const code = query.get('service_code');
  const status = query.get('status');
  const start = query.get('start_date') ? new Date(query.get('start_date')!) : null;
  const end = query.get('end_date') ? new Date(query.get('end_date')!) : null;
  if ((start && isNaN(start.getTime())) || (end && isNaN(end.getTime())) || (status && status !== 'open' && status !== 'closed')) {
    throw new AppError('INVALID_INPUT', 'bad filter', { zh: '查询参数格式错误', en: 'Malformed query parameters' });
  }
  const rows = await db
    .select()
    .from(processInstances)
    .where(
      and(
        inArray(processInstances.processId, code ? [code] : [...REPAIR_PROCESS_IDS]),
        // Demo history (【示例】) is no request anyone made: a connected system never sees it.
        eq(processInstances.sample, false),
        isAdmin(actor) ? undefined : eq(processInstances.applicantId, actor.id),
        ids ? inArray(processInstances.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    )
    .orderBy(desc(processInstances.createdAt))
    .limit(1000);
  return rows
    .filter((r) => !start || r.createdAt >= start)
    .filter((r) => !end || r.createdAt <= end)
    .map((r) => toRequest(r, locale))
    .filter((r) => !status || r.status === status);
}
