import { expect, request as playwrightRequest, test, type APIResponse } from '@playwright/test';
import { apiLogin } from './support/api';
import { PDF_BYTES } from './support/login';
import { startValidatingProxy, type ValidatingProxy } from './support/prism';
import { appServer } from './support/server';

// The API's traffic through Stoplight Prism in proxy mode with --errors, against the app's own
// /api/v1/openapi.json: an answer that differs from its documented shape (or a request the
// document does not allow) comes back as Prism's error and fails here. Prism listens on port + 9.
let prism: ValidatingProxy;
let P: string;

test.beforeAll(async () => {
  prism = await startValidatingProxy(appServer().base, appServer().port + 9);
  P = prism.base;
});
test.afterAll(async () => {
  await prism?.stop();
});

/** The app's answer passed Prism's checks (its own errors are application/problem+json with `validation`). */
async function valid(res: APIResponse, status: number): Promise<any> {
  const type = res.headers()['content-type'] ?? '';
  const text = await res.text();
  expect(type.includes('problem+json') ? `Prism: ${text}` : res.status(), `${res.url()} ${text.slice(0, 300)}`).toBe(status);
  return type.includes('json') && text ? JSON.parse(text) : text;
}

test('the documented operations answer as documented (sessions, bearer token, 校长信箱 capability)', async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext();
  await valid(await anonymous.get(`${P}/api/health`), 200);
  expect((await valid(await anonymous.get(`${P}/api/v1/openapi.json`), 200)).openapi).toBe('3.1.0');
  // (A request without the documented credentials is refused by Prism itself: the app's 401s are checked in api-foundation.)

  // Cookies belong to the host, not the port: a session made with the app works through Prism.
  const student = await apiLogin(baseURL!, 'student');
  await valid(await student.get(`${P}/api/v1/processes`), 200);
  await valid(await student.get(`${P}/api/v1/processes/fitness-test-exemption`), 200);
  await valid(await student.get(`${P}/api/v1/processes/no-such-process`), 404);
  const upload = await valid(await student.post(`${P}/api/v1/uploads`, { multipart: { file: { name: 'c.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES } } }), 201);
  const started = await valid(
    await student.post(`${P}/api/v1/instances`, { data: { process: 'fitness-test-exemption', input: { kind: 'exempt', reason: '契约测试：膝伤未愈', evidence: [upload.id] } } }),
    201,
  );
  await valid(await student.get(`${P}/api/v1/instances/${started.id}`), 200);
  await valid(await student.post(`${P}/api/v1/instances`, { data: { process: 'fitness-test-exemption', input: { kind: 'exempt', reason: '', evidence: [upload.id] } } }), 400);
  await valid(await student.get(`${P}/api/v1/tasks?status=done`), 200);
  await valid(await student.get(`${P}/api/v1/messages`), 200);
  await valid(await student.patch(`${P}/api/v1/messages`, { data: { read: true } }), 200);

  const counselor = await apiLogin(baseURL!, 'counselor');
  await valid(await counselor.get(`${P}/api/v1/tasks`), 200);
  // An event answers where the instance stands (its next expectedRevision); ?view=full the whole view.
  const moved = await valid(await counselor.post(`${P}/api/v1/instances/${started.id}/events`, { data: { type: 'approve', expectedRevision: 1 } }), 200);
  expect([moved.revision, moved.caseNo, moved.stateLabel.zh]).toEqual([2, started.caseNo, '校医院核实']);
  await valid(await counselor.post(`${P}/api/v1/instances/${started.id}/events`, { data: { type: 'approve', expectedRevision: 1 } }), 409);
  const doctor = await apiLogin(baseURL!, 'doctor');
  const full = await valid(await doctor.post(`${P}/api/v1/instances/${started.id}/events?view=full`, { data: { type: 'approve', expectedRevision: moved.revision } }), 200);
  expect(full.timeline.map((e: { type: string }) => e.type)).toEqual(['submit', 'approve', 'approve']);

  // An API token: created with the session, used as a bearer, revoked.
  const token = await valid(await student.post(`${P}/api/v1/tokens`, { data: { name: '契约测试', scopes: ['api'], expiresInDays: 1 } }), 201);
  const bearer = await playwrightRequest.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token.secret}` } });
  await valid(await bearer.get(`${P}/api/v1/tasks`), 200);
  await valid(await student.delete(`${P}/api/v1/tokens/${token.id}`), 204);
  expect((await bearer.get(`${baseURL}/api/v1/tasks`)).status()).toBe(401);

  // 校长信箱: no account; the tracking link is the capability.
  const letter = await valid(
    await anonymous.post(`${P}/api/v1/mailbox/letters`, { data: { letter: { category: 'consultation', subject: '契约测试', content: '图书馆几点关门？', anonymous: true, consentPublish: false } } }),
    201,
  );
  const capability = String(letter.trackingUrl).split('/').pop();
  await valid(await anonymous.get(`${P}/api/v1/mailbox/track/${capability}`), 200);
  await valid(await anonymous.post(`${P}/api/v1/mailbox/lookup`, { data: { code: letter.queryCode, contact: '' } }), 200);
});

test('a request outside the document is refused by the proxy, before the app', async ({ baseURL }) => {
  const student = await apiLogin(baseURL!, 'student');
  const res = await student.get(`${P}/api/v1/tasks?status=bogus`);
  expect(res.status()).toBe(422);
  expect(res.headers()['content-type']).toContain('problem+json');
});

test('a response that differs from the document fails: the proxy answers 500 with the violation', async () => {
  // The same app behind a second Prism whose document (deliberately) says listProcesses answers a
  // field the app never sends: the app's real answer must be caught.
  const strict = await startValidatingProxy(appServer().base, appServer().port + 4, (doc) => {
    const schema = doc.paths['/api/v1/processes'].get.responses['200'].content['application/json'].schema;
    schema.required = [...(schema.required ?? []), 'totalCount'];
  });
  try {
    const student = await apiLogin(appServer().base, 'student');
    const res = await student.get(`${strict.base}/api/v1/processes`);
    expect(res.status()).toBe(500);
    const problem = (await res.json()) as { type: string; validation: Array<{ location: string[]; message: string }> };
    expect(problem.type).toContain('VIOLATIONS');
    expect(problem.validation.map((v) => v.location.join('.'))).toContain('response.body');
    expect(problem.validation.map((v) => v.message).join(' ')).toContain('totalCount');
  } finally {
    await strict.stop();
  }
});
