// A real OpenID Provider for the tests: oidc-provider (panva, a certified OpenID Connect
// implementation) on loopback, with one client — the app — and a tiny login page that tests drive
// in a browser. Authorization code with PKCE (required), nonce and state pass through to the app,
// which must check them; codes are single use (a replay is refused with invalid_grant and revokes
// what the code issued); RP-initiated logout ends the session here.
// What oidc-provider would never issue — an ID token for another audience, an expired one, one
// with a foreign nonce — is made by a test hook (setNextIdToken) that re-signs the next token
// response's ID token with the provider's own key, changing only that one claim: the app must
// refuse it on that claim alone.
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** The campus directory behind the IdP: campus id → display name. Tests add people with addPerson. */
const PEOPLE = { student: '李明', student2: '王芳', T2026001: '新教师' };

const page = (title, body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head>
<body style="font-family:sans-serif;max-width:360px;margin:24px auto;padding:0 16px"><h1 style="font-size:1.3em">${esc(title)}</h1>${body}</body></html>`;

/**
 * Starts the IdP on `port` (0: any free port). `appUrl` is the relying party: its callback
 * (`/api/auth/callback/oidc`) and where it is sent back after logging out (`/login`).
 */
export async function startOidcIdp({ port, host = '127.0.0.1', appUrl, clientId, clientSecret }) {
  const people = { ...PEOPLE };
  let nextIdToken = null; // claims to change in the next ID token issued (a test hook)
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `standin-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };

  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const issuer = `http://${host}:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: '紫荆e站',
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${appUrl}/login`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    // The scope's claims in the ID token too (next-auth reads the profile from the ID token).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            '退出统一身份认证',
            `<p>紫荆e站已退出。是否同时退出统一身份认证？</p>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">退出统一身份认证</button>
<button type="submit" form="op.logoutForm">保持登录</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('已退出统一身份认证', '<p>您已退出。</p>');
        },
      },
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The app is the university's own: no consent screen, as campus IdPs do for first-party apps.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, sub) {
      const username = sub.replace(/^oidc-/, '');
      if (!(username in people)) return undefined;
      return { accountId: sub, claims: async () => ({ sub, preferred_username: username, name: people[username] }) };
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('统一身份认证出错', `<p>${esc(out.error)}: ${esc(out.error_description ?? '')}</p>`);
    },
  });
  provider.on('server_error', (_ctx, error) => console.error(`[oidc-idp] ${error.stack}`));

  // The test hook: re-sign the ID token of the next successful token response with changed claims.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200 || !nextIdToken || !ctx.body?.id_token) return;
    const [header, payload] = ctx.body.id_token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    const input = `${b64url(header)}.${b64url({ ...payload, ...nextIdToken })}`;
    const signature = sign('sha256', Buffer.from(input), createPrivateKey({ key: jwk, format: 'jwk' })).toString('base64url');
    ctx.body = { ...ctx.body, id_token: `${input}.${signature}` };
    nextIdToken = null;
  });

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url, issuer).pathname);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      let error = '';
      if (req.method === 'POST') {
        let raw = '';
        for await (const chunk of req) raw += chunk;
        const username = (new URLSearchParams(raw).get('username') ?? '').trim();
        // The stand-in's directory checks the campus id only; any password is accepted.
        if (username in people) {
          return await provider.interactionFinished(req, res, { login: { accountId: `oidc-${username}` } }, { mergeWithLastSubmission: false });
        }
        error = '<p role="alert">账号不存在</p>';
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page(
          '统一身份认证（测试用 OpenID Provider）',
          `${error}<p>登录到 ${esc(details.params.client_id === clientId ? '紫荆e站' : details.params.client_id)}</p>
<form method="post" action="/interaction/${esc(match[1])}">
<p><label>校园账号 <input name="username" autocomplete="username" required></label></p>
<p><label>密码 <input name="password" type="password" autocomplete="current-password"></label></p>
<button type="submit">登录</button></form>`,
        ),
      );
    } catch (err) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`interaction failed: ${err.message}`);
    }
  });

  return {
    issuer,
    /** Adds or renames a person of the directory. */
    addPerson(username, name) {
      people[username] = name;
    },
    /** Claims to change in the next ID token ({aud}, {exp}, {nonce}), or null. */
    setNextIdToken(claims) {
      nextIdToken = claims && Object.keys(claims).length > 0 ? claims : null;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
