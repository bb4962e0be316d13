/**
 * Plain-fetch clients for the proof specs and benchmarks: a demo user's session cookie obtained
 * through next-auth's real login endpoints, and small JSON/upload helpers. No browser needed.
 */
export const DEMO_PASSWORD = 'demo1234';
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const FITNESS = 'fitness-test-exemption';

function cookiePairs(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

export interface LoginOptions {
  password?: string;
  /** Distinct client addresses for load tests (the login throttle counts per address). */
  forwardedFor?: string;
}

/** Logs in through /api/auth/csrf + /api/auth/callback/credentials; returns the Cookie header value. */
export async function apiLogin(base: string, username: string, options: LoginOptions = {}): Promise<string> {
  const extra: Record<string, string> = options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {};
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers: extra });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiePairs(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), ...extra },
    body: new URLSearchParams({ csrfToken, username, password: options.password ?? DEMO_PASSWORD, json: 'true' }),
  });
  const session = cookiePairs(res).find((c) => /next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`login of ${username} failed: HTTP ${res.status}`);
  return [...jar, session].join('; ');
}

export interface JsonResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(
  base: string,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResult<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a page, a file): keep the text.
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function uploadFile(
  base: string,
  cookie: string,
  bytes: Uint8Array,
  name = '证明.pdf',
  headers: Record<string, string> = {},
): Promise<JsonResult<{ id: string }>> {
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  const res = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { cookie, ...headers }, body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: res.status, body: body as { id: string }, headers: res.headers };
}

/** Uploads evidence and starts a fitness-test application as the (student) cookie's user. */
export async function startFitness(base: string, cookie: string, reason = '膝关节术后康复期，医嘱禁止剧烈运动'): Promise<any> {
  const upload = await uploadFile(base, cookie, PDF_BYTES);
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  const started = await api(base, cookie, 'POST', '/api/v1/instances', {
    process: FITNESS,
    input: { kind: 'exempt', reason, evidence: [upload.body.id] },
  });
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  return started.body;
}

/** Nearest-rank percentile of a list of numbers (ms). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
