import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCasResponse } from './cas-response';

test('a CAS 3.0 success yields the user and attributes', () => {
  const xml = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess><cas:user>2026001</cas:user>
    <cas:attributes><cas:cn>张&amp;三</cas:cn><cas:userType>student</cas:userType><cas:memberOf>a</cas:memberOf><cas:memberOf>b</cas:memberOf></cas:attributes>
  </cas:authenticationSuccess></cas:serviceResponse>`;
  assert.deepEqual(parseCasResponse(xml), { ok: true, user: '2026001', attributes: { cn: '张&三', userType: 'student', memberOf: 'a' } });
});

test('a failure carries its code; garbage is a failure', () => {
  const xml = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="INVALID_TICKET">Ticket ST-1 not recognized</cas:authenticationFailure></cas:serviceResponse>`;
  assert.deepEqual(parseCasResponse(xml), { ok: false, code: 'INVALID_TICKET', message: 'Ticket ST-1 not recognized' });
  assert.equal(parseCasResponse('<html>oops</html>').ok, false);
});
