import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { api, apiLogin, FITNESS, PDF_BYTES, startFitness, uploadFile } from './support/proof-http';

// The authorization matrix: every route under app/api (found by scanning the directory) × every
// demo role, from the table below. A route without an entry fails the test; so does an entry for a
// method the route does not export. Refused answers must be 401/403/404 and carry no record data.
const base = `http://127.0.0.1:${process.env.E2E_PORT || 3100}`;
const ROOT = path.resolve(__dirname, '..');

const ROLES = ['student', 'student2', 'counselor', 'counselor2', 'doctor', 'sports', 'cadre', 'leader', 'org', 'mailbox', 'logistics', 'assets', 'security', 'admin'] as const;
type Role = (typeof ROLES)[number];
const ALL: Role[] = [...ROLES];
const STUDENTS: Role[] = ['student', 'student2'];

interface Fixtures {
  /** student's (工程学院) application, waiting for the 工程学院 counselor. */
  instanceId: string;
  /** The evidence attached to it. */
  uploadId: string;
  /** Strings only someone allowed to see this application may receive (its id, its unique reason). */
  markers: string[];
  /** A fresh unattached upload per role, for starting applications. */
  uploads: Partial<Record<Role, string>>;
}

interface Case {
  path: (f: Fixtures) => string;
  body?: (f: Fixtures, role: Role) => unknown;
  /** Roles that must succeed (2xx); every other role must be refused. */
  allowed: Role[];
  /** Roles whose successful answer may contain the markers; default: the allowed ones. */
  sees?: Role[];
  /** Changes the record: allowed roles run after the refused ones. */
  mutates?: boolean;
}

type Entry = { exempt: string } | Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Case>>;

const recordViewers: Role[] = ['student', 'counselor', 'admin'];

/** Keys: the route's path under app/, as on disk. */
const MATRIX: Record<string, Entry> = {
  'api/auth/[...nextauth]': { exempt: 'next-auth login endpoints: public by design, tested by every login' },
  'api/health': { exempt: 'public liveness probe, returns no data' },
  'api/test/clock': { exempt: 'exists only with TEST_CLOCK=true (404 in every deployment)' },
  'api/v1/instances': {
    POST: {
      path: () => '/api/v1/instances',
      body: (f, role) => ({ process: FITNESS, input: { kind: 'exempt', reason: '权限矩阵测试用申请理由', evidence: [f.uploads[role]] } }),
      allowed: STUDENTS,
      sees: ['student'], // their own new application carries their own name
    },
  },
  'api/v1/instances/[id]': { GET: { path: (f) => `/api/v1/instances/${f.instanceId}`, allowed: recordViewers } },
  'api/v1/instances/[id]/events': {
    POST: {
      path: (f) => `/api/v1/instances/${f.instanceId}/events`,
      body: () => ({ type: 'approve' }),
      allowed: ['counselor'],
      mutates: true,
    },
  },
  'api/v1/messages': {
    GET: { path: () => '/api/v1/messages', allowed: ALL, sees: ['counselor'] },
    PATCH: { path: () => '/api/v1/messages', body: () => ({ read: true }), allowed: ALL, sees: [] },
  },
  'api/v1/processes': { GET: { path: () => '/api/v1/processes', allowed: ALL, sees: [] } },
  'api/v1/processes/[id]': { GET: { path: () => `/api/v1/processes/${FITNESS}`, allowed: ALL, sees: [] } },
  'api/v1/tasks': { GET: { path: () => '/api/v1/tasks', allowed: ALL, sees: ['counselor'] } },
  'api/v1/uploads': { POST: { path: () => '/api/v1/uploads', allowed: ALL, sees: [] } },
  'api/v1/uploads/[id]': { GET: { path: (f) => `/api/v1/uploads/${f.uploadId}`, allowed: recordViewers } },
};

/** Pages that show one record (not discovered: listed here as the record pages grow). */
const PAGES: Record<string, Case> = {
  '(portal)/applications/[id]': { path: (f) => `/applications/${f.instanceId}`, allowed: recordViewers },
};

function discoverRoutes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const source = readFileSync(full, 'utf8');
        const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        const named = /export\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
        for (const m of named.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.push(m[1]!);
        found.set(path.relative(path.join(ROOT, 'app'), dir).split(path.sep).join('/'), [...new Set(methods)]);
      }
    }
  };
  walk(path.join(ROOT, 'app', 'api'));
  return found;
}

