import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiLogin } from './support/api';
import { PDF_BYTES } from './support/login';

const pdf = { name: 'cert.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES };

async function errorOf(res: { status(): number; json(): Promise<unknown> }) {
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status(), code: body.error?.code, message: body.error?.message ?? '' };
}

test.describe('API v1: the documented contract and its bad inputs', () => {
  test('health, OpenAPI and JSON Schema of the process input', async ({ request }) => {
    expect(await (await request.get('/api/health')).json()).toMatchObject({ status: 'ok' });
    const doc = (await (await request.get('/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/instances/{id}/events');
  });

  test('without a session every v1 route answers 401 in the one error shape', async ({ request }) => {
    for (const url of ['/api/v1/processes', '/api/v1/tasks', '/api/v1/instances/00000000-0000-0000-0000-000000000000']) {
      const e = await errorOf(await request.get(url));
      expect(e).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    const en = await request.get('/api/v1/tasks', { headers: { 'Accept-Language': 'en' } });
    expect((await errorOf(en)).message).toBe('Please log in first');
  });

  test('a student starts, reads, and is refused what is not theirs', async ({ baseURL }) => {
    const student = await apiLogin(baseURL!, 'student');
    const processes = (await (await student.get('/api/v1/processes')).json()) as { processes: Array<{ id: string }> };
    expect(processes.processes.map((p) => p.id)).toContain('fitness-test-exemption');
    const described = (await (await student.get('/api/v1/processes/fitness-test-exemption')).json()) as {
      inputSchema: { properties: Record<string, unknown>; required: string[] };
    };
    expect(described.inputSchema.required).toEqual(expect.arrayContaining(['kind', 'reason', 'evidence']));
    expect((await errorOf(await student.get('/api/v1/processes/no-such-process'))).status).toBe(404);

    // Uploads: wrong type disguised by extension, empty, oversize, and a good one.
    expect((await errorOf(await student.post('/api/v1/uploads', { multipart: { file: { ...pdf, buffer: Buffer.from('<html><script>alert(1)</script>') } } }))).status).toBe(415);
    expect((await errorOf(await student.post('/api/v1/uploads', { multipart: { file: { ...pdf, buffer: Buffer.alloc(0) } } }))).status).toBe(400);
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(11 * 1024 * 1024)]);
    expect((await errorOf(await student.post('/api/v1/uploads', { multipart: { file: { ...pdf, buffer: big } } }))).status).toBe(413);
    const upload = await student.post('/api/v1/uploads', { multipart: { file: { ...pdf, name: '../../etc/passwd.pdf' } } });
    expect(upload.status()).toBe(201);
    const file = (await upload.json()) as { id: string; sha256: string; size: number; contentType: string };
    expect(file.contentType).toBe('application/pdf');

    // Bad bodies: malformed JSON, unknown process, missing evidence, empty and 10,000-character reasons.
    const malformed = await student.post('/api/v1/instances', { headers: { 'Content-Type': 'application/json' }, data: '{"process":' });
    expect(await errorOf(malformed)).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect((await errorOf(await student.post('/api/v1/instances', { data: { process: 'nope', input: {} } }))).status).toBe(404);
    const noEvidence = await errorOf(await student.post('/api/v1/instances', { data: { process: 'fitness-test-exemption', input: { kind: 'exempt', reason: '膝伤未愈需休养', evidence: [] } } }));
    expect(noEvidence).toMatchObject({ status: 400, message: '请上传医院证明（必需）' });
    for (const reason of ['', 'x'.repeat(10_000)]) {
      const e = await errorOf(await student.post('/api/v1/instances', { data: { process: 'fitness-test-exemption', input: { kind: 'exempt', reason, evidence: [file.id] } } }));
      expect(e.status).toBe(400);
    }
    // JSON may carry a lone surrogate ("\ud800"); PostgreSQL cannot store it: a 400 naming the field, not a 500.
    const lone = await errorOf(await student.post('/api/v1/instances', { data: { process: 'fitness-test-exemption', input: { kind: 'exempt', reason: '膝伤\ud800', evidence: [file.id] } } }));
    expect(lone).toMatchObject({ status: 400, code: 'INVALID_INPUT', message: '内容含有无法识别的字符，请删除后重试' });
    const created = await student.post('/api/v1/instances', {
      data: { process: 'fitness-test-exemption', input: { kind: 'exempt', reason: '膝伤未愈需休养', evidence: [file.id] } },
    });
    expect(created.status()).toBe(201);
    const instance = (await created.json()) as { id: string; revision: number; state: string; timeline: Array<{ attachments: Array<{ sha256: string }> }> };
    expect(instance.state).toBe('counselorReview');
    expect(instance.timeline[0]!.attachments[0]!.sha256).toBe(file.sha256);

    // The same upload cannot be used twice; the file is served with safe headers to its owner only.
    const reuse = await errorOf(await student.post('/api/v1/instances', { data: { process: 'fitness-test-exemption', input: { kind: 'exempt', reason: '膝伤未愈需休养', evidence: [file.id] } } }));
    expect(reuse.status).toBe(400);
    const served = await student.get(`/api/v1/uploads/${file.id}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    expect(served.headers()['content-disposition']).toContain('passwd.pdf');

    // Unknown event, a step that is not the student's, and stale revisions.
    const events = `/api/v1/instances/${instance.id}/events`;
    expect((await errorOf(await student.post(events, { data: { type: 'fly' } }))).status).toBe(422);
    expect((await errorOf(await student.post(events, { data: { type: 'approve' } }))).status).toBe(403);

    const other = await apiLogin(baseURL!, 'student2');
    expect((await errorOf(await other.get(`/api/v1/instances/${instance.id}`))).status).toBe(404);
    expect((await errorOf(await other.get(`/api/v1/uploads/${file.id}`))).status).toBe(404);
    expect((await errorOf(await other.post(events, { data: { type: 'withdraw' } }))).status).toBe(404);
    expect((await errorOf(await other.get('/api/v1/instances/not-a-uuid'))).status).toBe(404);
    const counselor2 = await apiLogin(baseURL!, 'counselor2');
    expect((await errorOf(await counselor2.post(events, { data: { type: 'approve' } }))).status).toBe(404);

    const counselor = await apiLogin(baseURL!, 'counselor');
    const tasks = (await (await counselor.get('/api/v1/tasks?status=open')).json()) as { tasks: Array<{ instanceId: string; actions: Array<{ type: string }> }> };
    const task = tasks.tasks.find((t) => t.instanceId === instance.id);
    expect(task?.actions.map((a) => a.type)).toEqual(['approve', 'return', 'reject']);
    expect((await errorOf(await counselor.get('/api/v1/tasks?status=bogus'))).status).toBe(400);
    expect((await errorOf(await counselor.post(events, { data: { type: 'reject' } }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(await counselor.post(events, { data: { type: 'return', comment: '\udc00' } }))).status).toBe(400);

    const [a, b] = await Promise.all([
      counselor.post(events, { data: { type: 'approve', expectedRevision: instance.revision } }),
      counselor.post(events, { data: { type: 'approve', expectedRevision: instance.revision } }),
    ]);
    expect([a.status(), b.status()].sort()).toEqual([200, 409]);
    const conflict = a.status() === 409 ? a : b;
    expect((await errorOf(conflict)).message).toContain('已被处理');
  });

  test('cross-site POSTs with the session cookie are refused', async ({ baseURL }) => {
    // Signed in on the site itself; the POST then arrives from another origin with the same cookie.
    const api = await apiLogin(baseURL!, 'student');
    const e = await errorOf(
      await api.post('/api/v1/instances', { data: { process: 'fitness-test-exemption', input: {} }, headers: { Origin: 'https://evil.example' } }),
    );
    expect(e.status).toBe(403);
  });

  test('password guessing is throttled per account', async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    let lastUrl = '';
    for (let i = 0; i < 12; i++) {
      const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const res = await api.post('/api/auth/callback/credentials', {
        form: { csrfToken, username: 'no-such-user', password: `wrong-${i}`, json: 'true' },
        maxRedirects: 0,
      });
      lastUrl = ((await res.json().catch(() => ({}))) as { url?: string }).url ?? res.headers()['location'] ?? '';
    }
    expect(lastUrl).toContain('throttled');
  });

  test('forging X-Forwarded-For does not dodge a per-address limit (校长信箱 query codes)', async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // The client writes a new address each time; the proxy's entry (rightmost) stays the same.
      const res = await api.post('/api/v1/mailbox/lookup', {
        data: { code: `WRONG-CODE-${i}`, contact: '' },
        headers: { 'x-forwarded-for': `203.0.113.${i}, 10.77.0.9` },
      });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
