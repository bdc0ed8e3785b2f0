import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../src/data/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { PNG_MAGIC } from '../support/png.ts';
import { runScript } from '../support/spawn.ts';
import { DiscordStandIn, IDS, type RecordedRequest, type User } from './standin.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('discord', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
let clinician: User;
let coordinator: User;
let admin: User;
let outsider: User;
let everyone: User;

function botEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...db.env,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: IDS.application,
    DISCORD_GUILD_ID: IDS.guild,
    DISCORD_API_BASE: discord.apiBase,
    ROLE_PHI_IDS: IDS.roles.phi,
    ROLE_REPORT_IDS: IDS.roles.reports,
    ROLE_ADMIN_IDS: IDS.roles.admin,
    SUMMARY_CHANNEL_ID: IDS.channel,
    SUMMARY_CRON: '0 7 * * *',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

interface Bot {
  proc: ChildProcess;
  logs: () => string;
  exited: Promise<number | null>;
}

/** The real bot process, started as `npm start` would, until it says it is connected. */
async function startBot(extra: Record<string, string> = {}, waitReady = true): Promise<Bot> {
  const proc = spawn('node_modules/.bin/tsx', ['src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...botEnv(extra) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  proc.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const bot = { proc, logs: () => logs, exited };
  if (waitReady)
    await discord.waitFor(
      () => logs.includes('hers-bot is connected to Discord') || undefined,
      30_000,
      `the bot to connect; logs:\n${logs}`,
    );
  return bot;
}

async function stopBot(bot: Bot): Promise<number | null> {
  if (bot.proc.exitCode === null) bot.proc.kill('SIGTERM');
  return bot.exited;
}

const callbackOf = (p: { id: string; token: string }) => () =>
  discord.requests.find(
    (r) => r.method === 'POST' && r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`,
  );
const originalOf = (p: { token: string }) => () =>
  discord.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`));
const followUpOf = (p: { token: string }) => () =>
  discord.requests.find(
    (r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${IDS.application}/${p.token}`),
  );
const body = (r: RecordedRequest) =>
  r.body as {
    type?: number;
    content?: string;
    flags?: number;
    data?: { flags?: number; content?: string; choices?: unknown[] };
    components?: { components: { custom_id: string; disabled?: boolean }[] }[];
  };

/** The audit rows of an interaction, once at least `count` are there (the bot writes them after replying). */
async function auditOf(interactionId: string, count: number): Promise<RowDataPacket[]> {
  const c = await connect(db.mysqlUrl);
  try {
    for (let i = 0; i < 100; i++) {
      const [rows] = await c.query<RowDataPacket[]>(
        'SELECT * FROM audit_event WHERE interaction_id = ? ORDER BY id',
        [interactionId],
      );
      if (rows.length >= count) return rows;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no audit row for interaction ${interactionId}`);
  } finally {
    await c.end();
  }
}

let bot: Bot;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 9, end: Date.now() }, () => undefined);
  await discord.start();
  clinician = discord.addUser('clinician', [IDS.roles.phi]);
  coordinator = discord.addUser('coordinator', [IDS.roles.reports]);
  admin = discord.addUser('admin', [IDS.roles.admin, IDS.roles.reports]);
  outsider = discord.addUser('outsider', []);
  everyone = discord.addUser('everyone', [IDS.roles.phi, IDS.roles.reports, IDS.roles.admin]);
  bot = await startBot();
}, 120_000);

afterAll(async () => {
  if (bot) await stopBot(bot);
  await discord.stop();
  await db.drop();
});

/** Sends a command and waits for its acknowledgement and its edited reply. */
async function ask(
  user: User,
  name: string,
  sub: string,
  options: Record<string, string | number | boolean> = {},
  opts: { channelId?: string } = {},
) {
  const p = discord.command(user, name, sub, options, opts);
  const callback = await discord.waitFor(callbackOf(p), 5_000, `callback of /${name} ${sub}`);
  return { p, callback };
}

describe('the bot process', () => {
  it('connects through gateway discovery, IDENTIFY and READY, with no unexpected route', () => {
    expect(discord.requests.some((r) => r.path === '/api/v10/gateway/bot' && r.auth === `Bot ${TOKEN}`)).toBe(
      true,
    );
    expect(discord.gatewayFrames.some((f) => f.op === 2)).toBe(true);
    expect(discord.unexpected).toEqual([]);
  });
});

