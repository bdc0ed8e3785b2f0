import type { RowDataPacket } from 'mysql2/promise';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { stallingRelay, type StallingRelay } from '../support/stalling-relay.ts';
import { DiscordStandIn, IDS, type Pending, type User } from './standin.ts';
import { launchBot, type Bot } from './bot.ts';

/**
 * Two real bot processes on one Discord, their primary behind a relay that pauses it the moment an
 * interaction is claimed: both give their claim up after a second and go on. The interaction still gets one
 * audit row, and its answer reaches Discord within its 3 s, counted from its arrival.
 */

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('paused_claims', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
discord.deliverToEverySession = true;
const CLAIM = 'INSERT INTO interaction_claim';
/** Only the patient name suggestions send this. */
const SUGGESTIONS = 'last_name LIKE';
let relay: StallingRelay;
let clinician: User;
const bots: Bot[] = [];

async function auditRows(p: Pending): Promise<RowDataPacket[]> {
  const c = await connect(db.mysqlUrl);
  try {
    const read = async () =>
      (
        await c.query<RowDataPacket[]>(
          'SELECT outcome, command, detail FROM audit_event WHERE interaction_id = ?',
          [p.id],
        )
      )[0];
    for (let n = 0; n < 200 && (await read()).length === 0; n++) await sleep(50);
    await sleep(1_000); // time for a second (duplicate) row
    return await read();
  } finally {
    await c.end();
  }
}

/** An autocomplete of /patient lookup, once the relay has paused the primary at its claim. */
async function suggestWhilePaused(): Promise<Pending> {
  relay.resume(CLAIM);
  const p = discord.command(clinician, 'patient', 'lookup', { patient: 'Sm' }, { focused: 'patient' });
  await discord.waitFor(() => relay.stalledAt() !== undefined || undefined, 10_000, 'the claim to stall');
  return p;
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 5, end: Date.now() }, () => undefined);
  const target = new URL(db.mysqlUrl);
  relay = await stallingRelay({ host: target.hostname, port: Number(target.port) }, 'never-sent');
  const viaRelay = new URL(db.mysqlUrl);
  viaRelay.port = String(relay.port);
  await discord.start();
  clinician = discord.addUser('clinician', [IDS.roles.phi]);
  for (let n = 0; n < 2; n++)
    bots.push(
      await launchBot(
        discord,
        TOKEN,
        db.env,
        { MYSQL_URL: viaRelay.toString(), ROLE_PHI_IDS: IDS.roles.phi },
        { direct: true },
      ),
    );
  await discord.waitFor(() => discord.sessionCount === 2 || undefined, 10_000, 'two gateway sessions');
}, 180_000);

afterAll(async () => {
  relay?.resume();
  for (const bot of bots) if (bot.proc.exitCode === null) bot.proc.kill('SIGTERM');
  await Promise.all(bots.map((b) => b.exited));
  await relay?.close();
  await discord.stop();
  await db.drop();
});

describe('two processes whose claim store pauses', () => {
  it('an autocomplete whose claims both processes gave up on is answered and audited once, by the process that holds it', async () => {
    const p = await suggestWhilePaused();
    await sleep(1_200); // past the claim's one-second deadline, in both processes
    relay.resume();
    await discord.waitFor(() => p.acknowledged || undefined, 10_000, 'the suggestions');
    const rows = await auditRows(p);
    expect(rows.map((r) => [r.command, r.outcome])).toEqual([['/patient lookup (autocomplete)', 'ok']]);
  });

  it('an autocomplete whose suggestions stall after a late claim still answers within Discord’s 3 s of its arrival', async () => {
    const p = await suggestWhilePaused();
    await sleep(1_200);
    relay.resume(SUGGESTIONS);
    await discord.waitFor(
      () => relay.stalledAt() !== undefined || undefined,
      10_000,
      'the suggestions to stall',
    );
    await sleep(discord.ackWindowMs + 500);
    const accepted = p.acknowledged;
    relay.resume();
    expect(accepted, 'Discord accepted an answer within its window').toBe(true);
    for (const bot of bots) expect(bot.logs()).not.toContain('(10062)');
    const rows = await auditRows(p);
    expect(rows.map((r) => [r.command, r.outcome])).toEqual([['/patient lookup (autocomplete)', 'error']]);
    expect(rows[0]?.detail).toMatch(/^reference E-\w+: temporarily unavailable \(no suggestions\)$/);
  });
});
