#!/usr/bin/env node
// The campus identity providers for the tests (no network reaches the real ones here):
//   basePort      OIDC: a real OpenID Provider, oidc-provider 9 (scripts/oidc-idp.mjs) with a
//                 login page at /interaction/<uid> (校园账号, 密码: any), end_session at /session/end
//   basePort + 1  stand-ins where no implementation installs here, speaking the documented protocol:
//                 CAS 3.0 at /cas (login form, /cas/p3/serviceValidate) and WeChat Work at
//                 /connect/oauth2/authorize, /cgi-bin/gettoken, /cgi-bin/auth/getuserinfo
// Control (tests only), on basePort + 1: POST /control/oidc {"username","name"} adds a person to the
// IdP's directory; with "audience", "expired": true or "nonce", the next ID token the IdP issues
// carries that wrong claim (re-signed with its key). GET /control/stats counts WeChat Work calls.
//   node scripts/sso-stand-ins.mjs 3255 [app URL]
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { startOidcIdp } from './oidc-idp.mjs';

// The same corp app as the notification stand-in of the e2e config, since one app does both.
export const WECOM_CORP_ID = 'ww-test-corp';
export const WECOM_AGENT_ID = '1000002';
export const WECOM_AGENT_SECRET = 'test-secret';
export const OIDC_CLIENT_ID = 'zijing-estation';
export const OIDC_CLIENT_SECRET = 'standin-oidc-secret';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** CAS users of the stand-in: campus id → attributes. Unknown ids sign in as new students. */
const CAS_PEOPLE = {
  student: { cn: '李明', userType: 'student', orgUnit: 'engineering' },
  T2026001: { cn: '新教师', userType: 'staff', orgUnit: 'hr' },
};

