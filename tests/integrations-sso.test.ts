import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { casServiceUrl, validateCasTicket } from '@/lib/auth/sso/cas';
import { resetWecomTokenCache, signInWithWecomCode } from '@/lib/auth/sso/wecom';
// @ts-expect-error: a plain ESM script without types
import { startStandIns } from '../scripts/sso-stand-ins.mjs';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let standIns: { env: Record<string, string>; controlUrl: string; stop(): Promise<void> };
const APP = 'http://127.0.0.1:3250';

before(async () => {
  t = await createTestDatabase();
  standIns = await startStandIns(0);
});
after(async () => {
  await standIns.stop();
  await t.close();
});

/** Logs in at the CAS stand-in's form and returns the ticket from the redirect back to us. */
async function casTicket(username: string, service: string): Promise<string> {
  const response = await fetch(`${standIns.env.CAS_BASE_URL}/login?service=${encodeURIComponent(service)}`, {
    method: 'POST',
    body: new URLSearchParams({ service, username, password: 'x' }),
    redirect: 'manual',
  });
  return new URL(response.headers.get('location')!).searchParams.get('ticket')!;
}

test('CAS: a valid ticket signs in (matching by campus id); a replayed, forged or foreign-service ticket is refused', async () => {
  const cas = { baseUrl: standIns.env.CAS_BASE_URL! };
  const service = casServiceUrl(APP, '/campus');
  const ticket = await casTicket('student', service);
  const signedIn = await validateCasTicket(t.db, cas, { ticket, service });
  const [student] = await t.db.select().from(users).where(eq(users.username, 'student'));
  assert.equal(signedIn?.id, student!.id, 'matched the existing account');
  assert.equal(await validateCasTicket(t.db, cas, { ticket, service }), null, 'replay');
  assert.equal(await validateCasTicket(t.db, cas, { ticket: 'ST-forged-0000', service }), null, 'forged');
  const other = await casTicket('student', 'https://other-app.example.edu.cn/');
  assert.equal(await validateCasTicket(t.db, cas, { ticket: other, service }), null, 'issued for another service');
  assert.equal(await validateCasTicket(t.db, cas, { ticket: '<script>', service }), null, 'malformed');
});

test('CAS: a first login provisions the user from the attributes, with no roles', async () => {
  const cas = { baseUrl: standIns.env.CAS_BASE_URL! };
  const service = casServiceUrl(APP, '/');
  const result = await validateCasTicket(t.db, cas, { ticket: await casTicket('T2026001', service), service });
  const [created] = await t.db.select().from(users).where(eq(users.username, 'T2026001'));
  assert.equal(result?.id, created!.id);
  assert.deepEqual([created!.name, created!.kind, created!.orgUnitId, created!.passwordHash], ['新教师', 'staff', 'hr', null]);
});

test('WeChat Work: a code signs in once with a cached access token; a reused code is refused', async () => {
  resetWecomTokenCache();
  const e = standIns.env;
  const config = { corpId: e.WECOM_CORP_ID!, agentId: e.WECOM_AGENT_ID!, secret: e.WECOM_AGENT_SECRET!, apiBase: e.WECOM_SSO_API_BASE!, authorizeUrl: e.WECOM_AUTHORIZE_URL! };
  const mint = async (userid: string) =>
    ((await (await fetch(`${standIns.controlUrl}/control/wecom-code`, { method: 'POST', body: JSON.stringify({ userid }) })).json()) as { code: string }).code;
  const code = await mint('student2');
  const first = await signInWithWecomCode(t.db, config, code);
  const [student2] = await t.db.select().from(users).where(eq(users.username, 'student2'));
  assert.equal(first?.id, student2!.id);
  assert.equal(await signInWithWecomCode(t.db, config, code), null, 'code used twice');
  assert.ok(await signInWithWecomCode(t.db, config, await mint('student')));
  const stats = (await (await fetch(`${standIns.controlUrl}/control/stats`)).json()) as { gettoken: number };
  assert.equal(stats.gettoken, 1, 'one access token for all logins');
  resetWecomTokenCache();
  await assert.rejects(signInWithWecomCode(t.db, { ...config, secret: 'wrong' }, await mint('student')), /gettoken failed/);
});
