import { z } from 'zod';

/**
 * The notification channels' environment, merged into lib/env.ts. Every channel is optional:
 * it is on when its required variables are present, and half a configuration is an error at start.
 */
export const notifySchema = {
  /** Where links in e-mails, WeChat Work cards and pushes point (the portal's public address). */
  PUBLIC_URL: z.string().url().optional(),
  WECOM_CORP_ID: z.string().min(1).optional(),
  WECOM_AGENT_SECRET: z.string().min(1).optional(),
  WECOM_AGENT_ID: z.coerce.number().int().positive().optional(),
  /** The WeChat Work API; a stand-in's address in tests. */
  WECOM_BASE_URL: z.string().url().default('https://qyapi.weixin.qq.com'),
  /** smtp://user:pass@host:port or smtps://… */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('紫荆e站 <no-reply@localhost>'),
  VAPID_PUBLIC_KEY: z.string().min(20).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https?:\/\/)/, 'VAPID_SUBJECT must be mailto: or a URL').default('mailto:admin@localhost'),
  /** Trust a self-signed push endpoint (tests only). */
  PUSH_INSECURE_TLS: z.enum(['true', 'false']).optional(),
  /** pgboss (PostgreSQL only), poller, or auto: pg-boss on a PostgreSQL server, the poller on PGlite. */
  NOTIFY_QUEUE: z.enum(['auto', 'pgboss', 'poller']).default('auto'),
  NOTIFY_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(15_000),
  NOTIFY_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(30 * 60_000),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(20),
  /** From this many undelivered new-task reminders on, one digest goes out instead. */
  NOTIFY_DIGEST_THRESHOLD: z.coerce.number().int().min(2).max(1000).default(5),
  NOTIFY_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'NOTIFY_QUIET_HOURS must look like 22:00-07:00')
    .or(z.literal('off'))
    .default('22:00-07:00'),
  /** Lifetime of an action link in a reminder. */
  ACTION_LINK_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(72),
};

type Raw = z.infer<z.ZodObject<typeof notifySchema>>;

export interface NotifyEnv {
  publicUrl: string;
  wecom: { corpId: string; secret: string; agentId: number; baseUrl: string } | null;
  smtp: { url: string; from: string } | null;
  webpush: { publicKey: string; privateKey: string; subject: string; insecureTls: boolean } | null;
  queue: 'auto' | 'pgboss' | 'poller';
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  digestThreshold: number;
  /** Minutes after midnight, Asia/Shanghai; null = no quiet hours. */
  quietHours: { start: number; end: number } | null;
  actionLinkTtlMs: number;
}

function all<T>(name: string, values: Record<string, T | undefined>): boolean {
  const present = Object.entries(values).filter(([, v]) => v !== undefined).map(([k]) => k);
  if (present.length === 0) return false;
  const missing = Object.keys(values).filter((k) => values[k] === undefined);
  if (missing.length > 0) throw new Error(`Invalid environment: ${name} needs ${missing.join(', ')} as well`);
  return true;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function readNotifyEnv(e: Raw, port: number): NotifyEnv {
  const wecomOn = all('WeChat Work', {
    WECOM_CORP_ID: e.WECOM_CORP_ID,
    WECOM_AGENT_SECRET: e.WECOM_AGENT_SECRET,
    WECOM_AGENT_ID: e.WECOM_AGENT_ID,
  });
  const pushOn = all('Web Push', { VAPID_PUBLIC_KEY: e.VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: e.VAPID_PRIVATE_KEY });
  const [qs, qe] = e.NOTIFY_QUIET_HOURS === 'off' ? [] : e.NOTIFY_QUIET_HOURS.split('-');
  return {
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    wecom: wecomOn
      ? { corpId: e.WECOM_CORP_ID!, secret: e.WECOM_AGENT_SECRET!, agentId: e.WECOM_AGENT_ID!, baseUrl: e.WECOM_BASE_URL }
      : null,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
    webpush: pushOn
      ? {
          publicKey: e.VAPID_PUBLIC_KEY!,
          privateKey: e.VAPID_PRIVATE_KEY!,
          subject: e.VAPID_SUBJECT,
          insecureTls: e.PUSH_INSECURE_TLS === 'true',
        }
      : null,
    queue: e.NOTIFY_QUEUE,
    pollMs: e.NOTIFY_POLL_MS,
    retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
    retryMaxMs: e.NOTIFY_RETRY_MAX_MS,
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    digestThreshold: e.NOTIFY_DIGEST_THRESHOLD,
    quietHours: qs && qe ? { start: minutes(qs), end: minutes(qe) } : null,
    actionLinkTtlMs: e.ACTION_LINK_TTL_HOURS * 3600_000,
  };
}
