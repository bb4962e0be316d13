import type { Metadata } from 'next';
import { NOTIFY_CHANNELS } from '@/db/schema';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';
import { getPreferences, MUTABLE_KINDS, offeredChannels } from '@/lib/notify/preferences';
import { PrefsForm } from './prefs-form';
import { PushToggle } from './push-toggle';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('notify.prefs.title') };
}

const KIND_KEY = {
  'task.new': 'taskNew',
  'instance.update': 'instanceUpdate',
  'instance.completed': 'instanceCompleted',
  'instance.rejected': 'instanceRejected',
  notice: 'notice',
} as const;

/** 我的 → 通知设置: channels, per-kind opt-outs, digests; this device's Web Push. */
export default async function NotificationSettingsPage() {
  const user = await requireUserPage();
  const { t } = await getTranslator();
  const cfg = env().notify;
  const offered = offeredChannels(cfg);
  const prefs = await getPreferences(await getDb(), user.id, offered);
  return (
    <>
      <h1>{t('notify.prefs.title')}</h1>
      <p className="muted">{t('notify.prefs.intro')}</p>
      <section className="card">
        <PrefsForm
          channels={NOTIFY_CHANNELS.map((c) => ({
            value: c,
            label: `${t(`notify.channels.${c}`)}${offered.includes(c) ? '' : ` ${t('notify.prefs.notConfigured')}`}`,
            checked: offered.includes(c) && prefs.channels.includes(c),
            disabled: !offered.includes(c),
          }))}
          kinds={MUTABLE_KINDS.map((k) => ({ value: k, label: t(`notify.kinds.${KIND_KEY[k]}`), checked: !prefs.mutedKinds.includes(k) }))}
          digest={prefs.digest}
          labels={{
            channels: t('notify.prefs.channels'),
            kinds: t('notify.prefs.kinds'),
            digest: t('notify.prefs.digest'),
            save: t('notify.prefs.save'),
            saved: t('notify.prefs.saved'),
          }}
        />
        <p className="muted">{t('notify.prefs.quiet')}</p>
      </section>
      {cfg.webpush ? (
        <section className="card" aria-labelledby="push-title">
          <h2 id="push-title">{t('notify.prefs.push')}</h2>
          <PushToggle
            vapidPublicKey={cfg.webpush.publicKey}
            labels={{
              on: t('notify.prefs.pushOn'),
              off: t('notify.prefs.pushOff'),
              unsupported: t('notify.prefs.pushUnsupported'),
              denied: t('notify.prefs.pushDenied'),
              enabled: t('notify.prefs.pushEnabled'),
            }}
          />
        </section>
      ) : null}
    </>
  );
}
