import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseSecurityHeaders, contentSecurityPolicy, DEFAULT_FRAME_ANCESTORS, frameAncestors, isTls } from './security-headers';

test('CSP: nonce for scripts, no unsafe-inline scripts, frame-ancestors from the allow list', () => {
  const csp = contentSecurityPolicy({ nonce: 'abc', dev: false, tls: false, frameAncestors: DEFAULT_FRAME_ANCESTORS });
  assert.match(csp, /script-src 'self' 'nonce-abc' 'strict-dynamic';/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-(inline|eval)/);
  assert.match(csp, /frame-ancestors 'self' https:\/\/work\.weixin\.qq\.com/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /upgrade-insecure-requests/);
});

test('FRAME_ANCESTORS replaces the list and cannot inject directives', () => {
  assert.deepEqual(frameAncestors('https://a.example.cn  https://*.b.example.cn'), ['https://a.example.cn', 'https://*.b.example.cn']);
  assert.deepEqual(frameAncestors("'self'; script-src * https://ok.example"), ['https://ok.example']);
  assert.deepEqual(frameAncestors(undefined), DEFAULT_FRAME_ANCESTORS);
});

test('HSTS only behind TLS', () => {
  assert.equal(isTls('http:', 'https'), true);
  assert.equal(isTls('http:', null), false);
  assert.equal(isTls('https:', null), true);
  assert.ok(baseSecurityHeaders(true)['Strict-Transport-Security']);
  assert.equal(baseSecurityHeaders(false)['Strict-Transport-Security'], undefined);
  assert.equal(baseSecurityHeaders(false)['X-Content-Type-Options'], 'nosniff');
});
