import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { DiscordStandIn, IDS, type Pending, type RecordedRequest, type User } from './standin.ts';
import { launchBot, type Bot } from './bot.ts';
import { linesWithPatientData, seededPatients } from './patient-data.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('two_procs', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
discord.deliverToEverySession = true;
let clinician: User;
let coordinator: User;

/** One real bot process, run by node itself (no wrapper process), so that a kill reaches the bot. */
const startBot = (): Promise<Bot> =>
  launchBot(
    discord,
    TOKEN,
    db.env,
    { ROLE_PHI_IDS: IDS.roles.phi, ROLE_REPORT_IDS: IDS.roles.reports, ROLE_ADMIN_IDS: IDS.roles.admin },
    { direct: true },
  );

const callbacks = (p: Pending) =>
  discord.requests.filter(
    (r) => r.method === 'POST' && r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`,
  );
const originalOf = (p: Pending) => () =>
  discord.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`));
const body = (r: RecordedRequest) =>
  r.body as {
    type?: number;
    content?: string;
    data?: { content?: string; choices?: unknown[] };
    components?: { components: { custom_id: string }[] }[];
  };

async function rows(sql: string, params: unknown[]): Promise<RowDataPacket[]> {
  const c = await connect(db.mysqlUrl);
  try {
    return (await c.query<RowDataPacket[]>(sql, params))[0];
  } finally {
    await c.end();
  }
}

/** The audit rows of an interaction, once there is one and a moment more for any late (duplicate) row. */
async function auditRows(p: Pending): Promise<RowDataPacket[]> {
  const read = () => rows('SELECT outcome, command FROM audit_event WHERE interaction_id = ?', [p.id]);
  for (let n = 0; n < 200 && (await read()).length === 0; n++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  return read();
}

/** Waits for the first callback, then a moment more: a second one would be a second answer. */
async function answered(p: Pending, what: string): Promise<RecordedRequest> {
  const first = await discord.waitFor(() => callbacks(p)[0], 10_000, what);
  await new Promise((r) => setTimeout(r, 300));
  expect(callbacks(p), `${what}: exactly one answer`).toHaveLength(1);
  return first;
}

/** Which process answered: the pid in the claim's instance (host:pid:random). */
async function answeredBy(p: Pending): Promise<number> {
  const [row] = await rows('SELECT claimed_by FROM interaction_claim WHERE interaction_id = ?', [p.id]);
  return Number(String(row?.claimed_by).split(':')[1]);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

let one: Bot;
let two: Bot;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 9, end: Date.now() }, () => undefined);
  await discord.start();
  clinician = discord.addUser('clinician', [IDS.roles.phi]);
  coordinator = discord.addUser('coordinator', [IDS.roles.reports]);
  one = await startBot();
  two = await startBot();
  await discord.waitFor(() => discord.sessionCount === 2 || undefined, 10_000, 'two gateway sessions');
}, 120_000);

afterAll(async () => {
  for (const bot of [one, two]) if (bot && bot.proc.exitCode === null) bot.proc.kill('SIGTERM');
  await Promise.all([one?.exited, two?.exited]);
  try {
    // The log scan: neither bot process logged a seeded patient's identifiers.
    const patients = await seededPatients(db.mysqlUrl);
    expect([one, two].flatMap((b) => (b ? linesWithPatientData(b.logs(), patients) : []))).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
});

describe('two bot processes on one Discord', () => {
  it('every command, autocomplete and button gets exactly one answer and one audit row, from either process', async () => {
    const acks: number[] = [];
    const pids = new Set<number>();
    for (let n = 0; n < 6; n++) {
      const p = discord.command(coordinator, 'er', 'arrivals', { window: '24h' });
      const cb = await answered(p, `command ${n}`);
      acks.push(cb.at - p.createdAt);
      await discord.waitFor(originalOf(p), 15_000, 'the edited reply');
      expect(await auditRows(p)).toHaveLength(1);
      pids.add(await answeredBy(p));

      const auto = discord.command(clinician, 'patient', 'lookup', { patient: 'Sm' }, { focused: 'patient' });
      const a = await answered(auto, `autocomplete ${n}`);
      expect(body(a).type).toBe(8);
      expect(await auditRows(auto)).toHaveLength(1);
    }
    // With both processes racing for every interaction, over 12 interactions both win some (or one is starved).
    expect([...pids].every((pid) => pid === one.proc.pid || pid === two.proc.pid)).toBe(true);

    const report = discord.command(coordinator, 'er', 'treatments', { window: '7d' });
    await answered(report, 'report with CSV');
    const edit = await discord.waitFor(originalOf(report), 15_000, 'the edited reply');
    const csv = body(edit).components?.[0]?.components.find((c) => c.custom_id.startsWith('hers:csv:'));
    for (let n = 0; n < 3; n++) {
      const press = discord.button(
        coordinator,
        csv?.custom_id ?? '',
        discord.message(edit.body as Record<string, unknown>),
      );
      const cb = await answered(press, `CSV button ${n}`);
      expect(cb.files[0]?.name).toBe('er-treatments.csv');
      expect(await auditRows(press)).toHaveLength(1);
    }
    console.info(`two processes: median acknowledgement ${median(acks)} ms over ${acks.length} commands`);
    expect(discord.unexpected).toEqual([]);
  });

  it('one process killed while members use it: the other answers everything after, page buttons of its replies included', async () => {
    // A paged reply, then find which process made it: that one is killed.
    const paged = discord.command(clinician, 'er', 'recent-treatments', { window: '90d' });
    await answered(paged, 'a paged reply');
    const edit = await discord.waitFor(originalOf(paged), 15_000, 'the edited reply');
    const next = body(edit).components?.[0]?.components[1];
    expect(next?.custom_id).toMatch(/^hers:page:[0-9a-f]{12}:1$/);
    const maker = await answeredBy(paged);
    const [victim, survivor] = maker === one.proc.pid ? [one, two] : [two, one];

    // Members keep asking while the process dies.
    const during = Array.from({ length: 4 }, () => discord.command(coordinator, 'staff', 'specialties'));
    victim.proc.kill('SIGKILL');
    await victim.exited;
    await discord.waitFor(() => discord.sessionCount === 1 || undefined, 10_000, 'the gateway to notice');
    const after = Array.from({ length: 6 }, (_, n) =>
      n % 2 === 0
        ? discord.command(coordinator, 'staff', 'specialties')
        : discord.command(clinician, 'patient', 'lookup', { patient: 'Sm' }, { focused: 'patient' }),
    );
    for (const [n, p] of after.entries()) {
      await answered(p, `interaction ${n} after the kill`);
      expect(await auditRows(p)).toHaveLength(1);
      expect(await answeredBy(p)).toBe(survivor.proc.pid);
    }
    // Those sent as it died were answered at most once each (one the dead process had claimed stays silent).
    for (const p of during) expect(callbacks(p).length).toBeLessThanOrEqual(1);

    const press = discord.button(
      clinician,
      next?.custom_id ?? '',
      discord.message(edit.body as Record<string, unknown>),
    );
    const update = await answered(press, 'page button of the killed process');
    expect(body(update).type).toBe(7);
    expect(body(update).data?.content).toContain('page 2 of');
    expect(await answeredBy(press)).toBe(survivor.proc.pid);
    expect(survivor.logs()).not.toContain('"level":50');
  });
});
