#!/usr/bin/env node
// Lighthouse (mobile, the default form factor) on the signed-in home page and catalog.
// Needs a running server with the demo accounts (e.g. `E2E_DB=pglite PORT=3202 node scripts/serve-test.mjs`)
// and Lighthouse 12.2.3 (13 needs Node 22), which is not a project dependency:
//   npm install --prefix /tmp/lh -E lighthouse@12.2.3
//   BASE_URL=http://127.0.0.1:3202 LIGHTHOUSE_CLI=/tmp/lh/node_modules/lighthouse/cli/index.js node bench/catalog-lighthouse.mjs
// Logs in as the demo student with Playwright's Chromium and hands the session cookie to Lighthouse.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3202';
const cli = process.env.LIGHTHOUSE_CLI ?? '/tmp/lh/node_modules/lighthouse/cli/index.js';
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const pages = (process.env.PAGES ?? '/,/services').split(',');

const browser = await chromium.launch({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const context = await browser.newContext({ locale: 'zh-CN' });
const page = await context.newPage();
await page.goto(`${base}/login`);
await page.getByLabel(/学号\/工号/).fill('student');
await page.getByLabel(/^密码$/).fill('demo1234');
await page.getByRole('button', { name: /^登录$/ }).click();
await page.waitForURL(`${base}/`);
const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
await browser.close();

const out = mkdtempSync(path.join(os.tmpdir(), 'zj-lh-'));
console.log('page        perf  FCP ms  LCP ms  TBT ms  CLS    JS transferred KB');
for (const p of pages) {
  const file = path.join(out, `${p.replace(/\W/g, '_') || 'home'}.json`);
  execFileSync(
    process.execPath,
    [
      cli,
      `${base}${p}`,
      '--quiet',
      '--only-categories=performance',
      '--output=json',
      `--output-path=${file}`,
      `--extra-headers=${JSON.stringify({ Cookie: cookie, 'Accept-Language': 'zh-CN' })}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking',
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const a = r.audits;
  const js = (a['network-requests']?.details?.items ?? []).filter((i) => i.resourceType === 'Script').reduce((n, i) => n + (i.transferSize ?? 0), 0);
  console.log(
    `${p.padEnd(11)} ${String(Math.round(r.categories.performance.score * 100)).padStart(4)}  ${String(Math.round(a['first-contentful-paint'].numericValue)).padStart(6)}  ${String(Math.round(a['largest-contentful-paint'].numericValue)).padStart(6)}  ${String(Math.round(a['total-blocking-time'].numericValue)).padStart(6)}  ${a['cumulative-layout-shift'].numericValue.toFixed(3)}  ${(js / 1024).toFixed(1).padStart(8)}`,
  );
}
