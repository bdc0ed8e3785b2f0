import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';
import { DiscordStandIn, IDS, type RecordedRequest, type User } from './standin.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';

/**
 * Subscriptions end to end: two real bot processes on one loopback Discord sharing a database, with an
 * injected clock (test/e2e/clock.ts) the test moves from slot to slot. Delivered once per slot, the
 * member's roles read from Discord at each slot, the spring-forward day, a catch-up after a restart and a
 * slot skipped when it is too old, and a member whose DMs are closed.
 */

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('subs_e2e', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
discord.deliverToEverySession = true;
const clockDir = mkdtempSync(join(tmpdir(), 'hers-clock-'));
const clockFile = join(clockDir, 'offset');
const PHI_REPORT = '/patient never-treated type:Medication';

let sql: Connection;
let bots: Bot[] = [];
let nurse: User;
let closed: User;
let admin: User;

/** Moves every bot's clock to the instant `iso` (and on at the real pace from there). */
function setClock(iso: string): void {
  writeFileSync(clockFile, String(Date.parse(iso) - Date.now()));
}

function startBot(env: Record<string, string> = {}): Promise<Bot> {
  return launchBot(
    discord,
    TOKEN,
    db.env,
    {
      ROLE_PHI_IDS: IDS.roles.phi,
      ROLE_REPORT_IDS: IDS.roles.reports,
      ROLE_ADMIN_IDS: IDS.roles.admin,
      ...env,
    },
    { clockFile },
  );
}

/** Runs a /subscribe subcommand; the text of its private answer. */
async function subscribe(user: User, sub: string, options: Record<string, string | number | boolean> = {}) {
  const p = discord.command(user, 'subscribe', sub, options);
  const answer: RecordedRequest = await discord.waitFor(
    () =>
      discord.requests.find(
        (r) =>
          r.path.includes(`/webhooks/`) &&
          r.path.includes(`/${p.token}`) &&
          (r.method === 'PATCH' || r.method === 'POST'),
      ),
    20_000,
    `/subscribe ${sub}`,
  );
  return JSON.stringify(answer.body);
}

type Message = { content: string; channel_id: string };
const dms = (user: User) => discord.dmsTo(user) as Message[];
const dmsOf = (user: User, subscription: number) =>
  dms(user).filter((m) => m.content.includes(`subscription ${subscription} ·`));

async function ledger(subscription: number): Promise<{ slot: string; state: string }[]> {
  const [rows] = await sql.query<RowDataPacket[]>(
    `SELECT slot_at, state FROM subscription_post WHERE subscription_id = ? ORDER BY slot_at`,
    [subscription],
  );
  return rows.map((r) => ({ slot: (r.slot_at as Date).toISOString(), state: String(r.state) }));
}

/** Waits for the ledger of `subscription` to hold a settled row for `slot`, then for both bots to tick again. */
async function settled(subscription: number, slot: string): Promise<void> {
  const end = Date.now() + 40_000;
  for (;;) {
    const row = (await ledger(subscription)).find((r) => r.slot === slot);
    if (row && row.state !== 'claimed') break;
    if (Date.now() > end) throw new Error(`slot ${slot} of subscription ${subscription} not settled`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Both processes tick every 10 s: after 12 s each has looked at the slot again.
  await new Promise((r) => setTimeout(r, 12_000));
}

const ids: Record<'census' | 'phi' | 'closed' | 'channel', number> = {
  census: 0,
  phi: 0,
  closed: 0,
  channel: 0,
};

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  sql = await connect(db.mysqlUrl);
  await discord.start();
  nurse = discord.addUser('nurse', [IDS.roles.phi]);
  closed = discord.addUser('closed', [IDS.roles.reports]);
  closed.dmsClosed = true;
  admin = discord.addUser('admin', [IDS.roles.admin, IDS.roles.reports]);
  // Saturday 2027-03-13, 06:58 in New York (EST); the spring-forward change is the next night.
  setClock('2027-03-13T11:58:00Z');
  bots = await Promise.all([startBot(), startBot()]);
}, 90_000);

afterAll(async () => {
  await Promise.all(bots.map((b) => stopBot(b)));
  await sql?.end();
  await discord.stop();
  await db.drop();
  rmSync(clockDir, { recursive: true, force: true });
});

describe('/subscribe through two real bot processes', () => {
  it('refuses a bad time, a patient report to a channel and a channel from a non-admin, adding nothing', async () => {
    expect(await subscribe(nurse, 'add', { report: '/er census', at: '25:00' })).toContain(
      'at: \\"25:00\\" is not a time of day',
    );
    expect(await subscribe(admin, 'add', { report: PHI_REPORT, at: '07:00', to: 'channel' })).toContain(
      'only come to you by DM',
    );
    expect(await subscribe(nurse, 'add', { report: '/er census', at: '07:00', to: 'channel' })).toContain(
      'only an administrator',
    );
    expect(await subscribe(nurse, 'add', { report: '/er nothing', at: '07:00' })).toContain(
      'has no subcommand',
    );
    const [rows] = await sql.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM subscription');
    expect(Number(rows[0]?.n)).toBe(0);
  }, 90_000);

  it('adds subscriptions by DM and lists them', async () => {
    const idOf = (text: string) => Number(/Subscription (\d+) added/.exec(text)?.[1]);
    ids.census = idOf(await subscribe(nurse, 'add', { report: '/er census', at: '07:00,19:00' }));
    ids.phi = idOf(await subscribe(nurse, 'add', { report: PHI_REPORT, at: '07:00,19:00' }));
    ids.closed = idOf(await subscribe(closed, 'add', { report: '/er census', at: '07:00' }));
    ids.channel = idOf(
      await subscribe(admin, 'add', { report: '/er census', at: '07:00', to: 'channel', days: 'weekends' }),
    );
    expect(ids.census * ids.phi * ids.closed * ids.channel).toBeGreaterThan(0);
    const list = await subscribe(nurse, 'list');
    expect(list).toContain('/er census');
    expect(list).toContain('never-treated');
  }, 90_000);

  it('at 07:00 delivers each report once by DM, though both processes run it', async () => {
    setClock('2027-03-13T12:00:02Z');
    await settled(ids.census, '2027-03-13T12:00:00.000Z');
    await settled(ids.phi, '2027-03-13T12:00:00.000Z');
    expect(dmsOf(nurse, ids.census)).toHaveLength(1);
    expect(dmsOf(nurse, ids.census)[0]?.content).toContain('ER census');
    expect(dmsOf(nurse, ids.phi)).toHaveLength(1);
    // The member's roles were read from Discord at the slot.
    expect(discord.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/members/${nurse.id}`))).toBe(
      true,
    );
    // Audited like an answer: the member, the report, source scheduler.
    const [audit] = await sql.query<RowDataPacket[]>(
      `SELECT outcome FROM audit_event WHERE actor_id = ? AND command = '/er census' AND source = 'scheduler'`,
      [nurse.id],
    );
    expect(audit).toHaveLength(1);
  }, 120_000);

  it("an admin's channel subscription is posted to the channel once, mentioning nobody", async () => {
    await settled(ids.channel, '2027-03-13T12:00:00.000Z');
    const posted = discord.channelMessages.filter(
      (m) => m.channel_id === IDS.channel && String(m.content).includes(`subscription ${ids.channel} ·`),
    );
    expect(posted).toHaveLength(1);
    expect(String(posted[0]?.content)).toContain('ER census');
    const sent = discord.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path === `/api/v10/channels/${IDS.channel}/messages` &&
        JSON.stringify(r.body).includes(`subscription ${ids.channel} ·`),
    );
    expect(sent.map((r) => r.body)).toMatchObject([{ allowed_mentions: { parse: [] } }]);
  }, 120_000);

  it('with DMs closed, pauses the subscription and tells the member once where they subscribed', async () => {
    await settled(ids.closed, '2027-03-13T12:00:00.000Z');
    const notices = discord.channelMessages.filter(
      (m) => m.channel_id === IDS.channel && String(m.content).includes(`subscription ${ids.closed}`),
    );
    expect(notices).toHaveLength(1);
    const sent = discord.requests.find(
      (r) =>
        r.method === 'POST' &&
        r.path === `/api/v10/channels/${IDS.channel}/messages` &&
        JSON.stringify(r.body).includes(`subscription ${ids.closed}`),
    );
    expect(sent?.body).toMatchObject({ allowed_mentions: { users: [closed.id] } });
    expect(String(notices[0]?.content)).toContain(`<@${closed.id}>`);
    expect(await subscribe(closed, 'list')).toContain('paused');
  }, 120_000);

  it('re-checks the roles at each slot: without the PHI role, a one-line notice instead, audited as denied', async () => {
    nurse.roles = [IDS.roles.reports];
    setClock('2027-03-14T00:00:02Z'); // 19:00 EST on the 13th
    await settled(ids.phi, '2027-03-14T00:00:00.000Z');
    await settled(ids.census, '2027-03-14T00:00:00.000Z');
    const phi = dmsOf(nurse, ids.phi);
    expect(phi).toHaveLength(2);
    expect(phi[1]?.content).toContain('was not delivered');
    expect(phi[1]?.content).toContain('patient records');
    expect(phi[1]?.content.split('\n')).toHaveLength(2); // the notice and the marker line
    const [denied] = await sql.query<RowDataPacket[]>(
      `SELECT patient_ids FROM audit_event WHERE actor_id = ? AND outcome = 'denied' AND command = '/patient never-treated'`,
      [nurse.id],
    );
    expect(denied).toHaveLength(1);
    expect(dmsOf(nurse, ids.census)).toHaveLength(2);
  }, 120_000);

  it('on the spring-forward day, delivers 07:00 at 07:00 EDT (11:00 UTC), once', async () => {
    setClock('2027-03-14T11:00:02Z');
    await settled(ids.census, '2027-03-14T11:00:00.000Z');
    expect(dmsOf(nurse, ids.census)).toHaveLength(3);
    expect((await ledger(ids.census)).map((r) => r.slot)).toEqual([
      '2027-03-13T12:00:00.000Z',
      '2027-03-14T00:00:00.000Z',
      '2027-03-14T11:00:00.000Z',
    ]);
  }, 120_000);

  it('after a restart, catches a missed slot up once; one older than the catch-up minutes is skipped and listed', async () => {
    await Promise.all(bots.map((b) => stopBot(b)));
    setClock('2027-03-14T23:20:00Z'); // 19:20 EDT: the 19:00 slot is 20 minutes old
    bots = await Promise.all([startBot(), startBot()]);
    await settled(ids.census, '2027-03-14T23:00:00.000Z');
    expect(dmsOf(nurse, ids.census)).toHaveLength(4);
    await Promise.all(bots.map((b) => stopBot(b)));
    setClock('2027-03-15T12:30:00Z'); // 08:30 EDT: the 07:00 slot is 90 minutes old
    bots = [await startBot({ SUBSCRIPTION_CATCHUP_MINUTES: '60' })];
    await settled(ids.census, '2027-03-15T11:00:00.000Z');
    expect(dmsOf(nurse, ids.census)).toHaveLength(4);
    expect((await ledger(ids.census)).at(-1)).toEqual({ slot: '2027-03-15T11:00:00.000Z', state: 'missed' });
    expect(await subscribe(nurse, 'list')).toContain('skipped 2027-03-15 07:00');
  }, 180_000);

  it('removes a subscription of the member only', async () => {
    expect(await subscribe(admin, 'remove', { id: ids.census })).toContain(`no subscription ${ids.census}`);
    expect(await subscribe(nurse, 'remove', { id: ids.census })).toContain('removed');
    expect(await subscribe(nurse, 'list')).not.toContain('/er census');
  }, 60_000);
});
