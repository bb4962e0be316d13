import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeCallback } from './auth/sso/safe-callback';
import { sameSitePath } from './safe-url';

// Issue 15 item 10: every spelling a browser reads as another host is refused.
describe('same-site paths (login callbackUrl, SSO callbacks, catalog links)', () => {
  const offSite = ['/\t/127.0.0.1:9999/x', '//evil.example/', '/\\127.0.0.1:9999/', '/\\/evil', '/\n/evil.example', '/\r\n/evil', 'https://evil.example/', 'javascript:alert(1)', ''];
  test('off-site spellings go home', () => {
    for (const v of offSite) {
      assert.equal(sameSitePath(v), null, JSON.stringify(v));
      assert.equal(safeCallback(v), '/', JSON.stringify(v));
    }
    assert.equal(safeCallback(['/a', '/b']), '/');
    assert.equal(safeCallback(undefined), '/');
  });
  test('our own paths stay, without control characters (a newline used to be a 500)', () => {
    assert.equal(safeCallback('/tasks?tab=open#x'), '/tasks?tab=open#x');
    assert.equal(safeCallback('/applications/1'), '/applications/1');
    assert.equal(safeCallback('/a\nb'), '/ab');
    assert.doesNotMatch(safeCallback('/x\r\nSet-Cookie: a=b'), /[\r\n]/);
  });
});
