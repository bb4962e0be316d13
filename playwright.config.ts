import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { E2E_WEBHOOK_SECRET } from './e2e/support/processes';

// One app server per database mode, both in one run, several specs at a time against each.
//   E2E_DB        pglite,postgres (default) | pglite | postgres — which servers and projects
//   E2E_PORT_BASE the first mode's server port (default 3100; E2E_PORT is the old name); the
//                 second mode's is base + 20. A server on port P has its stand-ins on P+5 … P+8
//                 and the proof specs' extra servers on P+10 … P+14.
//   E2E_WORKERS_PER_SERVER  specs at once against one server (default 1)
// Running a phone or exclusive spec alone: add --no-deps (the projects before it would run first).
// Specs learn their server from appServer() (e2e/support/server.ts), never from the environment.
const base = Number(process.env.E2E_PORT_BASE || process.env.E2E_PORT || 3100);
const modes = (process.env.E2E_DB || 'pglite,postgres')
  .split(',')
  .map((m) => m.trim().replace(/^postgresql$/, 'postgres'))
  .filter((m, i, all) => m && all.indexOf(m) === i) as Array<'pglite' | 'postgres'>;
for (const m of modes) if (m !== 'pglite' && m !== 'postgres') throw new Error(`E2E_DB: unknown mode '${m}' (pglite, postgres)`);

const PHONE = /.*\.phone\.spec\.ts$/;
// Specs that move the server's test clock or change what every account sees (roles, the term
// calendar, service accounts): they run alone against their server, after the parallel ones.
const EXCLUSIVE = /\/(processes-cadre-leave|processes-private-travel|proof-authz)\.spec\.ts$/;
// Specs that start servers of their own on one shared PostgreSQL database.
const POSTGRES_ONLY = /\/(proof-crash|proof-scale-out)\.spec\.ts$/;

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

function server(db: 'pglite' | 'postgres', port: number): WebServer {
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    command: 'node scripts/serve-test.mjs',
    url: `${baseURL}/api/health`,
    name: db,
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

const servers = modes.map((db, i) => ({ db, port: base + 20 * i }));
// Specs that share demo accounts (whose unread counts, tasks and settings they assert) may disturb
// each other on one server; one at a time per server is the safe default, the servers run at once.
const perServer = Number(process.env.E2E_WORKERS_PER_SERVER || 1);

export default defineConfig({
  testDir: 'e2e',
  workers: servers.length * perServer,
  fullyParallel: false,
  retries: 0,
  // Several specs share the two cores with two servers: a page may take a few seconds under load.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: { locale: 'zh-CN', launchOptions: chromium },
  projects: servers.flatMap(({ db, port }) => {
    const shared = { use: { baseURL: `http://127.0.0.1:${port}` }, metadata: { db, port } };
    const ignore = db === 'postgres' ? [EXCLUSIVE] : [EXCLUSIVE, POSTGRES_ONLY];
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
    const desktop = { viewport: { width: 1280, height: 800 } };
    // Per server: desktop specs, then phone specs, then the exclusive ones; the servers run side by side.
    return [
      // Every *.spec.ts but *.phone.spec.ts runs on a desktop; *.phone.spec.ts on a phone, and only there.
      { name: `${db}-desktop`, testMatch: /.*\.spec\.ts$/, testIgnore: [PHONE, ...ignore], workers: perServer, ...shared, use: { ...shared.use, ...desktop } },
      { name: `${db}-phone`, testMatch: PHONE, testIgnore: ignore, dependencies: [`${db}-desktop`], workers: perServer, ...shared, use: { ...shared.use, ...phone } },
      { name: `${db}-alone`, testMatch: EXCLUSIVE, dependencies: [`${db}-phone`], workers: 1, ...shared, use: { ...shared.use, ...desktop } },
    ];
  }),
  webServer: servers.map(({ db, port }) => server(db, port)),
});