test('every route under app/api has a matrix entry for each method it exports', () => {
  const problems: string[] = [];
  for (const [route, methods] of discoverRoutes()) {
    const entry = MATRIX[route];
    if (!entry) {
      problems.push(`${route} (${methods.join(',')}) has no entry in MATRIX of e2e/proof-authz.spec.ts`);
      continue;
    }
    if ('exempt' in entry) continue;
    for (const m of methods) if (!(m in entry)) problems.push(`${route}: ${m} has no case`);
    for (const m of Object.keys(entry)) if (!methods.includes(m)) problems.push(`${route}: case for ${m}, which it does not export`);
  }
  for (const route of Object.keys(MATRIX)) if (!discoverRoutes().has(route)) problems.push(`MATRIX lists ${route}, which no longer exists`);
  expect(problems).toEqual([]);
});

test('matrix: allowed roles succeed, every other role (and anonymous) is refused with no data', async () => {
  test.setTimeout(180_000);
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) cookies[role] = await apiLogin(base, role);
  const reason = `矩阵专用理由-${Date.now()}`;
  const instance = await startFitness(base, cookies.student, reason);
  const f: Fixtures = {
    instanceId: instance.id,
    uploadId: instance.attachments[0].id,
    markers: [instance.id, reason],
    uploads: {},
  };
  for (const role of STUDENTS) f.uploads[role] = (await uploadFile(base, cookies[role], PDF_BYTES)).body.id;

  const failures: string[] = [];
  const check = async (label: string, c: Case, method: string, role: Role | null, isPage: boolean) => {
    const cookie = role ? cookies[role] : null;
    const bodyValue = c.body?.(f, role ?? 'student');
    const res =
      label.endsWith('api/v1/uploads') && method === 'POST'
        ? role
          ? await uploadFile(base, cookie!, PDF_BYTES)
          : await api(base, null, 'POST', '/api/v1/uploads', undefined, { 'content-type': 'multipart/form-data; boundary=x' })
        : await api(base, cookie, method, c.path(f), bodyValue);
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    const allowed = role !== null && c.allowed.includes(role);
    const sees = role !== null && (c.sees ?? c.allowed).includes(role);
    const who = role ?? 'anonymous';
    if (allowed && (res.status < 200 || res.status > 299)) failures.push(`${method} ${label} as ${who}: expected success, got ${res.status} ${text.slice(0, 200)}`);
    if (!allowed) {
      const refused = role === null ? (isPage ? [200, 302, 303, 307, 401, 404] : [401]) : [403, 404];
      if (!refused.includes(res.status)) failures.push(`${method} ${label} as ${who}: expected ${refused.join('/')}, got ${res.status}`);
      if (!isPage && (typeof res.body !== 'object' || Object.keys(res.body as object).join() !== 'error')) {
        failures.push(`${method} ${label} as ${who}: refusal body is not just {error}: ${text.slice(0, 200)}`);
      }
    }
    if (!sees) {
      // A page echoes its own URL (the id the visitor typed) in Next's payload: only data counts there.
      const markers = isPage ? f.markers.filter((m) => m !== f.instanceId) : f.markers;
      for (const marker of markers) if (text.includes(marker)) failures.push(`${method} ${label} as ${who}: body leaks "${marker}"`);
    }
  };

  const cases: Array<[string, string, Case, boolean]> = [];
  for (const [route, entry] of Object.entries(MATRIX)) {
    if ('exempt' in entry) continue;
    for (const [method, c] of Object.entries(entry)) cases.push([route, method, c!, false]);
  }
  for (const [page, c] of Object.entries(PAGES)) cases.push([page, 'GET', c, true]);
  // Read-only cases first, then the ones that change the record (their allowed roles last of all).
  cases.sort((a, b) => Number(a[2].mutates ?? false) - Number(b[2].mutates ?? false));
  for (const [label, method, c, isPage] of cases) {
    await check(label, c, method, null, isPage);
    const order = [...ROLES].sort((a, b) => Number(c.allowed.includes(a)) - Number(c.allowed.includes(b)));
    for (const role of order) await check(label, c, method, role, isPage);
  }
  expect(failures).toEqual([]);
});
