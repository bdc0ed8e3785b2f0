import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { RowDataPacket } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { parseButtonId } from '../../src/discord/pager.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { PNG_MAGIC } from '../support/png.ts';
import { runScript } from '../support/spawn.ts';
import { launchBot, standInEnv, stopBot, type Bot } from './bot.ts';
import { linesWithPatientData, seededPatients, type SeededPatient } from './patient-data.ts';
import { checkPublicAnswers } from './public-answers.ts';
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
    ...standInEnv(discord, TOKEN),
    ROLE_PHI_IDS: IDS.roles.phi,
    ROLE_REPORT_IDS: IDS.roles.reports,
    ROLE_ADMIN_IDS: IDS.roles.admin,
    SUMMARY_CHANNEL_ID: IDS.channel,
    SUMMARY_CRON: '0 7 * * *',
    ...extra,
  };
}

/** The real bot process, started as `npm start` would, until it says it is connected. */
async function startBot(extra: Record<string, string> = {}, waitReady = true): Promise<Bot> {
  const bot = await launchBot(discord, TOKEN, {}, botEnv(extra), { waitReady: false });
  everyBot.push(bot);
  if (waitReady)
    await discord.waitFor(
      () => bot.logs().includes('hers-bot is connected to Discord') || undefined,
      30_000,
      `the bot to connect; logs:\n${bot.logs()}`,
    );
  return bot;
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
/** Every bot process this file started: their logs are scanned for patient data at the end. */
const everyBot: Bot[] = [];

let patients: SeededPatient[] = [];

async function sql<T = RowDataPacket>(statement: string, values: unknown[] = []): Promise<T[]> {
  const c = await connect(db.mysqlUrl);
  try {
    const [rows] = await c.query<RowDataPacket[]>(statement, values);
    return rows as T[];
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 9, end: Date.now() }, () => undefined);
  patients = await seededPatients(db.mysqlUrl);
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
  await Promise.all(everyBot.map(stopBot));
  try {
    // The log scan: no bot process of this file logged any seeded patient's identifiers.
    expect(everyBot.flatMap((b) => linesWithPatientData(b.logs(), patients))).toEqual([]);
    // The audit completeness: each answer naming a patient by MRN had that patient's audit row first.
    expect(await disclosuresAuditedLate()).toEqual([]);
    // No public answer of this file lets a withheld count be solved (SUMMARY_MIN_CELL is 5 by default).
    expect(checkPublicAnswers(discord, 5).problems).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
}, 120_000);

/**
 * Every answer the stand-in received that names a patient by MRN, for which no audit row of that patient
 * (by the same interaction, or for a button by the same person) was on record when the answer arrived.
 */
