import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { notifySchema, readNotifyEnv } from './env';

const parse = (vars: Record<string, string>) => readNotifyEnv(z.object(notifySchema).parse(vars), 3000);

test('no channel variables: no channel, the default quiet hours and a local public URL', () => {
  const e = parse({});
  assert.equal(e.wecom, null);
  assert.equal(e.smtp, null);
  assert.equal(e.webpush, null);
  assert.deepEqual(e.quietHours, { start: 22 * 60, end: 7 * 60 });
  assert.equal(e.publicUrl, 'http://localhost:3000');
});

test('a channel is on when all its variables are present; half of them is an error', () => {
  const e = parse({ WECOM_CORP_ID: 'ww1', WECOM_AGENT_SECRET: 's', WECOM_AGENT_ID: '1000002', SMTP_URL: 'smtp://127.0.0.1:25' });
  assert.equal(e.wecom?.baseUrl, 'https://qyapi.weixin.qq.com');
  assert.equal(e.wecom?.agentId, 1000002);
  assert.equal(e.smtp?.url, 'smtp://127.0.0.1:25');
  assert.throws(() => parse({ WECOM_CORP_ID: 'ww1' }), /WECOM_AGENT_SECRET, WECOM_AGENT_ID/);
  assert.throws(() => parse({ SMTP_URL: 'http://x' }));
  assert.equal(parse({ NOTIFY_QUIET_HOURS: 'off' }).quietHours, null);
});
