import { defineConfig } from '@playwright/test';
import { E2E_WEBHOOK_SECRET } from './e2e/support/processes';

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;
const PHONE_SPEC = /.*\.phone\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: {
    baseURL,
    locale: 'zh-CN',
    launchOptions: {
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
    },
  },
  projects: [
    {
      // Files named *.phone.spec.ts run here, and only here.
      name: 'phone',
      testMatch: PHONE_SPEC,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
    },
    {
      // Every other *.spec.ts.
      name: 'desktop',
      testMatch: /.*\.spec\.ts$/,
      testIgnore: PHONE_SPEC,
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: 'node scripts/serve-test.mjs',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // Without this Playwright SIGKILLs the server's process group and the fresh database is leaked.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      E2E_DB: process.env.E2E_DB || 'pglite',
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
  },
});
