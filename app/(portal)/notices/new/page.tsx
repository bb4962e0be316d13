import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { asc } from 'drizzle-orm';
import { orgUnits, ROLES } from '@/db/schema';
import { requireUserPage } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { NoticeForm } from './notice-form';
import '../../../_styles/notify.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('notify.notices.new') };
}

export default async function NewNoticePage() {
  const user = await requireUserPage();
  if (!can(user, 'notice.compose')) notFound();
  const { t, locale } = await getTranslator();
  const units = await (await getDb()).select().from(orgUnits).orderBy(asc(orgUnits.sort));
  const n = (k: string) => t(`notify.notices.${k}` as 'notify.notices.title');
  return (
    <>
      <h1>{t('notify.notices.new')}</h1>
      <section className="card">
        <NoticeForm
          orgs={units.map((u) => ({ id: u.id, name: locale === 'zh' ? u.nameZh : u.nameEn }))}
          roles={ROLES.map((r) => ({ id: r, name: t(`roles.${r}` as 'roles.counselor') }))}
          labels={{
            noticeTitle: n('noticeTitle'),
            body: n('body'),
            requiresAck: n('requiresAck'),
            urgent: n('urgent'),
            target: n('target'),
            byOrg: n('byOrg'),
            byRole: n('byRole'),
            byList: n('byList'),
            org: n('org'),
            role: n('role'),
            anyRole: n('anyRole'),
            list: n('list'),
            listFile: n('listFile'),
            preview: n('preview'),
            previewCount: t('notify.notices.previewCount', { count: '{count}' }),
            unknown: t('notify.notices.unknown', { count: '{count}', ids: '{ids}' }),
            send: n('send'),
          }}
          uploadLabels={{
            label: n('attachment'),
            hint: '',
            addFile: t('form.addFile'),
            uploading: t('form.uploading', { percent: '{percent}' }),
            uploaded: t('form.uploaded'),
            remove: t('form.remove'),
            network: t('errors.network'),
          }}
        />
      </section>
    </>
  );
}
