/**
 * A WeChat Work API stand-in: /cgi-bin/gettoken and /cgi-bin/message/send (textcard). Records
 * every accepted message; can be told to answer 42001 (token expired) or HTTP 500, to mark users
 * invalid, and can be stopped and restarted on the same port to play "channel down".
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCard {
  touser: string;
  agentid: number;
  textcard: { title: string; description: string; url: string };
  token: string;
}

export class WecomStandIn {
  readonly messages: RecordedCard[] = [];
  tokensIssued = 0;
  /** Answers 42001 to the next n sends (the token "expired"). */
  expireNext = 0;
  /** Answers HTTP 500 to the next n requests of any kind. */
  failNext = 0;
  invalidUsers = new Set<string>();
  private valid = new Set<string>();
  private server: http.Server | null = null;

  constructor(
    private port: number,
    private readonly corp = { id: 'ww-test-corp', secret: 'test-secret' },
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.failNext > 0) {
      this.failNext--;
      return json(500, { errcode: -1, errmsg: 'system busy' });
    }
    if (url.pathname === '/cgi-bin/gettoken') {
      if (url.searchParams.get('corpid') !== this.corp.id || url.searchParams.get('corpsecret') !== this.corp.secret) {
        return json(200, { errcode: 40001, errmsg: 'invalid credential' });
      }
      const token = randomBytes(16).toString('hex');
      this.valid.add(token);
      this.tokensIssued++;
      return json(200, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/send' && req.method === 'POST') {
      const token = url.searchParams.get('access_token') ?? '';
      if (this.expireNext > 0) {
        this.expireNext--;
        this.valid.delete(token);
      }
      if (!this.valid.has(token)) return json(200, { errcode: 42001, errmsg: 'access_token expired' });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<RecordedCard, 'token'> & { msgtype: string };
      if (body.msgtype !== 'textcard' || !body.textcard?.url) return json(200, { errcode: 40008, errmsg: 'invalid message type' });
      const users = body.touser.split('|');
      const invalid = users.filter((u) => this.invalidUsers.has(u));
      if (invalid.length === users.length) return json(200, { errcode: 81013, errmsg: 'all users invalid', invaliduser: invalid.join('|') });
      this.messages.push({ touser: users.filter((u) => !invalid.includes(u)).join('|'), agentid: body.agentid, textcard: body.textcard, token });
      return json(200, { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|') });
    }
    json(404, { errcode: 404, errmsg: 'not found' });
  }
}
