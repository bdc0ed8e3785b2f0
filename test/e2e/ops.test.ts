import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import type { RowDataPacket } from 'mysql2/promise';
import { testDatabases } from '../support/databases.ts';
import { stallingRelay } from '../support/stalling-relay.ts';
import { DiscordStandIn, IDS, type Pending, type User } from './standin.ts';
import { linesWithPatientData, seededPatients } from './patient-data.ts';
import { launchBot, stopBot, type Bot as BotProcess } from './bot.ts';

/**
 * The real bot with HTTP_PORT set: /healthz, /readyz and /metrics, scraped before and after a short run
 * of interactions through the loopback Discord; the counters move by exactly what was done.
 */

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('ops', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
let coordinator: User;
let outsider: User;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** The logs of every bot process this file started, for the log scan. */
const everyLog: (() => string)[] = [];

/** A bot with its HTTP listener (/healthz, /readyz, /metrics) on a free port. */
type Bot = BotProcess & { url: string };

async function startBot(extra: Record<string, string> = {}): Promise<Bot> {
  const port = await freePort();
  const bot = await launchBot(discord, TOKEN, db.env, {
    ROLE_REPORT_IDS: IDS.roles.reports,
    HTTP_PORT: String(port),
    ...extra,
  });
  everyLog.push(bot.logs);
  return { ...bot, url: `http://127.0.0.1:${port}` };
}

/** /metrics as a map from series (name and labels, as printed) to value. */
async function scrape(bot: Bot): Promise<Map<string, number>> {
  const res = await fetch(`${bot.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const series = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

const moved = (before: Map<string, number>, after: Map<string, number>, key: string) =>
  (after.get(key) ?? 0) - (before.get(key) ?? 0);

async function audited(pending: Pending[]): Promise<void> {
  const c = await connect(db.mysqlUrl);
  try {
    for (let i = 0; i < 200; i++) {
      const [rows] = await c.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM audit_event WHERE interaction_id IN (?)',
        [pending.map((p) => p.id)],
      );
      if (Number(rows[0]?.n) >= pending.length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the audit rows did not appear');
  } finally {
    await c.end();
  }
}

let bot: Bot | undefined;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 11, end: Date.now() }, () => undefined);
  await discord.start();
  coordinator = discord.addUser('coordinator', [IDS.roles.reports]);
  outsider = discord.addUser('outsider', []);
}, 120_000);

afterAll(async () => {
  if (bot) await stopBot(bot);
  try {
    // The log scan: the bot of this file logged no seeded patient's identifiers.
    const patients = await seededPatients(db.mysqlUrl);
    expect(everyLog.flatMap((logs) => linesWithPatientData(logs(), patients))).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
});

describe('health and metrics', () => {
  it('answers /healthz and /readyz, and /metrics counts exactly the interactions it handled', async () => {
    bot = await startBot();
    const health = await fetch(`${bot.url}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      failing: [],
      checks: { discord: 'ok', mysql: 'ok', mongo: 'ok' },
    });

    const before = await scrape(bot);
    const asked = [
      discord.command(coordinator, 'staff', 'specialties', {}),
      discord.command(coordinator, 'staff', 'specialties', { private: true }),
      discord.command(outsider, 'staff', 'specialties', {}),
      discord.command(coordinator, 'er', 'arrivals', { window: 'yesterday-ish' }),
    ];
    await audited(asked);
    // The answer is observed once handling is over, just after the audit row: give it a moment.
    let after = await scrape(bot);
    for (
      let i = 0;
      i < 40 && moved(before, after, 'hers_interaction_answer_seconds_count{type="command"}') < 4;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
      after = await scrape(bot);
    }

    const commands = (command: string, outcome: string) =>
      moved(before, after, `hers_commands_total{command="${command}",source="discord",outcome="${outcome}"}`);
    expect(commands('/staff specialties', 'ok')).toBe(2);
    expect(commands('/staff specialties', 'denied')).toBe(1);
    expect(commands('/er arrivals', 'invalid')).toBe(1);
    expect(moved(before, after, 'hers_interaction_ack_seconds_count{type="command"}')).toBe(4);
    expect(moved(before, after, 'hers_interaction_answer_seconds_count{type="command"}')).toBe(4);
    expect(moved(before, after, 'hers_db_query_seconds_count{query="PhysicianSpecialties"}')).toBe(2);
    expect(moved(before, after, 'hers_db_query_seconds_count{query="InsertAuditEvent"}')).toBe(4);
    expect(after.get('hers_audit_write_failures_total')).toBe(0);
    expect(after.get('hers_rate_limited_total')).toBeUndefined(); // no series until something is refused
    expect(after.get('hers_gateway_reconnects_total')).toBe(0);
    expect(after.get('process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(after.get('hers_mysql_pool_connections{pool="primary",state="waiting"}')).toBe(0);
    expect(after.get('hers_mysql_pool_connections{pool="primary",state="idle"}')).toBeGreaterThan(0);
    // Labels name commands and outcomes only: no option value reaches /metrics.
    expect([...after.keys()].some((k) => k.includes('yesterday-ish'))).toBe(false);

    const other = await fetch(`${bot.url}/patients`);
    expect(other.status).toBe(404);
    if (bot) await stopBot(bot);
    bot = undefined;
  });

  it('says /readyz 503 naming MySQL when the primary cannot be reached', async () => {
    const target = new URL(db.mysqlUrl);
    const relay = await stallingRelay({ host: target.hostname, port: Number(target.port) }, 'never-sent');
    const viaRelay = new URL(db.mysqlUrl);
    viaRelay.port = String(relay.port);
    bot = await startBot({ MYSQL_URL: viaRelay.toString() });
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);

    await relay.close();
    const started = performance.now();
    const res = await fetch(`${bot.url}/readyz`);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { ready: boolean; failing: string[]; checks: Record<string, string> };
    expect(body.ready).toBe(false);
    expect(body.failing).toEqual(['mysql']);
    expect(body.checks.mysql).toMatch(/^failed \((ECONNREFUSED|PROTOCOL_CONNECTION_LOST|ECONNRESET)\)$/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});

describe('patient suggestions', () => {
  it('carry the ids of the patients they show: no second query for them, and the audit row lists every one', async () => {
    if (bot) await stopBot(bot);
    bot = await startBot({ ROLE_PHI_IDS: IDS.roles.phi });
    const clinician = discord.addUser('clinician', [IDS.roles.phi]);
    const before = await scrape(bot);
    const p = discord.command(clinician, 'patient', 'lookup', { patient: 'S' }, { focused: 'patient' });
    const callback = await discord.waitFor(
      () =>
        discord.requests.find(
          (r) => r.method === 'POST' && r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`,
        ),
      5_000,
      'the suggestions',
    );
    const choices = (callback.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(choices.length).toBeGreaterThan(1);
    await audited([p]);
    const after = await scrape(bot);
    expect(moved(before, after, 'hers_db_query_seconds_count{query="PatientNamePrefix"}')).toBe(1);
    expect(moved(before, after, 'hers_db_query_seconds_count{query="PatientIdsByMrn"}')).toBe(0);

    const patients = await seededPatients(db.mysqlUrl);
    const shown = choices.map((c) => patients.find((x) => x.mrn === c.value)?.id).sort((a, b) => a! - b!);
    const c = await connect(db.mysqlUrl);
    try {
      const [rows] = await c.query<RowDataPacket[]>(
        'SELECT command, outcome, patient_ids FROM audit_event WHERE interaction_id = ?',
        [p.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ command: '/patient lookup (autocomplete)', outcome: 'ok' });
      expect([...(rows[0]?.patient_ids as number[])].sort((a, b) => a - b)).toEqual(shown);
    } finally {
      await c.end();
    }
  });
});
