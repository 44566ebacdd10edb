import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization?: string;
}
export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
}
type Handler = (params: Record<string, unknown>) => { status?: number; headers?: Record<string, string>; body?: unknown; hang?: boolean; delayMs?: number } | undefined;

export const BOT_USER_ID = 'UBOT0001';

/** What oauth.v2.access grants for one code: a workspace (or, org-wide, an organisation) and its bot token. */
export interface Grant {
  team: string;
  token: string;
  enterprise?: string;
  isEnterpriseInstall?: boolean;
  /** Set when the Slack app has token rotation on: the grant then also carries expires_in. */
  refreshToken?: string;
}

/** Parses a Web API request body: form-encoded (values that hold JSON are decoded) or JSON. */
function parseBody(raw: string, contentType = ''): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A real HTTP server on loopback standing in for the Slack Web API (`/api/<method>`), for
 * response_url posts (`/response/...`), and for Socket Mode (`apps.connections.open` hands out a
 * ws:// URL to this server).
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly sockets: WebSocket[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly grants = new Map<string, Grant>();
  private readonly spentCodes = new Set<string>();
  private readonly waiters: Array<() => void> = [];
  private server!: Server;
  private wss!: WebSocketServer;
  private ts = 1_700_000_000;
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Override one method's reply (return undefined to fall back to the default). */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  /** oauth.v2.access will exchange `code` for this grant (once), and auth.test will answer for its token. */
  grant(code: string, grant: Grant): void {
    this.grants.set(code, grant);
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const url = req.url ?? '';
      if (url.startsWith('/response/')) {
        this.responses.push({ path: url, body: parseBody(raw, 'application/json') });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      } else if (url.startsWith('/api/')) {
        const method = url.slice('/api/'.length).split('?')[0]!;
        const params = parseBody(raw, req.headers['content-type']);
        this.calls.push({ method, params, authorization: req.headers.authorization });
        const custom = this.handlers.get(method)?.(params);
        const reply = custom ?? { body: this.defaultReply(method, params, req.headers.authorization) };
        if (reply.hang) return this.notify(); // never answers: the client's timeout must fire
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      } else {
        res.writeHead(404).end();
      }
      this.notify();
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (socket) => {
      this.sockets.push(socket);
      // Like Slack: the client ignores everything until this hello.
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A111' } }));
      socket.on('message', () => this.notify());
      this.notify();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private defaultReply(method: string, params: Record<string, unknown>, authorization = ''): unknown {
    const granted = [...this.grants.values()].find((g) => authorization === `Bearer ${g.token}`);
    switch (method) {
      case 'auth.test':
        if (granted) return { ok: true, user_id: BOT_USER_ID, bot_id: `B${granted.team}`, team_id: granted.team, user: 'briefing-bot', team: granted.team, url: `https://${granted.team}.slack.test/` };
        return { ok: true, user_id: BOT_USER_ID, bot_id: 'BBOT0001', team_id: 'T111', user: 'briefing-bot', team: 'Test' };
      case 'oauth.v2.access':
        return this.exchange(params);
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: `${++this.ts}.000100`, message: { text: params.text } };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      default:
        return { ok: true };
    }
  }

  /** oauth.v2.access as Slack answers it (https://docs.slack.dev/reference/methods/oauth.v2.access), for a code granted once. */
  private exchange(params: Record<string, unknown>): unknown {
    const code = String(params.code);
    const grant = this.grants.get(code);
    if (!grant || this.spentCodes.has(code)) return { ok: false, error: 'invalid_code' };
    this.spentCodes.add(code);
    const named = (id: string | undefined) => (id ? { id, name: `Workspace ${id}` } : null);
    return {
      ok: true,
      app_id: 'A111',
      authed_user: { id: 'UINSTALLER' },
      scope: 'app_mentions:read,channels:history,chat:write,commands,im:history',
      token_type: 'bot',
      access_token: grant.token,
      bot_user_id: BOT_USER_ID,
      team: grant.isEnterpriseInstall ? null : named(grant.team),
      enterprise: named(grant.enterprise),
      is_enterprise_install: grant.isEnterpriseInstall === true,
      ...(grant.refreshToken && { refresh_token: grant.refreshToken, expires_in: 43_200 }),
    };
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `predicate` holds (checked after every request), or rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('FakeSlack.waitFor timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits `ms` and returns what arrived meanwhile: for asserting that nothing (more) was posted. */
  async quietFor(ms = 300): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async stop(): Promise<void> {
    // Let clients finish their close handshake (the app's stop() starts it) before cutting connections.
    await Promise.all(
      this.sockets.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.readyState === s.CLOSED) return resolve();
            const timer = setTimeout(resolve, 1000);
            s.once('close', () => {
              clearTimeout(timer);
              setImmediate(resolve);
            });
          }),
      ),
    );
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