/** appUrl: the app that signs in through the IdP (its callback and post-logout addresses). */
export async function startStandIns(basePort, host = '127.0.0.1', appUrl = 'http://127.0.0.1:3250') {
  const stats = { gettoken: 0, getuserinfo: 0 };

  // basePort 0: any two free ports (integration tests run in parallel).
  const oidc = await startOidcIdp({ port: basePort, host, appUrl: appUrl.replace(/\/+$/, ''), clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET });

  const casTickets = new Map(); // ticket → { service, user }
  const wecomCodes = new Map(); // code → userid
  const wecomTokens = new Set();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    const json = (body) => send(200, 'application/json', JSON.stringify(body));
    const readForm = async () => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      return new URLSearchParams(raw);
    };
    const p = url.pathname;
    if (p === '/health') return json({ status: 'ok' });
    if (p === '/control/oidc' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const body = JSON.parse(raw || '{}');
      if (typeof body.username === 'string' && typeof body.name === 'string') oidc.addPerson(body.username, body.name);
      const wrong = {};
      if (body.audience) wrong.aud = body.audience;
      if (body.nonce) wrong.nonce = body.nonce;
      // Expired well beyond any clock tolerance (openid-client allows next-auth 10 s).
      if (body.expired) Object.assign(wrong, { iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 600 });
      oidc.setNextIdToken(wrong);
      return json({ nextIdToken: wrong });
    }
    if (p === '/control/stats') return json(stats);

    // ---- CAS 3.0
    if (p === '/cas/login' && req.method === 'GET') {
      const service = url.searchParams.get('service') ?? '';
      return send(
        200,
        'text/html; charset=utf-8',
        `<!doctype html><html lang="zh"><title>CAS 统一身份认证（本地替身）</title><form method="post">
<input type="hidden" name="service" value="${esc(service)}">
<label>用户名 <input name="username" autocomplete="username"></label>
<label>密码 <input name="password" type="password"></label>
<button type="submit">登录 CAS</button></form></html>`,
      );
    }
    if (p === '/cas/login' && req.method === 'POST') {
      const form = await readForm();
      const service = form.get('service') ?? '';
      const user = (form.get('username') ?? '').trim();
      if (!service || !user) return send(400, 'text/plain', 'service and username required');
      const ticket = `ST-${randomBytes(16).toString('hex')}`;
      casTickets.set(ticket, { service, user });
      const target = new URL(service);
      target.searchParams.set('ticket', ticket);
      return send(302, 'text/plain', '', { location: target.toString() });
    }
    if (p === '/cas/p3/serviceValidate' || p === '/cas/serviceValidate') {
      const ticket = url.searchParams.get('ticket') ?? '';
      const service = url.searchParams.get('service') ?? '';
      const issued = casTickets.get(ticket);
      casTickets.delete(ticket); // a ticket validates once, as in real CAS
      const xml = (inner) => send(200, 'application/xml; charset=utf-8', `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">${inner}</cas:serviceResponse>`);
      if (!issued) return xml(`<cas:authenticationFailure code="INVALID_TICKET">Ticket ${esc(ticket)} not recognized</cas:authenticationFailure>`);
      if (issued.service !== service) return xml(`<cas:authenticationFailure code="INVALID_SERVICE">Ticket was not issued for this service</cas:authenticationFailure>`);
      const attrs = CAS_PEOPLE[issued.user] ?? { cn: `新同学${issued.user}`, userType: 'student', orgUnit: 'agriculture' };
      const attrXml = Object.entries(attrs).map(([k, v]) => `<cas:${k}>${esc(v)}</cas:${k}>`).join('');
      return xml(`<cas:authenticationSuccess><cas:user>${esc(issued.user)}</cas:user><cas:attributes>${attrXml}</cas:attributes></cas:authenticationSuccess>`);
    }

    // ---- WeChat Work
    if (p === '/connect/oauth2/authorize') {
      // Real WeChat Work knows the member from the app session; the stand-in takes ?userid= or a form.
      const userid = url.searchParams.get('userid');
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      if (url.searchParams.get('appid') !== WECOM_CORP_ID) return send(400, 'text/plain', 'wrong appid');
      if (!userid) {
        const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
        return send(200, 'text/html; charset=utf-8', `<!doctype html><form method="get">${hidden}<label>企业微信账号 <input name="userid"></label><button>确认登录</button></form>`);
      }
      const code = randomBytes(16).toString('hex');
      wecomCodes.set(code, userid);
      const target = new URL(redirect);
      target.searchParams.set('code', code);
      target.searchParams.set('state', url.searchParams.get('state') ?? '');
      return send(302, 'text/plain', '', { location: target.toString() });
    }
    if (p === '/cgi-bin/gettoken') {
      stats.gettoken++;
      if (url.searchParams.get('corpid') !== WECOM_CORP_ID || url.searchParams.get('corpsecret') !== WECOM_AGENT_SECRET) {
        return json({ errcode: 40001, errmsg: 'invalid credential' });
      }
      const token = randomBytes(24).toString('hex');
      wecomTokens.add(token);
      return json({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
    }
    if (p === '/cgi-bin/auth/getuserinfo') {
      stats.getuserinfo++;
      if (!wecomTokens.has(url.searchParams.get('access_token'))) return json({ errcode: 40014, errmsg: 'invalid access_token' });
      const code = url.searchParams.get('code') ?? '';
      const userid = wecomCodes.get(code);
      wecomCodes.delete(code);
      if (!userid) return json({ errcode: 40029, errmsg: 'invalid code' });
      return json({ errcode: 0, errmsg: 'ok', userid });
    }
    if (p === '/control/wecom-code' && req.method === 'POST') {
      // Tests mint a code for a member without a browser.
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const code = randomBytes(16).toString('hex');
      wecomCodes.set(code, JSON.parse(raw).userid);
      return json({ code });
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(basePort ? basePort + 1 : 0, host, resolve);
  });

  const base = `http://${host}:${server.address().port}`;
  return {
    env: {
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET,
      CAS_BASE_URL: `${base}/cas`,
      WECOM_CORP_ID,
      WECOM_AGENT_ID,
      WECOM_AGENT_SECRET,
      WECOM_SSO_API_BASE: base,
      WECOM_AUTHORIZE_URL: `${base}/connect/oauth2/authorize`,
    },
    controlUrl: base,
    async stop() {
      await oidc.stop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startStandIns(Number(process.argv[2] || 3255), '127.0.0.1', process.argv[3]).then((s) => console.log(JSON.stringify(s.env, null, 2)));
}
