/**
 * A loopback stand-in for Discord: REST v10 over HTTP and a JSON gateway over WebSocket, on one free port
 * of 127.0.0.1. It records every request and fails loudly on routes it does not know. It honours what
 * discord.js 14.28 on Node 20 needs (see the Discord issue): gateway discovery, HELLO/heartbeats/IDENTIFY,
 * READY then a full GUILD_CREATE, complete INTERACTION_CREATE payloads, unauthenticated interaction
 * callbacks and webhooks, `@original` percent-encoded, multipart attachments, 10062 and 40060.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const IDS = {
  application: '100000000000000001',
  bot: '100000000000000001',
  guild: '200000000000000002',
  channel: '300000000000000003',
  phiChannel: '300000000000000004',
  owner: '400000000000000000',
  roles: { phi: '500000000000000005', reports: '500000000000000006', admin: '500000000000000007' },
};

export interface RecordedFile {
  field: string;
  name: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Decoded: `@original`, not `%40original`. */
  path: string;
  query: URLSearchParams;
  auth: string | undefined;
  body: unknown;
  files: RecordedFile[];
  at: number;
}

export interface Pending {
  id: string;
  token: string;
  createdAt: number;
  acknowledged: boolean;
  payload: Record<string, unknown>;
}

export interface User {
  id: string;
  name: string;
  /** The member's roles now: a test may change them, and the next member fetch sees it. */
  roles: string[];
  /** Direct messages from the bot refused (Discord's 50007), as for a member who closed their DMs. */
  dmsClosed?: boolean;
}

const BOT_USER = {
  id: IDS.bot,
  username: 'hers-bot',
  discriminator: '0',
  avatar: null,
  global_name: null,
  bot: true,
};

let counter = 0;
export function snowflake(): string {
  counter++;
  return `${900000000000000000n + BigInt(Date.now() % 1_000_000) * 1000n + BigInt(counter)}`;
}

