import { readdirSync } from 'node:fs';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { E2E_WEBHOOK_SECRET } from './e2e/support/processes';

// App servers per database mode, all in one run, each running one spec at a time.
//   E2E_DB        pglite,postgres (default) | pglite | postgres — which servers and projects
//   E2E_PORT_BASE the first server's port (default 3100; E2E_PORT is the old name); server n
//                 (0, 1, …: each mode's servers in turn) listens on base + 20·n. A server on port P
//                 has its stand-ins on P+5 … P+8, Prism (api-contract) on P+9 and P+4, and the proof specs'
//                 extra servers on P+10 … P+14.
//   E2E_SERVERS_PER_DB  servers per mode (default 1; `npm test` uses 2): the spec files are split
//                 between them by their measured duration, so the specs of one server still run one
//                 at a time against it (they share demo accounts) while the servers run side by side.
//                 Keep servers × 20 within your port range (4 servers: base … base + 74).
// Projects: <db>-desktop, <db>-phone, <db>-alone for the first server of a mode, <db>-desktop-2 …
// for the others. Running a phone or exclusive spec alone: add --no-deps.
// Specs learn their server from appServer() (e2e/support/server.ts), never from the environment.
const base = Number(process.env.E2E_PORT_BASE || process.env.E2E_PORT || 3100);
const modes = (process.env.E2E_DB || 'pglite,postgres')
  .split(',')
  .map((m) => m.trim().replace(/^postgresql$/, 'postgres'))
  .filter((m, i, all) => m && all.indexOf(m) === i) as Array<'pglite' | 'postgres'>;
for (const m of modes) if (m !== 'pglite' && m !== 'postgres') throw new Error(`E2E_DB: unknown mode '${m}' (pglite, postgres)`);
const serversPerDb = Math.max(1, Number(process.env.E2E_SERVERS_PER_DB || 1));

const PHONE = /.*\.phone\.spec\.ts$/;
// Specs that move the server's test clock or change what every account sees (roles, the term
// calendar, service accounts): they run alone against their server, after the parallel ones.
const EXCLUSIVE = /\/(applicant-rules\.phone|processes-insurance\.phone|processes-cadre-leave|processes-private-travel|proof-authz|approval-transfer|approval-withdraw-urge|approval-deputy)\.spec\.ts$/;
// Specs that start servers of their own on one shared PostgreSQL database.
const POSTGRES_ONLY = /\/(proof-crash|proof-scale-out)\.spec\.ts$/;
// Specs whose subject does not depend on the database mode: the markup (axe, touch targets, the
// visitor's pages), response headers and CSP, and PGlite's own data-directory lock. They run on the
// PGlite servers only; every process story, the API (its response shapes differ by driver), the
// fuzzing, concurrency and crash proofs run in both modes. axe was the longest spec of the suite,
// and the same pages were audited twice.
const ONE_MODE_ONLY = /\/(portal-axe|proof-headers|proof-data-dir-lock|applicant-inputs\.phone|applicant-visitor\.phone)\.spec\.ts$/;

/**
 * Seconds a spec took alone on a quiet server (npm test's split between servers of one mode);
 * a spec not listed counts as 20.
 */
const SPEC_SECONDS: Record<string, number> = {
  // Measured on 2026-12-02 (one PGlite server of two, machine loaded), after axe was split per page.
  'proof-crash.spec.ts': 300,
  'portal-axe.spec.ts': 250,
  'proof-fuzz.spec.ts': 130,
  'fitness-exemption.spec.ts': 120,
  'notify-action-link.spec.ts': 105,
  'monitor-admin.spec.ts': 100,
  'portal-admin.spec.ts': 85,
  'mailbox-api.spec.ts': 70,
  'proof-scale-out.spec.ts': 60,
  'integrations-sso.spec.ts': 60,
  'notify-notice.spec.ts': 55,
  'proof-data-dir-lock.spec.ts': 55,
  'applicant-visitor.phone.spec.ts': 50,
  'processes-cadre-leave.spec.ts': 47,
  'mailbox-writer.phone.spec.ts': 45,
  'proof-authz.spec.ts': 40,
  'processes-insurance.phone.spec.ts': 38,
  'integrations-open311.spec.ts': 36,
  'processes-fire-equipment.spec.ts': 34,
  'processes-furniture-repair.spec.ts': 32,
  'applicant-confirmation.phone.spec.ts': 31,
  'processes-housing.spec.ts': 30,
  'processes-dorm-repair.phone.spec.ts': 29,
  'proof-headers.spec.ts': 27,
  'processes-city-report.spec.ts': 26,
  'api-contract.spec.ts': 21,
};

