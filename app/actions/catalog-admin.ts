'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { CATALOG_STATUSES } from '@/db/schema';
import { action } from '@/lib/actions/action';
import { changeServiceStatus, deleteService, importCatalogCsv, saveService } from '@/lib/catalog/manage-catalog';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { toErrorBody } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/server';
import { authorize } from '@/lib/policy';

export interface FormState {
  ok?: string;
  error?: string;
  problems?: string[];
}

const str = (form: FormData, key: string) => String(form.get(key) ?? '');

/** The entry as the admin form sends it; the zod schema in lib/catalog checks it. */
function entryFromForm(form: FormData) {
  return {
    code: str(form, 'code'),
    nameZh: str(form, 'nameZh'),
    nameEn: str(form, 'nameEn'),
    keywords: str(form, 'keywords'),
    theme: str(form, 'theme'),
    departmentId: str(form, 'departmentId'),
    audience: form.getAll('audience').map(String),
    channels: form.getAll('channels').map(String),
    buildMode: str(form, 'buildMode'),
    processId: str(form, 'processId'),
    externalUrl: str(form, 'externalUrl'),
    status: str(form, 'status'),
    testers: str(form, 'testers')
      .split(/[|,，、\s]+/)
      .filter(Boolean),
    guide: {
      whoZh: str(form, 'whoZh'),
      whoEn: str(form, 'whoEn'),
      materialsZh: str(form, 'materialsZh'),
      materialsEn: str(form, 'materialsEn'),
      timeLimitZh: str(form, 'timeLimitZh'),
      timeLimitEn: str(form, 'timeLimitEn'),
      contact: str(form, 'contact'),
    },
  };
}

async function failure(error: unknown): Promise<FormState> {
  const { locale } = await getTranslator();
  const { body } = toErrorBody(error, locale);
  const fields = body.error.fields ? Object.entries(body.error.fields).map(([k, v]) => `${k}: ${v}`) : undefined;
  return { error: body.error.message, problems: fields };
}

const idSchema = z.uuid();

export const saveServiceAction = action(
  z.object({}).loose(),
  async (_input, { user, form }): Promise<FormState> => {
    authorize(user, 'catalog.manage');
    const idRaw = form.get('id');
    const id = idRaw ? idSchema.safeParse(idRaw).data : undefined;
    if (idRaw && !id) return { error: 'bad id' };
    let savedId: string;
    try {
      const db = await getDb();
      savedId = await saveService(db, user, entryFromForm(form), await now(db), id);
    } catch (error) {
      return failure(error);
    }
    revalidatePath('/services');
    if (!id) redirect(`/admin/catalog/${savedId}`);
    const { t } = await getTranslator();
    return { ok: t('portal.saved') };
  },
  { permission: 'catalog.manage', onError: (p): FormState => ({ error: p.message }) },
);

const statusSchema = z.object({ id: z.uuid(), to: z.enum(CATALOG_STATUSES), reason: z.string().max(2000) });

export const changeStatusAction = action(
  z.object({}).loose(),
  async (_input, { user, form }): Promise<FormState> => {
    authorize(user, 'catalog.manage');
    const parsed = statusSchema.safeParse({ id: form.get('id'), to: form.get('to'), reason: form.get('reason') ?? '' });
    if (!parsed.success) {
      const { t } = await getTranslator();
      return { error: t('errors.INVALID_INPUT') };
    }
    try {
      const db = await getDb();
      await changeServiceStatus(db, user, parsed.data.id, parsed.data.to, parsed.data.reason, await now(db));
    } catch (error) {
      return failure(error);
    }
    revalidatePath('/services');
    redirect(`/admin/catalog/${parsed.data.id}`);
  },
  { permission: 'catalog.manage', onError: (p): FormState => ({ error: p.message }) },
);

export const deleteServiceAction = action(
  z.object({}).loose(),
  async (_input, { user, form }): Promise<FormState> => {
    authorize(user, 'catalog.manage');
    const id = idSchema.safeParse(form.get('id'));
    if (!id.success) return { error: 'bad id' };
    try {
      await deleteService(await getDb(), user, id.data);
    } catch (error) {
      return failure(error);
    }
    revalidatePath('/services');
    redirect('/admin/catalog');
  },
  { permission: 'catalog.manage', onError: (p): FormState => ({ error: p.message }) },
);

export const importCatalogAction = action(
  z.object({}).loose(),
  async (_input, { user, form }): Promise<FormState> => {
    authorize(user, 'catalog.manage');
    const file = form.get('file');
    const { t, locale } = await getTranslator();
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    try {
      const db = await getDb();
      const result = await importCatalogCsv(db, user, bytes, await now(db));
      if (!result.ok) {
        return {
          error: t('portal.importFailed'),
          problems: result.problems.map((p) => `${p.line ? `${t('portal.line', { line: p.line })}：` : ''}${locale === 'zh' ? p.zh : p.en}`),
        };
      }
      revalidatePath('/services');
      return { ok: t('portal.importDone', { created: result.created, updated: result.updated, encoding: result.encoding.toUpperCase() }) };
    } catch (error) {
      return failure(error);
    }
  },
  { permission: 'catalog.manage', onError: (p): FormState => ({ error: p.message }) },
);