export class DiscordStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: string[] = [];
  readonly gatewayFrames: { op: number; t?: string }[] = [];
  commands: unknown[] = [];
  /** Messages posted to channels (not interaction replies), newest last. */
  readonly channelMessages: Record<string, unknown>[] = [];
  /** Statuses to answer the next channel posts with, before accepting them (outage simulation). */
  channelPostFailures: number[] = [];
  /** Errors to answer the next edits of interaction replies (PATCH .../messages/...) with, in order. */
  editFailures: { status: number; code: number; message: string }[] = [];
  /** The token REST and the gateway accept. */
  acceptedToken: string;
  /** How long an interaction may wait for its first callback (Discord: 3 s). */
  ackWindowMs = 3_000;
  /**
   * Deliver every interaction to every connected session, as Discord does to several processes that
   * identified with the same token and no sharding; by default only the latest session gets it.
   */
  deliverToEverySession = false;
  /** While true, new gateway connections are closed at once (1011), as during a Discord outage. */
  refuseGateway = false;
  private readonly interactions = new Map<string, Pending>();
  private readonly sockets = new Set<WebSocket>();
  /** Sessions in the order they identified; an interaction goes to one session, the latest alive. */
  private readonly sessions: WebSocket[] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private seq = 0;
  port = 0;

  constructor(token: string) {
    this.acceptedToken = token;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.http(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.gateway(ws));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  // ---- REST -----------------------------------------------------------------------------------------

  private async http(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const { body, files } = await parseBody(req, raw);
    const record: RecordedRequest = {
      method: req.method ?? '',
      path,
      query: url.searchParams,
      auth: req.headers.authorization,
      body,
      files,
      at: Date.now(),
    };
    this.requests.push(record);
    const json = (status: number, data?: unknown) => {
      if (data === undefined) res.writeHead(status).end();
      else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    };
    const authed = () => {
      if (record.auth === `Bot ${this.acceptedToken}`) return true;
      json(401, { message: '401: Unauthorized', code: 0 });
      return false;
    };
    const v = '/api/v10';
    let m: RegExpExecArray | null;

    if (req.method === 'GET' && path === `${v}/gateway/bot`) {
      if (!authed()) return;
      return json(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if ((m = new RegExp(`^${v}/applications/(\\d+)(?:/guilds/(\\d+))?/commands$`).exec(path))) {
      if (!authed()) return;
      if (m[1] !== IDS.application) return json(404, { message: 'Unknown Application', code: 10002 });
      if (m[2] !== undefined && m[2] !== IDS.guild)
        return json(403, { message: 'Missing Access', code: 50001 });
      if (req.method === 'GET') return json(200, this.commands);
      if (req.method === 'PUT') {
        this.commands = (body as Record<string, unknown>[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: IDS.application,
          guild_id: m?.[2],
          version: snowflake(),
        }));
        return json(200, this.commands);
      }
    }
    if ((m = new RegExp(`^${v}/guilds/(\\d+)/members/(\\d+)$`).exec(path)) && req.method === 'GET') {
      if (!authed()) return;
      const member = m[1] === IDS.guild ? this.members.get(m[2] ?? '') : undefined;
      if (!member) return json(404, { message: 'Unknown Member', code: 10007 });
      return json(200, this.apiMember(member));
    }
    if (req.method === 'POST' && path === `${v}/users/@me/channels`) {
      if (!authed()) return;
      const user = this.members.get(String((body as { recipient_id?: unknown }).recipient_id));
      if (!user) return json(400, { message: 'Invalid Recipient(s)', code: 50033 });
      let dm = this.dmChannels.get(user.id);
      if (!dm) this.dmChannels.set(user.id, (dm = snowflake()));
      return json(200, {
        id: dm,
        type: 1,
        last_message_id: null,
        flags: 0,
        recipients: [this.apiUser(user)],
      });
    }
    if ((m = new RegExp(`^${v}/channels/(\\d+)/messages$`).exec(path))) {
      if (!authed()) return;
      const dmOf = [...this.dmChannels].find(([, id]) => id === m?.[1])?.[0];
      if (m[1] !== IDS.channel && m[1] !== IDS.phiChannel && dmOf === undefined)
        return json(404, { message: 'Unknown Channel', code: 10003 });
      if (req.method === 'POST' && dmOf !== undefined && this.members.get(dmOf)?.dmsClosed)
        return json(403, { message: 'Cannot send messages to this user', code: 50007 });
      if (req.method === 'GET') {
        const limit = Number(url.searchParams.get('limit') ?? 50);
        return json(
          200,
          this.channelMessages
            .filter((x) => x.channel_id === m?.[1])
            .slice(-limit)
            .reverse(),
        );
      }
      if (req.method === 'POST') {
        const failure = this.channelPostFailures.shift();
        if (failure === 403) return json(403, { message: 'Missing Access', code: 50001 });
        if (failure) return json(failure, { message: 'Service unavailable', code: 0 });
        const message = {
          ...this.message(body as Record<string, unknown>, files),
          channel_id: m[1],
          embeds: (body as { embeds?: unknown[] }).embeds ?? [],
          webhook_id: undefined,
        };
        this.channelMessages.push(message);
        return json(200, message);
      }
    }
    if (req.method === 'PATCH' && (m = new RegExp(`^${v}/channels/(\\d+)/messages/(\\d+)$`).exec(path))) {
      if (!authed()) return;
      const message = this.channelMessages.find((x) => x.channel_id === m?.[1] && x.id === m?.[2]);
      if (!message) return json(404, { message: 'Unknown Message', code: 10008 });
      const edit = body as { embeds?: unknown[]; components?: unknown[]; content?: string };
      Object.assign(message, {
        ...(edit.embeds ? { embeds: edit.embeds } : {}),
        ...(edit.components ? { components: edit.components } : {}),
        ...(edit.content !== undefined ? { content: edit.content } : {}),
        edited_timestamp: new Date().toISOString(),
      });
      return json(200, message);
    }
    // Interaction callbacks and webhooks carry no Authorization header, and never get a 401.
    if (req.method === 'POST' && (m = new RegExp(`^${v}/interactions/(\\d+)/([^/]+)/callback$`).exec(path))) {
      const pending = this.interactions.get(m[1] ?? '');
      if (!pending || pending.token !== m[2] || Date.now() - pending.createdAt > this.ackWindowMs) {
        return json(404, { message: 'Unknown interaction', code: 10062 });
      }
      if (pending.acknowledged)
        return json(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      pending.acknowledged = true;
      if (url.searchParams.get('with_response') === 'true') {
        return json(200, {
          interaction: { id: pending.id, type: pending.payload.type },
          resource: { type: (body as { type?: number }).type },
        });
      }
      return json(204);
    }
    if ((m = new RegExp(`^${v}/webhooks/(\\d+)/([^/]+)(?:/messages/(@original|\\d+))?$`).exec(path))) {
      const token = m[2] ?? '';
      if (![...this.interactions.values()].some((p) => p.token === token))
        return json(404, { message: 'Unknown Webhook', code: 10015 });
      if (req.method === 'DELETE') return json(204);
      if (req.method === 'PATCH') {
        const failure = this.editFailures.shift();
        if (failure) return json(failure.status, { message: failure.message, code: failure.code });
      }
      if (req.method === 'PATCH' || req.method === 'POST' || req.method === 'GET')
        return json(200, this.message(body as Record<string, unknown>, files));
    }
    this.unexpected.push(`${req.method} ${path}`);
    json(404, { message: `stand-in has no route ${req.method} ${path}`, code: 0 });
  }

  /** A full message object, as Discord returns for webhook sends and edits. */
  message(body: Record<string, unknown> = {}, files: RecordedFile[] = []): Record<string, unknown> {
    return {
      id: snowflake(),
      type: 0,
      channel_id: IDS.channel,
      author: BOT_USER,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: files.map((f, i) => ({
        id: String(i),
        filename: f.name,
        size: f.data.length,
        url: `http://127.0.0.1/${f.name}`,
        proxy_url: `http://127.0.0.1/${f.name}`,
      })),
      embeds: [],
      components: body.components ?? [],
      pinned: false,
      flags: body.flags ?? 0,
      application_id: IDS.application,
      webhook_id: IDS.application,
    };
  }

  // ---- gateway --------------------------------------------------------------------------------------

  private gateway(ws: WebSocket): void {
    this.sockets.add(ws);
    if (this.refuseGateway) {
      ws.close(1011, 'Service unavailable');
      return;
    }
    ws.on('close', () => {
      this.sockets.delete(ws);
      const at = this.sessions.indexOf(ws);
      if (at >= 0) this.sessions.splice(at, 1);
    });
    const send = (frame: object) => ws.send(JSON.stringify(frame));
    send({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> };
      this.gatewayFrames.push({ op: frame.op });
      if (frame.op === 1) send({ op: 11, d: null, s: null, t: null });
      if (frame.op === 2) {
        if (frame.d.token !== this.acceptedToken) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        this.sessions.push(ws);
        this.dispatch(
          'READY',
          {
            v: 10,
            user: { ...BOT_USER, flags: 0 },
            guilds: [{ id: IDS.guild, unavailable: true }],
            session_id: randomBytes(8).toString('hex'),
            resume_gateway_url: `ws://127.0.0.1:${this.port}`,
            application: { id: IDS.application, flags: 0 },
            shard: [0, 1],
          },
          ws,
        );
        this.dispatch('GUILD_CREATE', this.guild(), ws);
      }
      // RESUME after a dropped connection: the session goes on where it was (nothing is replayed here).
      if (frame.op === 6) {
        if (frame.d.token !== this.acceptedToken) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        this.sessions.push(ws);
        this.dispatch('RESUMED', {}, ws);
      }
    });
  }

  /** Closes every gateway connection with `code` (4000 unknown error: the client resumes; 4004: it may not). */
  closeGateway(code: number, reason = 'closed by the stand-in'): void {
    for (const ws of this.sockets) ws.close(code, reason);
  }

  /** Sends an event to one session (by default the latest that identified), as Discord routes it. */
  dispatch(t: string, d: unknown, to: WebSocket | undefined = this.sessions[this.sessions.length - 1]): void {
    this.seq++;
    this.gatewayFrames.push({ op: 0, t });
    to?.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  private readonly members = new Map<string, User>();
  /** The DM channel opened with each member (POST /users/@me/channels), by user id. */
  readonly dmChannels = new Map<string, string>();

  /** Messages the bot sent a member by DM, oldest first. */
  dmsTo(user: User): Record<string, unknown>[] {
    const dm = this.dmChannels.get(user.id);
    return dm ? this.channelMessages.filter((m) => m.channel_id === dm) : [];
  }

  addUser(name: string, roles: string[]): User {
    const user = { id: snowflake(), name, roles };
    this.members.set(user.id, user);
    return user;
  }

  private apiUser(u: User) {
    return { id: u.id, username: u.name, discriminator: '0', avatar: null, global_name: u.name, bot: false };
  }

  private apiMember(u: User) {
    return {
      user: this.apiUser(u),
      roles: u.roles,
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      permissions: '2248473465835073',
    };
  }

  private channel(id: string) {
    return {
      id,
      type: 0,
      guild_id: IDS.guild,
      name: id === IDS.phiChannel ? 'patient-care' : 'er-team',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    };
  }

  private guild() {
    const role = (id: string, name: string, position: number) => ({
      id,
      name,
      permissions: '0',
      position,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
      icon: null,
      unicode_emoji: null,
    });
    return {
      id: IDS.guild,
      name: 'General Hospital',
      icon: null,
      owner_id: IDS.owner,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      splash: null,
      discovery_splash: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      features: [],
      roles: [
        role(IDS.guild, '@everyone', 0),
        role(IDS.roles.phi, 'clinician', 1),
        role(IDS.roles.reports, 'coordinator', 2),
        role(IDS.roles.admin, 'bot-admin', 3),
      ],
      emojis: [],
      stickers: [],
      channels: [this.channel(IDS.channel), this.channel(IDS.phiChannel)],
      threads: [],
      members: [...this.members.values()].map((u) => this.apiMember(u)),
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      member_count: this.members.size,
      large: false,
      unavailable: false,
      joined_at: '2026-01-01T00:00:00.000Z',
      application_id: null,
      max_video_channel_users: 25,
    };
  }

  // ---- interactions ---------------------------------------------------------------------------------

  /** Builds a complete INTERACTION_CREATE payload and sends it; returns its id. */
  interact(
    kind: 'command' | 'autocomplete' | 'button',
    user: User,
    data: Record<string, unknown>,
    opts: { channelId?: string; message?: Record<string, unknown>; id?: string; token?: string } = {},
  ): Pending {
    const channelId = opts.channelId ?? IDS.channel;
    const payload: Record<string, unknown> = {
      id: opts.id ?? snowflake(),
      application_id: IDS.application,
      type: kind === 'command' ? 2 : kind === 'autocomplete' ? 4 : 3,
      data,
      guild_id: IDS.guild,
      guild: { id: IDS.guild, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: this.channel(channelId),
      member: this.apiMember(user),
      token: opts.token ?? randomBytes(24).toString('hex'),
      version: 1,
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': IDS.guild },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...(opts.message ? { message: opts.message } : {}),
    };
    const pending: Pending = {
      id: String(payload.id),
      token: String(payload.token),
      createdAt: Date.now(),
      acknowledged: false,
      payload,
    };
    if (!this.interactions.has(pending.id)) this.interactions.set(pending.id, pending);
    if (this.deliverToEverySession)
      for (const session of [...this.sessions]) this.dispatch('INTERACTION_CREATE', payload, session);
    else this.dispatch('INTERACTION_CREATE', payload);
    return pending;
  }

  /**
   * A slash command: `/er arrivals window:24h` becomes its data, typed as the definitions say; a subcommand
   * of a group is named by both (`'alerts show'`).
   */
  command(
    user: User,
    name: string,
    sub: string,
    options: Record<string, string | number | boolean> = {},
    opts: { channelId?: string; focused?: string; id?: string; token?: string } = {},
  ): Pending {
    const typed = Object.entries(options).map(([k, value]) => ({
      name: k,
      type: typeof value === 'number' ? 4 : typeof value === 'boolean' ? 5 : 3,
      value,
      ...(opts.focused === k ? { focused: true } : {}),
    }));
    const data = {
      id: snowflake(),
      name,
      type: 1,
      guild_id: IDS.guild,
      options: sub.includes(' ')
        ? [
            {
              type: 2,
              name: sub.split(' ')[0],
              options: [{ type: 1, name: sub.split(' ')[1], options: typed }],
            },
          ]
        : sub
          ? [{ type: 1, name: sub, options: typed }]
          : typed,
    };
    return this.interact(opts.focused ? 'autocomplete' : 'command', user, data, opts);
  }

  button(user: User, customId: string, message: Record<string, unknown>): Pending {
    return this.interact('button', user, { custom_id: customId, component_type: 2 }, { message });
  }

  /** The interaction a request answers (its callback or one of its webhook calls), if any. */
  interactionOf(r: RecordedRequest): Pending | undefined {
    return [...this.interactions.values()].find(
      (p) => r.path.includes(`/interactions/${p.id}/`) || r.path.includes(`/${p.token}`),
    );
  }

  /** How many gateway sessions have identified and are still connected. */
  get sessionCount(): number {
    return this.sessions.length;
  }

  /** Requests made for one interaction: its callback and its webhook calls. */
  for(p: Pending): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.path.includes(`/interactions/${p.id}/`) || r.path.includes(`/${p.token}`),
    );
  }

  async waitFor<T>(find: () => T | undefined, timeoutMs = 15_000, what = 'condition'): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined && found !== false) return found;
      if (Date.now() > until) throw new Error(`stand-in: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function parseBody(
  req: IncomingMessage,
  raw: Buffer,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith('application/json')) return { body: JSON.parse(raw.toString()) as unknown, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (field === 'payload_json') body = JSON.parse(String(value)) as unknown;
      else if (typeof value !== 'string')
        files.push({ field, name: value.name, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  return { body: raw.toString(), files: [] };
}
