import { readdirSync } from 'node:fs';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { E2E_WEBHOOK_SECRET } from './e2e/support/processes';

// App servers per database mode, all in one run, each running one spec at a time.
//   E2E_DB        pglite,postgres (default) | pglite | postgres — which servers and projects. With both,
//                 each story runs in one mode and the mode-sensitive proofs in both (EVERY_MODE below);
//                 with one, every spec of that mode runs.
//   E2E_EVERY_MODE=1  with both modes: every story in both (about twice the time).
//   E2E_KIND      desktop,phone,alone (default: all, in that order) — which kinds of project.
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
type Kind = 'desktop' | 'phone' | 'alone';
const KINDS: Kind[] = ['desktop', 'phone', 'alone'];
const kinds = (process.env.E2E_KIND || KINDS.join(',')).split(',').map((k) => k.trim()) as Kind[];
for (const k of kinds) if (!KINDS.includes(k)) throw new Error(`E2E_KIND: unknown kind '${k}' (desktop, phone, alone)`);

const PHONE = /.*\.phone\.spec\.ts$/;
// Specs that move the server's test clock or change what every account sees (roles, the term
// calendar, service accounts): they run alone against their server, after the parallel ones.
const EXCLUSIVE = /\/(applicant-rules\.phone|processes-insurance\.phone|processes-cadre-leave|processes-private-travel|proof-authz|approval-transfer|approval-withdraw-urge|approval-withdraw-urge\.phone|approval-deputy)\.spec\.ts$/;
// Specs that start servers of their own on one shared PostgreSQL database.
const POSTGRES_ONLY = /\/(proof-crash|proof-scale-out)\.spec\.ts$/;
// Specs whose subject does not depend on the database mode: the markup (axe, touch targets, the
// visitor's pages), response headers and CSP, and PGlite's own data-directory lock. PGlite only.
const PGLITE_ONLY = /\/(portal-axe|proof-headers|proof-data-dir-lock|applicant-inputs\.phone|applicant-visitor\.phone)\.spec\.ts$/;
// Specs whose subject IS the database mode: the API's response shapes (drivers differ in what they
// return), concurrency, fuzzing, the authorization matrix and the smoke run. They run in both modes.
const EVERY_MODE = /\/(api-contract|api-foundation|mailbox-api|proof-concurrency|proof-fuzz|security|smoke)\.spec\.ts$/;
// Every other spec is a user's story through the pages. With both modes in one run each story runs
// in one of them, chosen by measured duration so the two servers finish together (the integration
// tests run every engine path in both modes; the stories exercise the pages). E2E_EVERY_MODE=1 runs
// every story in both modes (twice the time).
const everyMode = process.env.E2E_EVERY_MODE === '1';

/**
 * Seconds a spec took alone on a quiet server (npm test's split between servers of one mode);
 * a spec not listed counts as 20.
 */
