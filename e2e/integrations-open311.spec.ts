import { expect, test } from '@playwright/test';
import { createdProblems, requestProblems, serviceDefinitionProblems, serviceListProblems } from './support/georeport';
import { loginAs } from './support/login';

test('an Open311 client files a dorm repair with an API token', async ({ browser, request }) => {
  const services = (await (await request.get('/open311/v2/services.json')).json()) as Array<{ service_code: string }>;
  expect(services.map((s) => s.service_code)).toContain('dorm-repair');

  const student = await loginAs(browser, 'student');
  const created = await student.request.post('/api/v1/tokens', { data: { name: '报修客户端', scopes: ['open311'], expiresInDays: 1 } });
  const { secret } = (await created.json()) as { secret: string };
  // As in the GeoReport v2 spec: a form-encoded POST with api_key.
  const filed = await request.post('/open311/v2/requests.json', {
    form: {
      api_key: secret,
      service_code: 'dorm-repair',
      description: '卫生间水龙头一直漏水',
      'attribute[building]': '东区 12 栋',
      'attribute[room]': '305',
      'attribute[category]': 'plumbing',
    },
  });
  expect(filed.status()).toBe(201);
  const id = ((await filed.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id;
  const one = await request.get(`/open311/v2/requests/${id}.xml?api_key=${secret}`);
  expect(await one.text()).toContain(`<service_request_id>${id}</service_request_id>`);
  await student.goto(`/applications/${id}`);
  await expect(student.getByText('东区 12 栋').first()).toBeVisible();
  // The repair hub lists it with the student's other open repairs.
  await student.goto('/repairs');
  await expect(student.locator(`a[href="/applications/${id}"]`)).toBeVisible();
});

test('Open311 refuses a request without a valid api_key, in GeoReport error form', async ({ request }) => {
  const res = await request.get('/open311/v2/requests.json?api_key=zjt_nope');
  expect(res.status()).toBe(401);
  const body = (await res.json()) as Array<{ code: number; description: string }>;
  expect(body[0]!.code).toBe(401);
});

test('Open311 answers carry the GeoReport v2 fields and values, and nothing else', async ({ browser, request }) => {
  const services = (await (await request.get('/open311/v2/services.json')).json()) as Array<Record<string, unknown>>;
  expect(serviceListProblems(services)).toEqual([]);
  for (const s of services) {
    const definition = await request.get(`/open311/v2/services/${s.service_code}.json`);
    expect(definition.status()).toBe(200);
    expect(serviceDefinitionProblems((await definition.json()) as Record<string, unknown>)).toEqual([]);
  }
  const student = await loginAs(browser, 'student');
  const created = await student.request.post('/api/v1/tokens', { data: { name: 'GeoReport 字段检查', scopes: ['open311'], expiresInDays: 1 } });
  const { secret } = (await created.json()) as { secret: string };
  const filed = await request.post('/open311/v2/requests.json', {
    form: { api_key: secret, service_code: 'dorm-repair', description: '走廊灯不亮', 'attribute[building]': '西区 3 栋', 'attribute[room]': '210', 'attribute[category]': 'electrical' },
  });
  expect(filed.status()).toBe(201);
  const answer = (await filed.json()) as Array<Record<string, unknown>>;
  expect(createdProblems(answer)).toEqual([]);
  const list = (await (await request.get(`/open311/v2/requests.json?api_key=${secret}`)).json()) as Array<Record<string, unknown>>;
  expect(list.length).toBeGreaterThan(0);
  expect(requestProblems(list)).toEqual([]);
  const one = (await (await request.get(`/open311/v2/requests/${answer[0]!.service_request_id}.json?api_key=${secret}`)).json()) as Array<Record<string, unknown>>;
  expect(requestProblems(one)).toEqual([]);
});
