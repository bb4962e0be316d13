import { expect, test } from '@playwright/test';
import http from 'node:http';
import fc from 'fast-check';
import { apiLogin, FITNESS, PDF_BYTES } from './support/proof-http';
import { appServer } from './support/server';

// Fuzzed bad input (fast-check): API bodies, raw bytes, query strings and ids, and uploads.
// The property everywhere: the server never answers 5xx. ≥ 2,000 generated requests per run.
let base: string;
test.beforeAll(() => {
  base = appServer().base;
});
const RUNS = Number(process.env.PROOF_FUZZ_RUNS || 1);
// Each run draws new inputs; a failure prints its seed, and FUZZ_SEED=<seed> replays that run.
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

let sent = 0;
const serverErrors: string[] = [];

async function send(method: string, path: string, cookie: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${base}${path}`, { method, headers: { cookie, ...headers }, body });
  await res.arrayBuffer();
  sent++;
  if (res.status >= 500) {
    const shown = typeof body === 'string' ? body.slice(0, 300) : body instanceof FormData ? '[form]' : String(body ?? '').slice(0, 100);
    serverErrors.push(`${res.status} ${method} ${path.slice(0, 200)} ${shown}`);
  }
  return res.status;
}

const json = (value: unknown) => JSON.stringify(value);
/** encodeURIComponent throws on lone surrogates (a client-side limit, not the server's). */
const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
const evil = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '\u0000',
    '\u202eexe.pdf',
    "'; drop table users; --",
    '${7*7}{{7*7}}',
    '__proto__',
    'constructor',
    'A'.repeat(5000),
    '%00',
    '\ud800',
  ),
);
const hugeNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 2 ** 31, -(2 ** 31) - 1, 1.5, Number.MIN_VALUE),
  fc.double(),
  fc.integer(),
);
const anyValue = fc.oneof(fc.anything(), evil, hugeNumber, fc.constant(null));

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

let student: string;
let counselor: string;
let instanceId: string;

test.beforeAll(async () => {
  student = await apiLogin(base, 'student');
  counselor = await apiLogin(base, 'counselor');
  const form = new FormData();
  form.set('file', new Blob([PDF_BYTES]), 'a.pdf');
  const up = await (await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { cookie: student }, body: form })).json();
  const started = await fetch(`${base}/api/v1/instances`, {
    method: 'POST',
    headers: { cookie: student, 'content-type': 'application/json' },
    body: json({ process: FITNESS, input: { kind: 'exempt', reason: '模糊测试的目标申请', evidence: [up.id] } }),
  });
  instanceId = (await started.json()).id;
});

test('API bodies: start an application with generated garbage', async () => {
  const body = fc.oneof(
    anyValue,
    fc.record({ process: fc.oneof(evil, fc.constant(FITNESS)), input: anyValue }, { requiredKeys: [] }),
    fc.record({
      process: fc.constant(FITNESS),
      input: fc.record(
        { kind: fc.oneof(fc.constantFrom('exempt', 'defer'), evil, hugeNumber), reason: fc.oneof(evil, anyValue), evidence: fc.oneof(fc.array(fc.oneof(fc.uuid(), evil)), anyValue) },
        { requiredKeys: [] },
      ),
    }),
  );
  await fc.assert(
    fc.asyncProperty(body, async (b) => (await send('POST', '/api/v1/instances', student, json(b) ?? 'null', { 'content-type': 'application/json' })) < 500),
    { numRuns: 500 * RUNS },
  );
});

test('API bodies: events with generated types, comments, inputs and revisions', async () => {
  const body = fc.oneof(
    anyValue,
    fc.record(
      {
        type: fc.oneof(fc.constantFrom('approve', 'return', 'reject', 'withdraw', 'resubmit', 'submit', 'xstate.init', 'xstate.done.actor.x'), evil),
        comment: fc.oneof(evil, anyValue),
        input: anyValue,
        expectedRevision: fc.oneof(hugeNumber, anyValue),
      },
      { requiredKeys: [] },
    ),
  );
  const id = fc.oneof(fc.constant('INSTANCE'), fc.uuid(), evil);
  await fc.assert(
    fc.asyncProperty(id, body, fc.boolean(), async (target, b, asStudent) => {
      const path = `/api/v1/instances/${target === 'INSTANCE' ? instanceId : enc(target)}/events`;
      // Only refusals are generated for the real instance: a plain approve would move it along.
      const payload = target === 'INSTANCE' && b && typeof b === 'object' && (b as { type?: unknown }).type === 'approve' ? { ...b, type: 'submit' } : b;
      return (await send('POST', path, asStudent ? student : counselor, json(payload) ?? 'null', { 'content-type': 'application/json' })) < 500;
    }),
    { numRuns: 500 * RUNS },
  );
});

test('raw bytes: invalid UTF-8, truncated JSON, huge literals, wrong content types', async () => {
  const raw = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.constantFrom(
      Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0xc3, 0x28]),
      Buffer.from('{"process":"' + FITNESS + '","input":{"reason":"\xc3\x28"'),
      Buffer.from('{"type":"approve","expectedRevision":1e999999}'),
      Buffer.from('{"type":"approve","expectedRevision":' + '9'.repeat(400) + '}'),
      Buffer.from('['.repeat(5000)),
      Buffer.from('{"__proto__":{"admin":true},"process":"x"}'),
      Buffer.from('\ufeff{"process":1}'),
    ),
    fc.string().map((s) => Buffer.from(s)),
  );
  const target = fc.constantFrom('/api/v1/instances', `/api/v1/instances/INSTANCE/events`, '/api/v1/messages', '/api/v1/uploads');
  const type = fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'multipart/form-data', 'multipart/form-data; boundary=zz', 'application/x-www-form-urlencoded', '');
  await fc.assert(
    fc.asyncProperty(raw, target, type, async (bytes, path, contentType) => {
      const method = path === '/api/v1/messages' ? 'PATCH' : 'POST';
      const url = path.replace('INSTANCE', instanceId);
      return (await send(method, url, counselor, new Uint8Array(bytes), contentType ? { 'content-type': contentType } : {})) < 500;
    }),
    { numRuns: 400 * RUNS },
  );
});

test('query strings and ids', async () => {
  const routes = fc.constantFrom('/api/v1/tasks?status=', '/api/v1/instances/', '/api/v1/uploads/', '/api/v1/processes/', '/api/v1/tasks?', '/api/v1/messages?');
  const value = fc.oneof(evil, fc.uuid(), fc.constantFrom('..%2f..%2fetc%2fpasswd', '%00', '%ff%fe', 'open&status=done', 'status[]=open', '%E0%A4%A', '1e999'));
  await fc.assert(
    fc.asyncProperty(routes, value, fc.boolean(), async (route, v, encode) => {
      const part = encode ? enc(v) : v.replace(/[\ud800-\udfff]/g, '\ufffd').replace(/[#?\s/\\]/g, enc);
      return (await send('GET', `${route}${part}`, counselor)) < 500;
    }),
    { numRuns: 400 * RUNS },
  );
});

test('uploads: wrong magic bytes, empty, polyglots, zip bombs, traversal and HTML names', async () => {
  const ZIP_BOMB_HEAD = Buffer.from('504b0304140000000800000000000000000000100000000000000a0000', 'hex');
  const content = fc.oneof(
    fc.constant(new Uint8Array()),
    fc.uint8Array({ minLength: 1, maxLength: 2000 }),
    fc.constantFrom(
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('<html><script>alert(1)</script></html>')]),
      Buffer.concat([Buffer.from('GIF89a'), Buffer.from('/*<script>alert(1)</script>*/')]),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<?php system($_GET[1]); ?>')]),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('PK\x03\x04')]),
      Buffer.concat([ZIP_BOMB_HEAD, Buffer.alloc(2000)]),
      Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      Buffer.from('%PDF'),
    ),
    fc.uint8Array({ maxLength: 500 }).map((tail) => Buffer.concat([PDF_BYTES.subarray(0, 8), tail])),
  );
  const name = fc.oneof(
    evil,
    fc.constantFrom('../../../etc/passwd', '..\\..\\boot.ini', '/abs/path.pdf', 'a.pdf\u0000.exe', '<img src=x onerror=alert(1)>.pdf', 'x'.repeat(1000) + '.pdf', '', '.', '..', 'con.pdf', '\u202efdp.exe'),
  );
  const shape = fc.constantFrom('file', 'string', 'missing', 'two');
  await fc.assert(
    fc.asyncProperty(content, name, shape, async (bytes, filename, how) => {
      const form = new FormData();
      if (how === 'file' || how === 'two') form.append('file', new Blob([new Uint8Array(bytes)]), filename || 'x');
      if (how === 'two') form.append('file', new Blob([PDF_BYTES]), 'second.pdf');
      if (how === 'string') form.append('file', filename);
      if (how === 'missing') form.append('other', new Blob([new Uint8Array(bytes)]), 'x.pdf');
      return (await send('POST', '/api/v1/uploads', student, form)) < 500;
    }),
    { numRuns: 400 * RUNS },
  );
  // Oversize: declared and actual, a few cases (each is megabytes on the wire).
  const max = 10 * 1024 * 1024;
  for (const [size, expected] of [[max - 4096, 201], [max + 1, 413], [max + 200 * 1024, 413]] as const) {
    const form = new FormData();
    form.append('file', new Blob([Buffer.concat([PDF_BYTES, Buffer.alloc(size - PDF_BYTES.length)])]), 'big.pdf');
    const status = await send('POST', '/api/v1/uploads', student, form);
    expect(status, `${size} bytes`).toBe(expected);
  }
});

/** A body sent with Transfer-Encoding: chunked (no Content-Length), in pieces. */
function chunkedBody(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < pieces.length) controller.enqueue(pieces[i++]!);
      else controller.close();
    },
  });
}

async function sendChunked(path: string, cookie: string, pieces: Uint8Array[], contentType: string): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': contentType, 'x-forwarded-for': `10.99.${sent % 250}.${(sent >> 8) % 250}` },
    body: chunkedBody(pieces),
    duplex: 'half',
  } as RequestInit);
  await res.arrayBuffer();
  sent++;
  if (res.status >= 500) serverErrors.push(`${res.status} POST ${path} [chunked ${pieces.reduce((n, p) => n + p.length, 0)} bytes]`);
  return res.status;
}

/**
 * An oversize chunked body: the server answers 413 and closes the connection while the client is
 * still sending (it must not read the rest). The kernel may then reset the connection before the
 * client has read the answer, and fetch reports only the reset (the cause of this spec's CI
 * failures), so this sends with node:http, stops writing at the answer, and resolves the status —
 * or 'reset' when the connection closed before any answer was read; the server's health is checked
 * after each.
 */
function sendOversize(path: string, cookie: string, pieces: Uint8Array[], contentType: string): Promise<number | 'reset'> {
  return new Promise((resolve) => {
    let status: number | undefined;
    const req = http.request(new URL(path, base), {
      method: 'POST',
      headers: { cookie, 'content-type': contentType, 'transfer-encoding': 'chunked', 'x-forwarded-for': `10.98.${sent % 250}.1` },
    });
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      res.on('end', () => resolve(status!));
      res.on('error', () => resolve(status!));
    });
    req.on('error', () => resolve(status ?? 'reset'));
    // Resolves at 'drain' or 'close', whichever comes first, and removes both listeners.
    const writable = () =>
      new Promise<void>((done) => {
        const go = () => {
          req.off('drain', go);
          req.off('close', go);
          done();
        };
        req.on('drain', go);
        req.on('close', go);
      });
    void (async () => {
      for (const piece of pieces) {
        if (status !== undefined || req.destroyed) return;
        if (!req.write(piece)) await writable();
      }
      if (!req.destroyed) req.end();
    })();
  }).then((status) => {
    sent++;
    if (typeof status === 'number' && status >= 500) serverErrors.push(`${status} POST ${path} [chunked oversize]`);
    return status as number | 'reset';
  });
}

async function expectHealthy() {
  expect((await fetch(`${base}/api/health`)).status).toBe(200);
}

test('chunked bodies: generated pieces to every body-reading route; oversize ones stop at the limit (issue 15 items 8, 17)', async () => {
  const targets = fc.constantFrom(
    ['/api/v1/instances', 'application/json'],
    ['/api/v1/instances/INSTANCE/events', 'application/json'],
    ['/api/v1/uploads', 'multipart/form-data; boundary=zz'],
    ['/api/v1/mailbox/letters', 'application/json'],
    ['/api/v1/mailbox/lookup', 'application/x-www-form-urlencoded'],
    ['/api/v1/mailbox/attachments', 'multipart/form-data; boundary=zz'],
  );
  const pieces = fc.array(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string().map((t) => new TextEncoder().encode(t))), { maxLength: 6 });
  await fc.assert(
    fc.asyncProperty(targets, pieces, async ([path, type], body) => (await sendChunked(path.replace('INSTANCE', instanceId), student, body, type)) < 500),
    { numRuns: 150 * RUNS },
  );
  // Bigger than every limit, sent in 1 MB pieces without a length: refused, not buffered whole.
  const mb = new Uint8Array(1 << 20).fill(0x41);
  const huge = Array.from({ length: 12 }, () => mb);
  const multipartHead = new TextEncoder().encode('--zz\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n');
  const refused = [413, 'reset'];
  expect(refused).toContain(await sendOversize('/api/v1/uploads', student, [multipartHead, ...huge], 'multipart/form-data; boundary=zz'));
  await expectHealthy();
  expect(refused).toContain(await sendOversize('/api/v1/mailbox/attachments', '', [multipartHead, ...huge], 'multipart/form-data; boundary=zz'));
  await expectHealthy();
  expect(refused).toContain(await sendOversize('/api/v1/mailbox/letters', '', huge.slice(0, 2), 'application/json'));
  await expectHealthy();
  expect([400, ...refused]).toContain(await sendOversize('/api/v1/instances', student, huge.slice(0, 3), 'application/json'));
  await expectHealthy();
});

test('repeated query parameters and NUL bytes in every query string (issue 15 item 17)', async () => {
  const admin = await apiLogin(base, 'admin');
  const mailbox = await apiLogin(base, 'mailbox');
  // Every page and route that reads its query string, and who may open it.
  const targets: Array<[string, string, string[]]> = [
    ['/mailbox/replies', '', ['q', 'category']],
    ['/mailbox/track', '', ['error']],
    ['/login', '', ['callbackUrl', 'error']],
    ['/login/cas', '', ['ticket', 'callbackUrl', 'state']],
    ['/login/wecom', '', ['code', 'state']],
    ['/services', student, ['q', 'theme', 'audience', 'channel', 'mode', 'dept', 'page']],
    ['/services/stats', student, ['sort', 'dir']],
    ['/tasks', counselor, ['status', 'process', 'q']],
    ['/applications', student, ['status']],
    ['/messages', student, ['filter']],
    ['/mailbox-office', mailbox, ['filter']],
    ['/admin/catalog', admin, ['q', 'status']],
    ['/admin/instances', admin, ['process', 'status', 'q', 'from', 'to', 'page']],
    ['/admin/dashboard', admin, ['period', 'process', 'dept', 'from', 'to']],
    ['/admin/people', admin, ['q']],
    ['/admin/migrations', admin, ['process', 'target']],
    ['/admin/notifications', admin, ['status', 'channel', 'page']],
    ['/api/v1/tasks', counselor, ['status', 'process']],
    ['/api/v1/admin/stats/instances', admin, ['from', 'to', 'process']],
    ['/api/sso/cas/start', '', ['callbackUrl']],
    ['/api/sso/wecom/start', '', ['callbackUrl']],
    ['/open311/v2/requests.json', '', ['service_code', 'status', 'start_date']],
  ];
  const value = fc.oneof(evil, fc.constantFrom('%00', '%2Fe%00', 'a%00b', '%0d%0a', '%09', '%2F%09%2F127.0.0.1'));
  const query = fc.array(fc.tuple(fc.nat(), value, fc.boolean()), { minLength: 1, maxLength: 6 });
  await fc.assert(
    fc.asyncProperty(fc.nat(targets.length - 1), query, async (which, parts) => {
      const [path, cookie, names] = targets[which]!;
      // Each name may come twice or more; values arrive raw (with %00 as written) or encoded.
      const qs = parts.map(([n, v, raw]) => `${names[n % names.length]}=${raw ? v.replace(/[\ud800-\udfff#&\s]/g, '') : enc(v)}`).join('&');
      const status = await send('GET', `${path}?${qs}&${names[0]}=again`, cookie);
      return status < 500;
    }),
    { numRuns: 300 * RUNS },
  );
});

test.afterAll(() => {
  console.log(`fuzz: ${sent} generated requests, ${serverErrors.length} answered 5xx`);
});

test('summary: at least 2,000 generated requests and not one 5xx', () => {
  expect(serverErrors).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(2000);
});