describe('registration', () => {
  it('puts the full command set into the guild, then finds nothing to change', async () => {
    const first = await runScript('src/cli/register.ts', [], botEnv());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('registering 8 commands in guild');
    expect(first.stdout).toContain(
      'added: /patient, /er, /staff, /ambulance, /appointments, /meds, /summary, /admin',
    );
    const put = discord.requests.filter(
      (r) =>
        r.method === 'PUT' &&
        r.path === `/api/v10/applications/${IDS.application}/guilds/${IDS.guild}/commands`,
    );
    expect(put).toHaveLength(1);
    const sent = put[0]?.body as { name: string; contexts: number[]; options: { name: string }[] }[];
    expect(sent.map((c) => c.name)).toEqual([
      'patient',
      'er',
      'staff',
      'ambulance',
      'appointments',
      'meds',
      'summary',
      'admin',
    ]);
    expect(sent.every((c) => JSON.stringify(c.contexts) === '[0]')).toBe(true);
    expect(sent.find((c) => c.name === 'er')?.options.map((o) => o.name)).toContain('response-times');

    const again = await runScript('src/cli/register.ts', [], botEnv());
    expect(again.stdout).toContain('nothing to change.');
    expect(discord.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('with --dry-run, compares and sends nothing', async () => {
    discord.commands = [];
    const r = await runScript('src/cli/register.ts', ['--dry-run'], botEnv());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would register 8 commands');
    expect(r.stdout).toContain('dry run: nothing was sent.');
    expect(discord.requests.filter((x) => x.method === 'PUT')).toHaveLength(1);
  });

  it('into a guild the bot is not in, explains the missing access in one line', async () => {
    const r = await runScript('src/cli/register.ts', [], botEnv({ DISCORD_GUILD_ID: '200000000000000099' }));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'register: Discord denied access (403, code 50001): invite the bot with the applications.commands scope, or check DISCORD_GUILD_ID.',
    );
  });

  it('with a refused token, explains it in one line', async () => {
    const r = await runScript('src/cli/register.ts', [], botEnv({ DISCORD_TOKEN: `${TOKEN}x` }));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'register: Discord refused the token (401 Unauthorized): check DISCORD_TOKEN.',
    );
  });
});

describe('commands through Discord', () => {
  it('an aggregate report: acknowledged within 3 s, public, then the table and a PNG chart', async () => {
    const { p, callback } = await ask(coordinator, 'er', 'arrivals', { window: '24h' });
    expect(callback.at - p.createdAt).toBeLessThan(3_000);
    expect(body(callback)).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
    expect(body(edit).content).toMatch(
      /^\*\*ER arrivals by condition on arrival\*\*\n[\d,]+ arrivals in the last 24 hours\.\n```/,
    );
    expect((body(edit).content ?? '').length).toBeLessThanOrEqual(2000);
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]?.name).toBe('chart.png');
    expect(edit.files[0]?.data.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect(body(edit).components?.[0]?.components.map((c) => c.custom_id)).toEqual([
      expect.stringMatching(/^hers:csv:[0-9a-f]{12}$/),
    ]);
  });

  it('an aggregate report asked for privately is ephemeral', async () => {
    const { callback } = await ask(coordinator, 'staff', 'specialties', { private: true });
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
  });

  it('a patient command is ephemeral and audited with the patients it disclosed', async () => {
    const { p, callback } = await ask(clinician, 'patient', 'search', { name: 'son' });
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
    expect(body(edit).content).toContain('**Patients matching "son"**');
    const [row] = await auditOf(p.id, 1);
    expect(row).toMatchObject({
      source: 'discord',
      actor_id: clinician.id,
      command: '/patient search',
      outcome: 'ok',
      guild_id: IDS.guild,
      channel_id: IDS.channel,
    });
    expect((row?.patient_ids as number[]).length).toBeGreaterThan(0);
  });

  it.each([
    ['patient', 'lookup', { patient: 'MRN1000001' }],
    ['er', 'severity', { level: 'high', window: '7d' }],
    ['er', 'census', {}],
    ['staff', 'on-shift', {}],
    ['ambulance', 'fleet', {}],
    ['appointments', 'patient', { patient: 'MRN1000001' }],
    ['meds', 'top', { window: '30d' }],
    ['summary', '', {}],
    ['admin', 'audit', { count: 5 }],
  ] as const)('/%s %s answers through Discord', async (name, sub, options) => {
    const { p, callback } = await ask(everyone, name, sub, options);
    expect(body(callback).type).toBe(5);
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
    expect(body(edit).content).toMatch(/^\*\*.+\*\*\n/);
    expect(body(edit).content).not.toMatch(/Something went wrong|temporarily unavailable/);
  });

  it('a mistake is answered to the asker only, even after a public acknowledgement', async () => {
    const { p } = await ask(coordinator, 'appointments', 'day', { date: '2026-02-30' });
    const follow = await discord.waitFor(followUpOf(p), 15_000, 'the follow-up');
    expect(body(follow)).toMatchObject({
      content: 'Option `date` must be a real date as YYYY-MM-DD.\n(/appointments day)',
      flags: 64,
    });
    expect(
      discord.requests.some(
        (r) => r.method === 'DELETE' && r.path.endsWith(`/${p.token}/messages/@original`),
      ),
    ).toBe(true);
  });
});

describe('access', () => {
  it('denies patient records to a role without them, says why, and audits the denial', async () => {
    const { p, callback } = await ask(coordinator, 'patient', 'search', { name: 'son' });
    expect(body(callback)).toMatchObject({
      type: 4,
      data: {
        content: expect.stringContaining('Your roles do not allow patient records') as unknown,
        flags: 64,
      },
    });
    const rows = await auditOf(p.id, 1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'denied',
      actor_id: coordinator.id,
      command: '/patient search',
    });
  });

  it('denies reports to someone with no role', async () => {
    const { callback } = await ask(outsider, 'er', 'census');
    expect(body(callback).data?.content).toContain('Your roles do not allow reports');
  });

  it('denies administration to a clinician', async () => {
    const { callback } = await ask(clinician, 'admin', 'audit');
    expect(body(callback).data?.content).toContain('Your roles do not allow administration');
  });
});

describe('/admin audit', () => {
  it('shows an administrator the recent events of one user, including denials', async () => {
    const { p } = await ask(admin, 'admin', 'audit', { user: coordinator.id, count: 50 });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the audit reply');
    const content = body(edit).content ?? '';
    expect(content).toContain(`**Audit trail (by <@${coordinator.id}>)**`);
    expect(content).toContain('/patient search');
    expect(content).toContain('denied');
    expect(content).not.toContain(clinician.id);
  });
});

describe('autocomplete', () => {
  it('suggests at most 25 patients to a clinician, and nothing to someone without patient access', async () => {
    const p = discord.command(clinician, 'patient', 'lookup', { patient: 'Sm' }, { focused: 'patient' });
    const cb = await discord.waitFor(callbackOf(p), 5_000, 'autocomplete');
    expect(body(cb).type).toBe(8);
    const choices = body(cb).data?.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.value).toMatch(/^MRN\d+$/);
    const denied = discord.command(
      coordinator,
      'patient',
      'lookup',
      { patient: 'Sm' },
      { focused: 'patient' },
    );
    const cb2 = await discord.waitFor(callbackOf(denied), 5_000, 'autocomplete');
    expect(body(cb2)).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('pages and buttons', () => {
  it('pages a long table with buttons only the invoker can press', async () => {
    const { p } = await ask(clinician, 'patient', 'search', { name: 'ar' });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
    const content = body(edit).content ?? '';
    const pages = Number(/page 1 of (\d+)/.exec(content)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const [prev, next] = body(edit).components?.[0]?.components ?? [];
    expect(prev?.disabled).toBe(true);
    const message = discord.message(edit.body as Record<string, unknown>);

    const press = discord.button(clinician, next?.custom_id ?? '', message);
    const update = await discord.waitFor(callbackOf(press), 5_000, 'page update');
    expect(body(update).type).toBe(7);
    expect(body(update).data?.content).toContain(`page 2 of ${pages}`);
    expect((body(update).data?.content ?? '').length).toBeLessThanOrEqual(2000);

    const stranger = discord.button(everyone, next?.custom_id ?? '', message);
    const refused = await discord.waitFor(callbackOf(stranger), 5_000, 'refusal');
    expect(body(refused)).toMatchObject({
      type: 4,
      data: { content: 'Only the person who ran this command can use its buttons.', flags: 64 },
    });
  });

  it('offers an aggregate table as CSV to the invoker', async () => {
    const { p } = await ask(coordinator, 'er', 'treatments', { window: '7d' });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
    const csv = body(edit).components?.[0]?.components.find((c) => c.custom_id.startsWith('hers:csv:'));
    const press = discord.button(
      coordinator,
      csv?.custom_id ?? '',
      discord.message(edit.body as Record<string, unknown>),
    );
    const cb = await discord.waitFor(callbackOf(press), 5_000, 'csv');
    expect(body(cb)).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(cb.files[0]?.name).toBe('er-treatments.csv');
    expect(cb.files[0]?.data.toString().split('\r\n')[0]).toBe('type,treatments,share %');
  });

  it('an admin who lost the admin role but keeps the PHI role cannot page an /admin audit reply', async () => {
    const wasAdmin = discord.addUser('former-admin', [IDS.roles.admin, IDS.roles.phi]);
    // Enough audit rows for more than one page: each autocomplete writes one.
    for (let n = 0; n < 30; n++) {
      const p = discord.command(wasAdmin, 'patient', 'lookup', { patient: 'S' }, { focused: 'patient' });
      await discord.waitFor(callbackOf(p), 5_000, 'autocomplete');
    }
    const { p } = await ask(wasAdmin, 'admin', 'audit', { count: 200 });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the audit reply');
    expect(Number(/page 1 of (\d+)/.exec(body(edit).content ?? '')?.[1])).toBeGreaterThan(1);
    const next = body(edit).components?.[0]?.components[1];

    wasAdmin.roles = [IDS.roles.phi];
    const press = discord.button(
      wasAdmin,
      next?.custom_id ?? '',
      discord.message(edit.body as Record<string, unknown>),
    );
    const refused = await discord.waitFor(callbackOf(press), 5_000, 'refusal');
    expect(body(refused)).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body(refused).data?.content).toContain('Your roles do not allow administration');
    const rows = await auditOf(press.id, 1);
    expect(rows[0]).toMatchObject({ command: '/admin audit (page)', outcome: 'denied' });
  });

  it('says when buttons have expired (state unknown to this process)', async () => {
    const press = discord.button(clinician, 'hers:page:0123456789ab:1', discord.message({ content: 'old' }));
    const cb = await discord.waitFor(callbackOf(press), 5_000, 'expiry');
    expect(body(cb).data?.content).toBe('These buttons have expired: run the command again.');
  });
});

describe('Discord errors', () => {
  it('an interaction that expired before the acknowledgement (10062) is logged, and the bot carries on', async () => {
    discord.ackWindowMs = 0;
    const late = discord.command(coordinator, 'er', 'census', {});
    await discord.waitFor(callbackOf(late), 5_000, 'the late callback');
    discord.ackWindowMs = 3_000;
    await discord.waitFor(
      () => bot.logs().includes('interaction expired before it was answered (10062)') || undefined,
      5_000,
      '10062 log',
    );
    const { callback } = await ask(coordinator, 'er', 'census');
    expect(body(callback).type).toBe(5);
  });

  it('an interaction delivered twice is answered once: the redelivery loses its claim and is left alone', async () => {
    const first = discord.command(coordinator, 'staff', 'specialties', {});
    await discord.waitFor(originalOf(first), 15_000, 'first reply');
    const again = discord.command(
      coordinator,
      'staff',
      'specialties',
      {},
      { id: first.id, token: first.token },
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(discord.for(again).filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
    expect(await auditOf(first.id, 1)).toHaveLength(1);
    expect(bot.proc.exitCode).toBeNull();
  });
});

describe('a database that goes away mid-session', () => {
  it('answers "temporarily unavailable" within the time limit, and the bot keeps running', async () => {
    // The bot reaches MariaDB through a loopback proxy the test can cut.
    const sockets = new Set<Socket>();
    const proxy: Server = createServer((client) => {
      const upstream = createConnection(3306, '127.0.0.1');
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as { port: number }).port;
    const second = await startBot({ MYSQL_URL: `mysql://root@127.0.0.1:${port}/${db.name}` });
    try {
      const ok = await ask(coordinator, 'er', 'census');
      await discord.waitFor(originalOf(ok.p), 15_000, 'a reply while the database is up');

      // Slow: the database stops answering but keeps the connections open.
      for (const sock of sockets) sock.pause();
      const slowStart = Date.now();
      const slow = discord.command(coordinator, 'er', 'arrivals', { window: '24h' });
      const slowAnswer = await discord.waitFor(
        followUpOf(slow),
        20_000,
        'the answer while the database hangs',
      );
      expect(Date.now() - slowStart).toBeLessThan(15_000);
      expect(body(slowAnswer).content).toContain('(temporarily unavailable)');

      // Down: the connections are cut and nothing listens any more.
      proxy.close();
      for (const s of sockets) s.destroy();
      const started = Date.now();
      const down = discord.command(coordinator, 'er', 'arrivals', { window: '24h' });
      const answer = await discord
        .waitFor(followUpOf(down), 15_000, 'the unavailable answer')
        .catch((e: unknown) => {
          console.log(
            'BOTLOGS',
            second.logs(),
            discord.for(down).map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`),
          );
          throw e;
        });
      expect(Date.now() - started).toBeLessThan(12_000);
      expect(body(answer).content).toMatch(
        /^hers-bot cannot reach its data right now \(temporarily unavailable\)\. Please try again in a minute\. Reference: E-/,
      );
      expect(body(answer).flags).toBe(64);
      expect(second.proc.exitCode).toBeNull();
    } finally {
      await stopBot(second);
    }
  });
});

describe('the ER daily summary post', () => {
  const footerOf = (m: Record<string, unknown>) =>
    (m.embeds as { footer?: { text: string } }[])[0]?.footer?.text ?? '';
  const dateOf = (m: Record<string, unknown>) =>
    /ER daily summary for (\d{4}-\d{2}-\d{2})/.exec(footerOf(m))?.[1];

  it('is posted at start-up for the due days, with the day figures and a PNG chart', async () => {
    // Catch-up covers the last three days whose 07:00 has passed: at least two, whatever the time now.
    await discord.waitFor(
      () => (discord.channelMessages.length >= 2 ? true : undefined),
      30_000,
      'the summary posts',
    );
    const posts = discord.requests.filter(
      (r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`,
    );
    expect(posts.every((p) => p.auth === `Bot ${TOKEN}`)).toBe(true);
    expect(posts[0]?.files[0]?.name).toBe('chart.png');
    expect(posts[0]?.files[0]?.data.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    const message = discord.channelMessages[0] as Record<string, unknown>;
    const date = dateOf(message);
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The arrivals of that local day, counted here from the raw rows.
    const c = await connect(db.mysqlUrl);
    const [visits] = await c.query<RowDataPacket[]>('SELECT arrived_at FROM er_visit');
    await c.end();
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const arrivals = visits.filter((v) => day.format(v.arrived_at as Date) === date).length;
    const embed = (message.embeds as { description: string; image?: { url: string } }[])[0];
    expect(embed?.description).toContain(
      arrivals >= 5
        ? `**${arrivals.toLocaleString('en-US')}** ER arrivals`
        : arrivals === 0
          ? '**0** ER arrivals'
          : '**<5** ER arrivals',
    );
    expect(embed?.image?.url).toBe('attachment://chart.png');
  });

  it('through a Discord 5xx, is retried and posted once; on 403, fails without retrying', async () => {
    const date = dateOf(discord.channelMessages[0] as Record<string, unknown>) ?? '';
    const before = discord.channelMessages.length;
    discord.channelPostFailures = [502];
    const { p } = await ask(admin, 'admin', 'summary-now', { date, force: true });
    const edit = await discord.waitFor(originalOf(p), 20_000, 'the summary-now reply');
    expect(body(edit).content).toContain('Posted.');
    expect(discord.channelMessages.length).toBe(before + 1);

    discord.channelPostFailures = [403];
    const attempts = () =>
      discord.requests.filter(
        (r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`,
      ).length;
    const tried = attempts();
    const denied = await ask(admin, 'admin', 'summary-now', { date, force: true });
    const reply = await discord.waitFor(originalOf(denied.p), 20_000, 'the summary-now reply');
    expect(body(reply).content).toContain('Posting failed');
    expect(attempts()).toBe(tried + 1);
    expect(bot.logs()).toContain('the bot lacks access to the summary channel');
  });

  it('is posted once per day by all the bot processes of this run, plus the one forced re-post', () => {
    const counts = new Map<string, number>();
    for (const m of discord.channelMessages)
      counts.set(dateOf(m) ?? '?', (counts.get(dateOf(m) ?? '?') ?? 0) + 1);
    const forced = dateOf(discord.channelMessages[0] as Record<string, unknown>) ?? '';
    expect(counts.get(forced)).toBe(2);
    for (const [date, n] of counts) if (date !== forced) expect(n, date).toBe(1);
  });
});

describe('start-up and shutdown', () => {
  it('with a token Discord refuses, stops with one clear line and a non-zero exit', async () => {
    const refused = await startBot({ DISCORD_TOKEN: `${TOKEN}-revoked` }, false);
    const code = await refused.exited;
    expect(code).toBe(2);
    expect(refused.logs()).toContain(
      'hers-bot: Discord refused DISCORD_TOKEN (401 Unauthorized): check the bot token in the Discord developer portal.',
    );
    expect(refused.logs()).not.toMatch(/^\s+at /m);
  });

  it('on SIGTERM, finishes and exits 0 within 10 seconds', async () => {
    const started = Date.now();
    const code = await stopBot(bot);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(bot.logs()).toContain('"msg":"stopped"');
    expect(discord.unexpected).toEqual([]);
  });
});