async function disclosuresAuditedLate(): Promise<string[]> {
  const byMrn = new Map(patients.map((p) => [p.mrn, p.id]));
  const rows = await sql<{
    interaction_id: string | null;
    actor_id: string;
    occurred_at: Date;
    patient_ids: number[];
  }>('SELECT interaction_id, actor_id, occurred_at, patient_ids FROM audit_event');
  const late: string[] = [];
  let checked = 0;
  for (const r of discord.requests) {
    const p = discord.interactionOf(r);
    if (!p) continue;
    const text = JSON.stringify(r.body ?? '') + r.files.map((f) => f.data.toString()).join('');
    const user = (p.payload.member as { user: { id: string } }).user.id;
    for (const mrn of new Set(text.match(/MRN\d+/g) ?? [])) {
      const id = byMrn.get(mrn);
      if (id === undefined) continue;
      checked++;
      const onRecord = rows.some(
        (a) =>
          (a.interaction_id === p.id || (p.payload.type === 3 && a.actor_id === user)) &&
          (a.patient_ids ?? []).includes(id) &&
          a.occurred_at.getTime() <= r.at,
      );
      if (!onRecord) late.push(`${r.method} ${r.path.replace(p.token, ':token')}: ${mrn}`);
    }
  }
  // The suite shows patients in many ways; a check that saw none would prove nothing.
  if (checked < 20) late.push(`only ${checked} disclosures seen`);
  return late;
}

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
    expect(first.stdout).toContain('registering 11 commands in guild');
    expect(first.stdout).toContain(
      'added: /patient, /er, /staff, /ambulance, /appointments, /care, /meds, /summary, /subscribe, /admin, /link-account',
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
      'care',
      'meds',
      'summary',
      'subscribe',
      'admin',
      'link-account',
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
    expect(r.stdout).toContain('would register 11 commands');
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
    // Staff counts: a public answer about patients may withhold its chart (see who-sees-what.test.ts).
    const { p, callback } = await ask(coordinator, 'staff', 'specialties');
    expect(callback.at - p.createdAt).toBeLessThan(3_000);
    expect(body(callback)).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
    expect(body(edit).content).toMatch(
      /^\*\*Physicians by specialty\*\*\n[\d,]+ active physicians in [\d,]+ specialties\.\n```/,
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
    // A whole last name: few enough matches for the search to list them (it lists at most 25).
    const c = await connect(db.mysqlUrl);
    const [[seeded]] = await c.query<RowDataPacket[]>('SELECT last_name FROM patient ORDER BY id LIMIT 1');
    await c.end();
    const name = String(seeded?.last_name);
    const { p, callback } = await ask(clinician, 'patient', 'search', { name });
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
    expect(body(edit).content).toContain(`**Patients matching "${name}"**`);
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
    ['er', 'flow', { window: '7d', by: 'condition' }],
    ['er', 'returns', { window: '30d' }],
    ['er', 'returns-list', { window: '30d' }],
    ['care', 'follow-up', { window: '30d' }],
    ['care', 'gaps', { window: '30d' }],
    ['care', 'no-shows', { window: '30d', department: 'Cardiology' }],
    ['meds', 'ending', { days: 7 }],
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
    // On record before the answer went out.
    expect((rows[0]?.occurred_at as Date).getTime()).toBeLessThanOrEqual(callback.at);
  });

  it.each([
    ['er', 'returns-list'],
    ['care', 'gaps'],
    ['meds', 'ending'],
  ] as const)(
    '/%s %s: a patient list, denied to a role without patient records, private with it',
    async (name, sub) => {
      const denied = await ask(coordinator, name, sub);
      expect(body(denied.callback)).toMatchObject({
        type: 4,
        data: {
          content: expect.stringContaining('Your roles do not allow patient records') as unknown,
          flags: 64,
        },
      });
      const allowed = await ask(clinician, name, sub);
      expect(body(allowed.callback)).toEqual({ type: 5, data: { flags: 64 } });
      const edit = await discord.waitFor(originalOf(allowed.p), 15_000, 'the edited reply');
      expect(body(edit).content).toMatch(/^\*\*.+\*\*\n/);
      const [row] = await auditOf(allowed.p.id, 1);
      expect(row).toMatchObject({
        command: `/${name} ${sub}`,
        outcome: expect.stringMatching(/^(ok|empty)$/) as unknown,
      });
    },
  );

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
    const { p } = await ask(clinician, 'er', 'recent-treatments', { window: '90d' });
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
    const [row] = await auditOf(press.id, 1);
    expect(row).toMatchObject({ command: '/er treatments (CSV)', outcome: 'ok' });
    expect((row?.occurred_at as Date).getTime()).toBeLessThanOrEqual(cb.at);
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

  it('an admin who lost the PHI role cannot page an /admin audit reply made with it; one made without it pages', async () => {
    const admin = discord.addUser('admin-losing-phi', [IDS.roles.admin, IDS.roles.phi]);
    for (let n = 0; n < 30; n++) {
      const p = discord.command(admin, 'patient', 'lookup', { patient: 'S' }, { focused: 'patient' });
      await discord.waitFor(callbackOf(p), 5_000, 'autocomplete');
    }
    const nextOf = async (p: ReturnType<typeof discord.command>) => {
      const edit = await discord.waitFor(originalOf(p), 15_000, 'the audit reply');
      expect(Number(/page 1 of (\d+)/.exec(body(edit).content ?? '')?.[1])).toBeGreaterThan(1);
      return { id: body(edit).components?.[0]?.components[1]?.custom_id ?? '', edit };
    };
    const withPhi = await nextOf((await ask(admin, 'admin', 'audit', { count: 200 })).p);
    admin.roles = [IDS.roles.admin];
    const withoutPhi = await nextOf((await ask(admin, 'admin', 'audit', { count: 200 })).p);

    const press = discord.button(
      admin,
      withPhi.id,
      discord.message(withPhi.edit.body as Record<string, unknown>),
    );
    const refused = await discord.waitFor(callbackOf(press), 5_000, 'refusal');
    expect(body(refused)).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body(refused).data?.content).toContain('Your roles do not allow patient records');
    expect((await auditOf(press.id, 1))[0]).toMatchObject({
      command: '/admin audit (page)',
      outcome: 'denied',
    });

    const own = discord.button(
      admin,
      withoutPhi.id,
      discord.message(withoutPhi.edit.body as Record<string, unknown>),
    );
    const update = await discord.waitFor(callbackOf(own), 5_000, 'page update');
    expect(body(update).type).toBe(7);
    expect(body(update).data?.content).toContain('page 2 of');
  });

  it('says when buttons have expired (state unknown to this process)', async () => {
    const press = discord.button(clinician, 'hers:page:0123456789ab:1', discord.message({ content: 'old' }));
    const cb = await discord.waitFor(callbackOf(press), 5_000, 'expiry');
    expect(body(cb).data?.content).toBe('These buttons have expired: run the command again.');
    const [row] = await auditOf(press.id, 1);
    expect(row).toMatchObject({ command: 'button (page)', outcome: 'denied', detail: 'buttons expired' });
  });

  it.each(['hers:page:0123456789ab', 'hers:page:not-a-state:1', 'something-else'])(
    'answers a button with a malformed id (%j) privately that it no longer works',
    async (customId) => {
      const press = discord.button(clinician, customId, discord.message({ content: 'old' }));
      const cb = await discord.waitFor(callbackOf(press), 5_000, 'the answer to a malformed button');
      expect(body(cb)).toMatchObject({
        type: 4,
        data: { content: 'This button no longer works: run the command again.', flags: 64 },
      });
      const [row] = await auditOf(press.id, 1);
      expect(row).toMatchObject({ command: 'button', outcome: 'denied', detail: 'unrecognised button' });
    },
  );
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

describe('disclosures on the record', () => {
  it('autocomplete records every patient it suggested', async () => {
    const p = discord.command(clinician, 'patient', 'lookup', { patient: 'S' }, { focused: 'patient' });
    const cb = await discord.waitFor(callbackOf(p), 5_000, 'autocomplete');
    const choices = body(cb).data?.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(1);
    const shown = choices.map((c) => patients.find((x) => x.mrn === c.value)?.id).sort((a, b) => a! - b!);
    const [row] = await auditOf(p.id, 1);
    expect([...(row?.patient_ids as number[])].sort((a, b) => a - b)).toEqual(shown);
    expect(row).toMatchObject({ command: '/patient lookup (autocomplete)', outcome: 'ok' });
  });

  it('the "several patients match" answer records the patients it names', async () => {
    const [shared] = await sql<{ last_name: string }>(
      'SELECT last_name FROM patient GROUP BY last_name HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC LIMIT 1',
    );
    const { p } = await ask(clinician, 'patient', 'lookup', { patient: shared?.last_name ?? '' });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the answer');
    const content = body(edit).content ?? '';
    expect(content).toMatch(/^Several patients match/);
    const named = [...content.matchAll(/MRN\d+/g)].map((m) => patients.find((x) => x.mrn === m[0])?.id);
    expect(named.length).toBeGreaterThan(1);
    const [row] = await auditOf(p.id, 1);
    expect(row).toMatchObject({ outcome: 'invalid' });
    expect(row?.patient_ids).toEqual(named);
  });

  it('option text with a lone surrogate and control characters is audited, cleaned, and echoed clean', async () => {
    const typed = '\ud800Zq\u001b[31mxq\u0007\u202e';
    const { p } = await ask(clinician, 'patient', 'lookup', { patient: typed });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the answer');
    const content = body(edit).content ?? '';
    expect(content).toBe('No patient matches "\ufffdZqxq".');
    const [row] = await auditOf(p.id, 1);
    expect(row).toMatchObject({ outcome: 'invalid', command: '/patient lookup' });
    expect(row?.options).toEqual({ patient: '\ufffdZqxq' });
  });
  it('option text with a lone surrogate is echoed into the reply cleaned, as the terminal shows it', async () => {
    const { p } = await ask(clinician, 'patient', 'search', { name: 'ab\uD800cd' });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the answer');
    const content = body(edit).content ?? '';
    expect(content).toContain('"ab\ufffdcd"');
    expect(content).not.toContain('\ud800');
  });
});

describe('a reply Discord rejects', () => {
  it('is followed up privately with the short error and a reference; the log keeps ids and codes only', async () => {
    const patient = patients[3] as SeededPatient;
    discord.editFailures = [{ status: 400, code: 50035, message: 'Invalid Form Body' }];
    const { p } = await ask(clinician, 'patient', 'lookup', { patient: patient.mrn });
    const follow = await discord.waitFor(followUpOf(p), 15_000, 'the follow-up');
    expect(body(follow).flags).toBe(64);
    const content = body(follow).content ?? '';
    expect(content).toMatch(
      /^Discord did not accept the answer \(error 50035\).* reference (E-[0-9A-Z]+)\.$/,
    );
    const reference = /reference (E-[0-9A-Z]+)/.exec(content)?.[1];
    const line = await discord.waitFor(
      () =>
        bot
          .logs()
          .split('\n')
          .find((l) => l.includes(p.id) && l.includes('rejected the reply')),
      5_000,
      'the log line',
    );
    const logged = JSON.parse(line) as Record<string, unknown>;
    const { level, time, app, msg, ...rest } = logged;
    expect({ level, msg, app }).toEqual({ level: 50, msg: 'Discord rejected the reply', app: 'hers-bot' });
    expect(typeof time).toBe('number');
    expect(rest).toEqual({ interactionId: p.id, command: '/patient lookup', code: '50035', reference });
    expect(linesWithPatientData(bot.logs(), [patient])).toEqual([]);
    const rows = await auditOf(p.id, 2);
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'error']);
    expect(rows[1]?.detail).toContain(`reference ${reference}: Discord rejected the reply (error 50035)`);
  });
});

describe('a refusal Discord rejects', () => {
  it('after "slow down", a rejected edit is followed up privately with a reference, and the log lines stay short', async () => {
    const limited = discord.addUser('limited-clinician', [IDS.roles.phi]);
    // At the limit already: the next patient command is refused with "slow down".
    await sql(
      `INSERT INTO rate_limit (bucket, actor_id, window_start, window_ends, hits)
       VALUES ('phi', ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 10 MINUTE, 30)`,
      [limited.id],
    );
    discord.editFailures = [{ status: 400, code: 50035, message: 'Invalid Form Body' }];
    const { p } = await ask(limited, 'patient', 'lookup', { patient: patients[0]?.mrn ?? '' });
    const follow = await discord.waitFor(followUpOf(p), 15_000, 'the follow-up');
    expect(body(follow).flags).toBe(64);
    const content = body(follow).content ?? '';
    expect(content).toMatch(
      /^Discord did not accept the answer \(error 50035\).* reference (E-[0-9A-Z]+)\.$/,
    );
    const reference = /reference (E-[0-9A-Z]+)/.exec(content)?.[1] ?? '?';
    await discord.waitFor(
      () => bot.logs().includes(reference) || undefined,
      5_000,
      'the log line with the reference',
    );
    const lines = bot
      .logs()
      .split('\n')
      .filter((l) => l.includes(p.id));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.length, line).toBeLessThan(400);
    const rows = await auditOf(p.id, 2);
    expect(rows.map((r) => [r.command, r.outcome])).toEqual([
      ['/patient lookup (rate limited)', 'denied'],
      ['/patient lookup', 'error'],
    ]);
  });
});

describe('rate limits', () => {
  it('refuses the 31st patient command in 10 minutes, privately and audited; another user is unaffected', async () => {
    const busy = discord.addUser('busy-clinician', [IDS.roles.phi]);
    for (let n = 0; n < 30; n++) {
      const { p } = await ask(busy, 'patient', 'lookup', { patient: patients[n % 10]?.mrn ?? '' });
      const edit = await discord.waitFor(originalOf(p), 15_000, `lookup ${n + 1}`);
      expect(body(edit).content, `lookup ${n + 1}`).toMatch(/^\*\*/);
    }
    const { p } = await ask(busy, 'patient', 'lookup', { patient: patients[0]?.mrn ?? '' });
    const refused = await discord.waitFor(originalOf(p), 15_000, 'the refusal');
    expect(body(refused).content).toMatch(
      /^Slow down: you have reached the limit of 30 patient commands in 10 minutes\. Try again in (10|9) minutes\.$/,
    );
    expect(body(refused).content).not.toContain('MRN');
    const [row] = await auditOf(p.id, 1);
    expect(row).toMatchObject({
      command: '/patient lookup (rate limited)',
      outcome: 'denied',
      detail: 'rate limited',
      actor_id: busy.id,
    });

    const other = await ask(clinician, 'patient', 'lookup', { patient: patients[0]?.mrn ?? '' });
    const fine = await discord.waitFor(originalOf(other.p), 15_000, "the other user's answer");
    expect(body(fine).content).toMatch(/^\*\*/);

    const audit = await ask(admin, 'admin', 'audit', { user: busy.id, count: 5 });
    const report = await discord.waitFor(originalOf(audit.p), 15_000, 'the audit reply');
    expect(body(report).content).toContain('/patient lookup (rate limited)');
    expect(body(report).content).toContain('denied');
  }, 120_000);
});

describe('autocomplete rate limit', () => {
  it('suggests nothing past 60 requests a minute, and audits the refusal', async () => {
    const typist = discord.addUser('fast-typist', [IDS.roles.phi]);
    const suggest = async () => {
      const p = discord.command(typist, 'patient', 'lookup', { patient: 'S' }, { focused: 'patient' });
      return { p, cb: await discord.waitFor(callbackOf(p), 5_000, 'autocomplete') };
    };
    for (let n = 0; n < 60; n++) {
      const { cb } = await suggest();
      expect((body(cb).data?.choices ?? []).length, `request ${n + 1}`).toBeGreaterThan(0);
    }
    const { p, cb } = await suggest();
    expect(body(cb)).toEqual({ type: 8, data: { choices: [] } });
    const [row] = await auditOf(p.id, 1);
    expect(row).toMatchObject({
      command: '/patient lookup (autocomplete) (rate limited)',
      outcome: 'denied',
      detail: 'rate limited',
      patient_ids: [],
    });
  }, 60_000);
});

describe('a hung database', () => {
  it('answers "temporarily unavailable" and the audit row says so, never a later ok', async () => {
    // Another connection holds the audit chain's lock: the bot's audit INSERT waits on it.
    const holder = await connect(db.mysqlUrl);
    await holder.query('START TRANSACTION');
    await holder.query('SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
    let released = false;
    try {
      const { p } = await ask(clinician, 'patient', 'lookup', { patient: patients[5]?.mrn ?? '' });
      const edit = await discord.waitFor(originalOf(p), 20_000, 'the answer');
      expect(body(edit).content).toMatch(
        /^hers-bot cannot reach its data right now \(temporarily unavailable\)/,
      );
      expect(body(edit).content).not.toContain(patients[5]?.mrn);
      const reference = /Reference: (E-[0-9A-Z]+)/.exec(body(edit).content ?? '')?.[1];
      await holder.query('COMMIT');
      released = true;
      const [row] = await auditOf(p.id, 1);
      await new Promise((r) => setTimeout(r, 2_000));
      const rows = await auditOf(p.id, 1);
      expect(rows.map((r) => r.outcome)).toEqual(['error']);
      expect(row?.detail).toContain(`reference ${reference}: temporarily unavailable`);
      expect(row?.patient_ids).toEqual([]);
    } finally {
      if (!released) await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  }, 60_000);
});

describe('a page button while its page state is locked', () => {
  it('answers "temporarily unavailable" within Discord\'s 3 seconds instead of leaving the button hanging', async () => {
    const { p } = await ask(clinician, 'er', 'recent-treatments', { window: '90d' });
    const edit = await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
    const next = body(edit).components?.[0]?.components[1]?.custom_id ?? '';
    const state = parseButtonId(next)?.state ?? '';
    // Another connection holds the state's row: reading it works, marking it used waits.
    const holder = await connect(db.mysqlUrl);
    await holder.query('START TRANSACTION');
    await holder.query('SELECT id FROM page_state WHERE id = ? FOR UPDATE', [state]);
    try {
      const press = discord.button(clinician, next, discord.message(edit.body as Record<string, unknown>));
      const cb = await discord.waitFor(callbackOf(press), 5_000, 'the answer');
      expect(cb.at - press.createdAt).toBeLessThan(3_000);
      expect(body(cb)).toMatchObject({ type: 4, data: { flags: 64 } });
      expect(body(cb).data?.content).toMatch(
        /^hers-bot cannot reach its data right now \(temporarily unavailable\)/,
      );
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  }, 30_000);
});

describe('an audit trail that cannot be written (a user without INSERT on audit_event)', () => {
  it('shows no patient: autocomplete suggests nothing, the ambiguity answer names nobody, logs hold none', async () => {
    const user = `hers_ro_${randomBytes(3).toString('hex')}`;
    const password = randomBytes(9).toString('hex');
    const root = await connect(inject('mysqlServerUrl'));
    const grants = [
      `CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`,
      `GRANT SELECT ON \`${db.name}\`.* TO '${user}'@'%'`,
      `GRANT UPDATE ON \`${db.name}\`.audit_chain_head TO '${user}'@'%'`,
      `GRANT INSERT, UPDATE ON \`${db.name}\`.summary_post TO '${user}'@'%'`,
      `GRANT INSERT, UPDATE, DELETE ON \`${db.name}\`.rate_limit TO '${user}'@'%'`,
    ];
    for (const g of grants) await root.query(g);
    const server = new URL(inject('mysqlServerUrl'));
    const url = `mysql://${user}:${password}@${server.host}/${db.name}`;
    const readOnly = await startBot({ MYSQL_URL: url, SUMMARY_CHANNEL_ID: '' });
    try {
      const [before] = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM audit_event');
      const ac = discord.command(clinician, 'patient', 'lookup', { patient: 'S' }, { focused: 'patient' });
      const cb = await discord.waitFor(callbackOf(ac), 5_000, 'autocomplete');
      expect(body(cb)).toEqual({ type: 8, data: { choices: [] } });

      const [shared] = await sql<{ last_name: string }>(
        'SELECT last_name FROM patient GROUP BY last_name HAVING COUNT(*) > 1 LIMIT 1',
      );
      const { p } = await ask(clinician, 'patient', 'lookup', { patient: shared?.last_name ?? '' });
      const edit = await discord.waitFor(originalOf(p), 15_000, 'the answer');
      expect(body(edit).content).toMatch(
        /^hers-bot cannot reach its data right now \(temporarily unavailable\)/,
      );
      expect(body(edit).content).not.toMatch(/MRN\d/);

      const patient = patients[7] as SeededPatient;
      const lookup = await ask(clinician, 'patient', 'lookup', { patient: patient.mrn });
      const answer = await discord.waitFor(originalOf(lookup.p), 15_000, 'the lookup answer');
      expect(body(answer).content).not.toContain(patient.last_name);

      const [after] = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM audit_event');
      expect(Number(after?.n)).toBe(Number(before?.n));
      expect(readOnly.logs()).toContain('autocomplete answered with no suggestions');
      expect(linesWithPatientData(readOnly.logs(), patients)).toEqual([]);
    } finally {
      await stopBot(readOnly);
      await root.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await root.end();
    }
  }, 90_000);
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
