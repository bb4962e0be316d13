import { expect, test } from '@playwright/test';
import { api, apiLogin, PDF_BYTES, startFitness, uploadFile, FITNESS } from './support/proof-http';
import { appServer } from './support/server';

// Reliability over HTTP against the e2e server (both database modes): exactly one of many
// simultaneous decisions wins, and Idempotency-Key makes retried POSTs apply once.
let base: string;
test.beforeAll(() => {
  base = appServer().base;
});

test('100 concurrent approvals of one task: exactly 1 × 200 and 99 × 409, one event, one next task', async () => {
  const student = await apiLogin(base, 'student');
  const counselor = await apiLogin(base, 'counselor');
  const instance = await startFitness(base, student);

  const results = await Promise.all(
    Array.from({ length: 100 }, () => api(base, counselor, 'POST', `/api/v1/instances/${instance.id}/events`, { type: 'approve' })),
  );
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(99);
  for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('CONFLICT');

  const view = await api(base, student, 'GET', `/api/v1/instances/${instance.id}`);
  expect(view.body.timeline.map((e: { type: string }) => e.type)).toEqual(['submit', 'approve']);
  expect(view.body.revision).toBe(2);
  expect(view.body.openTasks).toHaveLength(1);
  expect(view.body.openTasks[0].state).toBe('hospitalReview');
});

test('Idempotency-Key: a retried start, event and upload return the first result and apply once', async () => {
  const student = await apiLogin(base, 'student');
  const counselor = await apiLogin(base, 'counselor');
  const key = () => `proof-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  const uploadKey = key();
  const up1 = await uploadFile(base, student, PDF_BYTES, 'a.pdf', { 'idempotency-key': uploadKey });
  const up2 = await uploadFile(base, student, PDF_BYTES, 'a.pdf', { 'idempotency-key': uploadKey });
  expect(up1.status).toBe(201);
  expect(up2.status).toBe(201);
  expect(up2.body.id).toBe(up1.body.id);
  expect(up2.headers.get('idempotent-replayed')).toBe('true');

  const startKey = key();
  const body = { process: FITNESS, input: { kind: 'defer', reason: '重复提交测试：术后康复', evidence: [up1.body.id] } };
  // Ten copies at once (a client retrying before the first answer): one instance only.
  const starts = await Promise.all(Array.from({ length: 10 }, () => api(base, student, 'POST', '/api/v1/instances', body, { 'idempotency-key': startKey })));
  const created = starts.filter((s) => s.status === 201);
  expect(created.length).toBeGreaterThanOrEqual(1);
  expect(new Set(created.map((s) => s.body.id)).size).toBe(1);
  for (const s of starts.filter((x) => x.status !== 201)) expect(s.status).toBe(409);
  const id = created[0]!.body.id;
  const replay = await api(base, student, 'POST', '/api/v1/instances', body, { 'idempotency-key': startKey });
  expect(replay.status).toBe(201);
  expect(replay.body.id).toBe(id);
  expect(replay.headers.get('location')).toBe(`/api/v1/instances/${id}`);

  // The same key for a different request is refused, not replayed.
  const misuse = await api(base, student, 'POST', '/api/v1/instances', { ...body, input: { ...body.input, kind: 'exempt' } }, { 'idempotency-key': startKey });
  expect(misuse.status).toBe(400);

  const eventKey = key();
  const e1 = await api(base, counselor, 'POST', `/api/v1/instances/${id}/events`, { type: 'approve' }, { 'idempotency-key': eventKey });
  const e2 = await api(base, counselor, 'POST', `/api/v1/instances/${id}/events`, { type: 'approve' }, { 'idempotency-key': eventKey });
  expect(e1.status).toBe(200);
  expect(e2.status).toBe(200);
  expect(e2.body.revision).toBe(e1.body.revision);
  // Without the key the same retry is a conflict: the key is what makes it safe.
  const e3 = await api(base, counselor, 'POST', `/api/v1/instances/${id}/events`, { type: 'approve' });
  expect(e3.status).toBe(409);

  const view = await api(base, student, 'GET', `/api/v1/instances/${id}`);
  expect(view.body.timeline.map((e: { type: string }) => e.type)).toEqual(['submit', 'approve']);

  const bad = await api(base, student, 'POST', '/api/v1/instances', body, { 'idempotency-key': 'x'.repeat(200) });
  expect(bad.status).toBe(400);
});