/** The spec files of the shard-th of `count` servers of a mode: longest first, each to the least loaded. */
function shardOf(files: string[], shard: number, count: number): string[] {
  const load = Array.from({ length: count }, () => 0);
  const mine: string[] = [];
  const sorted = [...files].sort((a, b) => (SPEC_SECONDS[b] ?? 20) - (SPEC_SECONDS[a] ?? 20) || a.localeCompare(b));
  for (const file of sorted) {
    const to = load.indexOf(Math.min(...load));
    load[to]! += SPEC_SECONDS[file] ?? 20;
    if (to === shard) mine.push(file);
  }
  return mine;
}

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>[number];

function server(db: 'pglite' | 'postgres', port: number, name: string): WebServer {
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    command: 'node --import tsx scripts/serve-test.mjs',
    url: `${baseURL}/api/health`,
    name,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // Without this Playwright SIGKILLs the server's process group and the fresh database is leaked.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      E2E_DB: db,
      PORT: String(port),
      // Every spec logs in from 127.0.0.1; per-account throttling is still on (api-foundation tests it).
      LOGIN_MAX_PER_IP: '100000',
      // The dorm-repair story's maintenance-system stand-in listens on port + 7 (+5, +6: SSO stand-ins; +8: WeChat Work).
      DORM_REPAIR_WEBHOOK_URL: `http://127.0.0.1:${port + 7}/jobs`,
      DORM_REPAIR_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
      // Notifications: WeChat Work pointed at the stand-in e2e/notify-*.spec.ts starts on port + 8.
      PUBLIC_URL: baseURL,
      WECOM_CORP_ID: 'ww-test-corp',
      WECOM_AGENT_SECRET: 'test-secret',
      WECOM_AGENT_ID: '1000002',
      WECOM_BASE_URL: `http://127.0.0.1:${port + 8}`,
      NOTIFY_POLL_MS: '1000',
      NOTIFY_RETRY_BASE_MS: '300',
      NOTIFY_RETRY_MAX_MS: '2000',
      NOTIFY_QUIET_HOURS: 'off',
    },
  };
}

const specFiles = readdirSync('e2e').filter((f) => f.endsWith('.spec.ts'));
const servers = modes.flatMap((db, i) =>
  Array.from({ length: serversPerDb }, (_, shard) => {
    const suffix = shard === 0 ? '' : `-${shard + 1}`;
    const wanted = (f: string) => (db === 'postgres' ? !ONE_MODE_ONLY.test(`/${f}`) : !POSTGRES_ONLY.test(`/${f}`));
    const files = shardOf(specFiles.filter(wanted), shard, serversPerDb);
    return { db, suffix, files, port: base + 20 * (i * serversPerDb + shard) };
  }),
);

export default defineConfig({
  testDir: 'e2e',
  workers: servers.length,
  fullyParallel: false,
  retries: 0,
  // Two servers, their browsers and the specs share two cores: a page may take several seconds.
  // These limits only stop a hung test; speed is measured by bench/, never by a timeout here
  // (90 s / 15 s failed long stories on CI with four servers on the two cores).
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  use: { locale: 'zh-CN', launchOptions: chromium },
  projects: servers.flatMap(({ db, suffix, files, port }) => {
    const shared = { use: { baseURL: `http://127.0.0.1:${port}` }, metadata: { db, port } };
    // This server's files: every spec of the mode when it is the only one, else its share.
    const mine = (pattern: RegExp) => (serversPerDb === 1 ? [pattern] : files.filter((f) => pattern.test(`/${f}`)).map((f) => `**/${f}`));
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
    const desktop = { viewport: { width: 1280, height: 800 } };
    const skip = db === 'postgres' ? ONE_MODE_ONLY : POSTGRES_ONLY;
    const project = (kind: string) => `${db}-${kind}${suffix}`;
    // Per server: desktop specs, then phone specs, then the exclusive ones; the servers run side by side.
    // (An empty testMatch list matches nothing: a server may have no phone or exclusive spec.)
    return [
      // Every *.spec.ts but *.phone.spec.ts runs on a desktop; *.phone.spec.ts on a phone, and only there.
      { name: project('desktop'), testMatch: mine(/.*\.spec\.ts$/), testIgnore: [PHONE, EXCLUSIVE, skip], workers: 1, ...shared, use: { ...shared.use, ...desktop } },
      { name: project('phone'), testMatch: mine(PHONE), testIgnore: [EXCLUSIVE, skip], dependencies: [project('desktop')], workers: 1, ...shared, use: { ...shared.use, ...phone } },
      { name: project('alone'), testMatch: mine(EXCLUSIVE), testIgnore: [skip], dependencies: [project('phone')], workers: 1, ...shared, use: { ...shared.use, ...desktop } },
    ];
  }),
  webServer: servers.map(({ db, suffix, port }) => server(db, port, `${db}${suffix}`)),
});
