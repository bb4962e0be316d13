import path from 'node:path';
import { z } from 'zod';
import { parseNetworks, parseProxyNetworks, type Network, type ProxyNetwork } from './net/networks';
import { notifySchema, readNotifyEnv, type NotifyEnv } from './notify/env';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where the embedded database and local uploads live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… selects a PostgreSQL server; absent selects embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(200).default(10),
  /** Signs session cookies; generated and kept in the database when absent. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** Password login for the demo accounts: on by default only in embedded mode. */
  DEMO_LOGIN: booleanFlag,
  /** Seed the demo org, accounts and data on first start: on by default only in embedded mode. */
  SEED_DEMO: booleanFlag,
  /** Largest accepted upload, in bytes. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** Bytes one person may upload per 24 hours, and hold uploaded but not yet attached to an application. */
  UPLOAD_QUOTA_BYTES_PER_DAY: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
  UPLOAD_UNATTACHED_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  /** Applications one person may start per hour and per 24 hours. */
  START_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(30),
  START_LIMIT_PER_DAY: z.coerce.number().int().min(1).default(100),
  /** Lets tests move the engine's clock (never set in production). */
  TEST_CLOCK: booleanFlag,
  /**
   * Password attempts per client address per 15 minutes. Campus networks put whole dormitories
   * behind one NAT address, so this is a coarse flood guard; guessing is stopped per account.
   */
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(100),
  /**
   * Addresses or CIDR blocks of our reverse proxies (comma-separated, e.g. "127.0.0.1, 10.0.0.0/24").
   * Only a connection from one of them may say, in X-Forwarded-For, whom it forwards; every other
   * client is counted by its socket address. Empty (default): the app is reached directly.
   */
  TRUSTED_PROXIES: z.string().default(''),
  /** Replaced by TRUSTED_PROXIES (a hop count trusted any direct client's header). */
  TRUSTED_PROXY_HOPS: z.undefined({ message: 'TRUSTED_PROXY_HOPS is replaced by TRUSTED_PROXIES (the proxies\' addresses)' }).optional(),
  /**
   * Private or loopback networks (CIDR, comma-separated) that webhooks, external jobs and single
   * sign-on may reach, e.g. the campus's 10.0.0.0/8. Empty: public addresses only. Link-local,
   * metadata, multicast and reserved addresses are refused whatever this says.
   */
  OUTBOUND_ALLOWED_NETWORKS: z.string().default(''),
  /** The same for Web Push endpoints; browsers' push services are public, so only tests set it. */
  PUSH_ALLOWED_NETWORKS: z.string().default(''),
  /** Where dorm-repair jobs are sent (the maintenance system); unset keeps them queued. */
  DORM_REPAIR_WEBHOOK_URL: z.url({ message: 'DORM_REPAIR_WEBHOOK_URL must be a URL' }).optional(),
  /** Shared HMAC-SHA256 secret that signs outgoing jobs and verifies the system's callbacks. */
  DORM_REPAIR_WEBHOOK_SECRET: z.string().min(16, 'DORM_REPAIR_WEBHOOK_SECRET must be at least 16 characters').optional(),
  /** Load a generated sample history for the dashboards: default on only in embedded demo mode outside tests. */
  DEMO_HISTORY: booleanFlag,
  ...notifySchema,
  /** The app's public base URL (CAS service URLs, WeChat Work redirects); NEXTAUTH_URL if unset. */
  APP_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Generic OIDC single sign-on (Keycloak, Azure AD, the university IdP): all three to enable. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(40).default('统一身份认证 (OIDC)'),
  /** The claim holding the campus id (学号/工号). */
  OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  /** CAS 2.0/3.0 server base, e.g. https://cas.example.edu.cn/cas (without /login). */
  CAS_BASE_URL: z.url().optional(),
  CAS_NAME: z.string().min(1).max(40).default('统一身份认证 (CAS)'),
  /**
   * WeChat Work (企业微信) web login uses the same corp app as the notifications (WECOM_CORP_ID,
   * WECOM_AGENT_ID, WECOM_AGENT_SECRET, WECOM_BASE_URL); its API base can differ (a proxy; tests).
   */
  WECOM_SSO_API_BASE: z.url().optional(),
  WECOM_AUTHORIZE_URL: z.url().default('https://open.weixin.qq.com/connect/oauth2/authorize'),
  /** S3-compatible object storage for uploads (MinIO, Ceph, OSS, COS): bucket to enable. */
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag,
  /** uploadthing storage, used when set (and S3 is not). */
  UPLOADTHING_TOKEN: z.string().min(1).optional(),
});