const SPEC_SECONDS: Record<string, number> = {
  // Quiet-machine seconds on 2026-12-03 (one PGlite server, `--project=pglite-desktop`) × 2.2, the
  // slow-down of two servers and two browsers on two cores; phone and alone specs from their own runs.
  'portal-axe.spec.ts': 225,
  'proof-crash.spec.ts': 150,
  'proof-fuzz.spec.ts': 137,
  'notify-action-link.spec.ts': 100,
  'proof-data-dir-lock.spec.ts': 72,
  'monitor-diagrams.spec.ts': 67,
  'proof-scale-out.spec.ts': 60,
  'monitor-no-ids.spec.ts': 59,
  'fitness-exemption.spec.ts': 53,
  'applicant-visitor.phone.spec.ts': 50,
  'tasks-views.phone.spec.ts': 48,
  'processes-cadre-leave.spec.ts': 50,
  'mailbox-writer.phone.spec.ts': 45,
  'approval-deputy.phone.spec.ts': 41,
  'proof-authz.spec.ts': 90,
  'processes-private-travel.spec.ts': 55,
  'approval-deputy.spec.ts': 30,
  'approval-withdraw-urge.spec.ts': 45,
  'approval-transfer.spec.ts': 60,
  'processes-insurance.phone.spec.ts': 38,
  'monitor-admin.spec.ts': 33,
  'approval-signers.spec.ts': 31,
  'approval-withdraw-urge.phone.spec.ts': 95,
  'approval-signers.phone.spec.ts': 43,
  'approval-copy.phone.spec.ts': 29,
  'applicant-confirmation.phone.spec.ts': 31,
  'processes-dorm-repair.phone.spec.ts': 29,
  'portal-admin.spec.ts': 27,
  'processes-furniture-repair.spec.ts': 27,
  'processes-housing.spec.ts': 25,
  'portal-story.phone.spec.ts': 25,
  'mailbox-api.spec.ts': 21,
  'proof-headers.spec.ts': 21,
  'resubmit-replaced.phone.spec.ts': 19,
  'applicant-prefill.phone.spec.ts': 25,
  'integrations-sso.spec.ts': 19,
  'messages-read.phone.spec.ts': 18,
  'processes-fire-equipment.spec.ts': 17,
  'security.spec.ts': 17,
  'proof-concurrency.spec.ts': 17,
  'approval-copy.spec.ts': 16,
  'approval-record.spec.ts': 15,
  'processes-city-report.spec.ts': 15,
  'notify-notice.spec.ts': 15,
  'approval-batch.spec.ts': 14,
  'integrations-open311.spec.ts': 10,
  'api-contract.spec.ts': 9,
  'monitor-dashboard.spec.ts': 8,
  'api-foundation.spec.ts': 5,
  'smoke.spec.ts': 1,
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

/**
 * The mode a story runs in when both modes run: per kind of spec (desktop, phone, exclusive: `npm
 * test` runs the kinds one after another), longest first, each to the mode with less work, counting
 * the specs pinned to a mode or run in both.
 */
function storyModes(files: string[]): Map<string, 'pglite' | 'postgres'> {
  const chosen = new Map<string, 'pglite' | 'postgres'>();
  const secs = (f: string) => SPEC_SECONDS[f] ?? 20;
  const kindOf = (f: string) => (EXCLUSIVE.test(`/${f}`) ? 'alone' : PHONE.test(`/${f}`) ? 'phone' : 'desktop');
  for (const kind of ['desktop', 'phone', 'alone']) {
    const ofKind = files.filter((f) => kindOf(f) === kind);
    const load = { pglite: 0, postgres: 0 };
    for (const f of ofKind) {
      if (EVERY_MODE.test(`/${f}`)) { load.pglite += secs(f); load.postgres += secs(f); }
      else if (PGLITE_ONLY.test(`/${f}`)) load.pglite += secs(f);
      else if (POSTGRES_ONLY.test(`/${f}`)) load.postgres += secs(f);
    }
    const stories = ofKind.filter((f) => ![EVERY_MODE, PGLITE_ONLY, POSTGRES_ONLY].some((re) => re.test(`/${f}`)));
    for (const f of stories.sort((a, b) => secs(b) - secs(a) || a.localeCompare(b))) {
      const to = load.pglite <= load.postgres ? 'pglite' : 'postgres';
      load[to] += secs(f);
      chosen.set(f, to);
    }
  }
  return chosen;
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
const storyMode = modes.length > 1 && !everyMode ? storyModes(specFiles) : null;
/** Whether a spec runs on a server of mode `db` in this run. */
function runsIn(db: 'pglite' | 'postgres', f: string): boolean {
  if ((db === 'postgres' ? PGLITE_ONLY : POSTGRES_ONLY).test(`/${f}`)) return false;
  const chosen = storyMode?.get(f);
  return chosen === undefined || chosen === db;
}
const servers = modes.flatMap((db, i) =>
  Array.from({ length: serversPerDb }, (_, shard) => {
    const suffix = shard === 0 ? '' : `-${shard + 1}`;
    const wanted = (f: string) => runsIn(db, f);
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
  // The slowest spec files at the end of each run: where the suite's minutes go (issue 19).
  reportSlowTests: { max: 8, threshold: 30_000 },
  use: { locale: 'zh-CN', launchOptions: chromium },
  projects: servers.flatMap(({ db, suffix, files, port }) => {
    const shared = { use: { baseURL: `http://127.0.0.1:${port}` }, metadata: { db, port } };
    // This server's files: its share of the specs that run in its mode.
    const mine = (pattern: RegExp) => files.filter((f) => pattern.test(`/${f}`)).map((f) => `**/${f}`);
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
    const desktop = { viewport: { width: 1280, height: 800 } };
    const project = (kind: string) => `${db}-${kind}${suffix}`;
    // Per server: desktop specs, then phone specs, then the exclusive ones; the servers run side by side.
    // (An empty testMatch list matches nothing: a server may have no phone or exclusive spec.)
    // A kind runs after the kind before it when both are in this run (a dependency: Playwright then
    // skips the later kinds if the earlier fails); `npm test` runs the kinds one after another with
    // E2E_KIND instead, on fresh servers, so one failure hides nothing.
    const after = (kind: Kind) => {
      const before = KINDS[KINDS.indexOf(kind) - 1];
      return before && kinds.includes(before) ? { dependencies: [project(before)] } : {};
    };
    const all: Array<Record<string, unknown> & { name: string; kind: Kind }> = [
      // Every *.spec.ts but *.phone.spec.ts runs on a desktop; *.phone.spec.ts on a phone, and only there.
      { kind: 'desktop', name: project('desktop'), testMatch: mine(/.*\.spec\.ts$/), testIgnore: [PHONE, EXCLUSIVE], workers: 1, ...shared, use: { ...shared.use, ...desktop } },
      { kind: 'phone', name: project('phone'), testMatch: mine(PHONE), testIgnore: [EXCLUSIVE], ...after('phone'), workers: 1, ...shared, use: { ...shared.use, ...phone } },
      { kind: 'alone', name: project('alone'), testMatch: mine(EXCLUSIVE), ...after('alone'), workers: 1, ...shared, use: { ...shared.use, ...desktop } },
    ];
    return all.filter((p) => kinds.includes(p.kind)).map(({ kind: _kind, ...p }) => p);
  }),
  webServer: servers.map(({ db, suffix, port }) => server(db, port, `${db}${suffix}`)),
});
