import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';

/** An API client signed in as a demo account through next-auth's own credentials endpoint. */
export async function apiLogin(baseURL: string, username: string, extraHeaders: Record<string, string> = {}): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: extraHeaders });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password: 'demo1234', json: 'true' },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = (await (await api.get('/api/auth/session')).json()) as { uid?: string };
  expect(session.uid, `login of ${username}`).toBeTruthy();
  return api;
}