export type Env = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseMaxConnections: number;
  authSecret: string | undefined;
  demoLogin: boolean;
  seedDemo: boolean;
  uploadMaxBytes: number;
  uploadQuota: { perDay: number; unattached: number };
  startLimit: { perHour: number; perDay: number };
  testClock: boolean;
  loginMaxPerIp: number;
  trustedProxies: ProxyNetwork[];
  net: { outboundAllowed: Network[]; pushAllowed: Network[] };
  dormRepairWebhook: { url: string | undefined; secret: string | undefined };
  demoHistory: boolean;
  notify: NotifyEnv;
  appUrl: string;
  sso: {
    oidc: { issuer: string; clientId: string; clientSecret: string; name: string; usernameClaim: string } | null;
    cas: { baseUrl: string; name: string } | null;
    wecom: { corpId: string; agentId: string; secret: string; apiBase: string; authorizeUrl: string } | null;
  };
  s3: { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean } | null;
  uploadthingToken: string | undefined;
};

let cached: Env | undefined;

function networks(name: string, list: string): Network[] {
  try {
    return parseNetworks(list);
  } catch (error) {
    throw new Error(`Invalid environment:\n  ${name}: ${(error as Error).message}`);
  }
}

function proxyNetworks(list: string): ProxyNetwork[] {
  try {
    return parseProxyNetworks(list);
  } catch (error) {
    throw new Error(`Invalid environment:\n  TRUSTED_PROXIES: ${(error as Error).message}`);
  }
}

/** Reads and validates the environment once; the defaults give the zero-setup embedded mode. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  cached = {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseMaxConnections: e.DATABASE_MAX_CONNECTIONS,
    authSecret: e.AUTH_SECRET,
    demoLogin: e.DEMO_LOGIN ?? embedded,
    seedDemo: e.SEED_DEMO ?? embedded,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadQuota: { perDay: e.UPLOAD_QUOTA_BYTES_PER_DAY, unattached: e.UPLOAD_UNATTACHED_MAX_BYTES },
    startLimit: { perHour: e.START_LIMIT_PER_HOUR, perDay: e.START_LIMIT_PER_DAY },
    testClock: e.TEST_CLOCK ?? false,
    loginMaxPerIp: e.LOGIN_MAX_PER_IP,
    trustedProxies: proxyNetworks(e.TRUSTED_PROXIES),
    net: {
      outboundAllowed: networks('OUTBOUND_ALLOWED_NETWORKS', e.OUTBOUND_ALLOWED_NETWORKS),
      pushAllowed: networks('PUSH_ALLOWED_NETWORKS', e.PUSH_ALLOWED_NETWORKS),
    },
    dormRepairWebhook: { url: e.DORM_REPAIR_WEBHOOK_URL, secret: e.DORM_REPAIR_WEBHOOK_SECRET },
    demoHistory: e.DEMO_HISTORY ?? (embedded && (e.SEED_DEMO ?? embedded) && !(e.TEST_CLOCK ?? false) && e.NODE_ENV !== 'test'),
    // One public address for links in messages and for SSO callbacks, whichever name it was given.
    notify: readNotifyEnv({ ...e, PUBLIC_URL: e.PUBLIC_URL ?? e.APP_URL ?? e.NEXTAUTH_URL }, e.PORT),
    appUrl: (e.APP_URL ?? e.PUBLIC_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    sso: {
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
          ? { issuer: e.OIDC_ISSUER.replace(/\/+$/, ''), clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME, usernameClaim: e.OIDC_USERNAME_CLAIM }
          : null,
      cas: e.CAS_BASE_URL ? { baseUrl: e.CAS_BASE_URL.replace(/\/+$/, ''), name: e.CAS_NAME } : null,
      wecom:
        e.WECOM_CORP_ID && e.WECOM_AGENT_ID && e.WECOM_AGENT_SECRET
          ? {
              corpId: e.WECOM_CORP_ID,
              agentId: String(e.WECOM_AGENT_ID),
              secret: e.WECOM_AGENT_SECRET,
              apiBase: (e.WECOM_SSO_API_BASE ?? e.WECOM_BASE_URL).replace(/\/+$/, ''),
              authorizeUrl: e.WECOM_AUTHORIZE_URL,
            }
          : null,
    },
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
        }
      : null,
    uploadthingToken: e.UPLOADTHING_TOKEN,
  };
  return cached;
}
