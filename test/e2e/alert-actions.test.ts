import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';
import { DiscordStandIn, IDS, type Pending, type RecordedRequest, type User } from './standin.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';
import { linesWithPatientData, seededPatients } from './patient-data.ts';

/**
 * Alerts people act on, end to end: two real bot processes on one loopback Discord, sharing a database, with
 * an injected clock (test/e2e/clock.ts) that the test moves on. Acknowledge, escalate once, resolve once,
 * snooze, and a threshold change that both processes evaluate with.
 */

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('alert_actions_e2e', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
discord.deliverToEverySession = true;
const ALERT_CHANNEL = IDS.phiChannel;
const ON_CALL = '500000000000000009';
const MIN = 60_000;
/** Minute 0 of the test: 14:00 in New York. */
const T0 = Date.parse('2031-03-04T19:00:00Z');
const clockDir = mkdtempSync(join(tmpdir(), 'hers-clock-'));
const clockFile = join(clockDir, 'offset');

let sql: Connection;
let patientId: number;
let bots: Bot[] = [];
let admin: User;
let dana: User;
let lee: User;
let visitor: User;

/** Moves both bots' clock to `minute` after T0 (and on at the real pace from there). */
function setClock(minute: number): void {
  writeFileSync(clockFile, String(T0 + minute * MIN - Date.now()));
}

type Message = {
  id: string;
  content: string;
  embeds: { title: string; description: string; footer: { text: string } }[];
  components: { components: { custom_id: string; label: string }[] }[];
};
const posts = () => discord.channelMessages.filter((m) => m.channel_id === ALERT_CHANNEL) as Message[];
const postsOf = (kind: string) => posts().filter((m) => m.embeds[0]?.footer.text.endsWith(`· ${kind}`));
const postRequests = () =>
  discord.requests.filter(
    (r) => r.method === 'POST' && r.path === `/api/v10/channels/${ALERT_CHANNEL}/messages`,
  );
const callback = (p: Pending) =>
  discord.waitFor(
    () =>
      discord.requests.find(
        (r) => r.method === 'POST' && r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`,
      ),
    10_000,
    'the button answer',
  );
type Callback = { type: number; data: { content?: string; flags?: number; embeds?: Message['embeds'] } };

/** Runs an /admin alerts subcommand as the admin; its private answer. */
async function adminAlerts(sub: string, options: Record<string, string | number> = {}): Promise<string> {
  const p = discord.command(admin, 'admin', `alerts ${sub}`, options);
  const edit: RecordedRequest = await discord.waitFor(
    () =>
      discord.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`)),
    20_000,
    `/admin alerts ${sub}`,
  );
  // As a reader sees it: Discord shows backslash-escaped text (src/core/text.ts) without its backslashes.
  return JSON.stringify(edit.body).replace(/\\\\(.)/g, '$1');
}

async function evaluatedAt(): Promise<number> {
  const [rows] = await sql.query<RowDataPacket[]>(
    `SELECT evaluated_at FROM alert_rule_state WHERE channel_id = ? AND rule = 'census'`,
    [ALERT_CHANNEL],
  );
  return (rows[0]?.evaluated_at as Date | undefined)?.getTime() ?? 0;
}

/** Until the rules were evaluated at `minute` or later, and a moment more for the other process. */
async function evaluatedBy(minute: number): Promise<void> {
  const end = Date.now() + 20_000;
  while ((await evaluatedAt()) < T0 + minute * MIN) {
    if (Date.now() > end) throw new Error(`the rules were not evaluated at minute ${minute}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 2_500));
}

async function visit(arrivedMinute: number): Promise<number> {
  const [r] = await sql.query<ResultSetHeader>(
    `INSERT INTO er_visit (patient_id, arrived_at, arrival_mode, condition_on_arrival, triage_level, reason)
     VALUES (?, ?, 'walk_in', 'serious', 3, 'chest pain')`,
    [patientId, new Date(T0 + arrivedMinute * MIN)],
  );
  return r.insertId;
}

async function auditOf(command: string): Promise<RowDataPacket[]> {
  const [rows] = await sql.query<RowDataPacket[]>(
    'SELECT actor_id, outcome, options, detail FROM audit_event WHERE command = ? ORDER BY id',
    [command],
  );
  return rows;
}

const logsOf = (bot: Bot) => bot.logs().split('\n');
const optionsOf = (a: RowDataPacket) =>
  (typeof a.options === 'string' ? JSON.parse(a.options) : a.options) as Record<string, unknown>;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  sql = await connect(db.mysqlUrl);
  const [p] = await sql.query<ResultSetHeader>(
    `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone) VALUES ('MRN7770003', 'Zelda', 'Quixotica', '1970-05-05', 'female', '555-0100')`,
  );
  patientId = p.insertId;
  for (let i = 0; i < 3; i++) await visit(-20);
  setClock(0);
  await discord.start();
  admin = discord.addUser('admin', [IDS.roles.admin]);
  dana = discord.addUser('Dana **Reyes** @everyone', [IDS.roles.reports]);
  lee = discord.addUser('Lee', [IDS.roles.phi]);
  visitor = discord.addUser('visitor', []);
  const start = () =>
    launchBot(
      discord,
      TOKEN,
      db.env,
      {
        ROLE_ADMIN_IDS: IDS.roles.admin,
        ROLE_REPORT_IDS: IDS.roles.reports,
        ROLE_PHI_IDS: IDS.roles.phi,
        ALERT_CHANNEL_ID: ALERT_CHANNEL,
        ALERT_CENSUS_AT: '3',
        ALERT_WAIT_MINUTES: 'off',
        ALERT_DISPATCH_AT: 'off',
        ALERT_REARM_MINUTES: '1',
        ALERT_ESCALATE_MINUTES: '10',
        ALERT_ONCALL_ROLE_ID: ON_CALL,
        ALERT_CHECK_SECONDS: '1',
        SUMMARY_MIN_CELL: '0',
      },
      { direct: true, clockFile },
    );
  bots = [await start(), await start()];
  await discord.waitFor(() => discord.sessionCount === 2 || undefined, 10_000, 'two gateway sessions');
}, 120_000);

afterAll(async () => {
  await Promise.all(bots.map(stopBot));
  await sql?.end();
  rmSync(clockDir, { recursive: true, force: true });
  try {
    const patients = await seededPatients(db.mysqlUrl);
    expect(bots.flatMap((b) => linesWithPatientData(b.logs(), patients))).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
});

describe('an ER surge alert with two bot processes and a moving clock', () => {
  let fired: Message;

  it('is posted once, with an Acknowledge button and counts only', async () => {
    fired = await discord.waitFor(() => postsOf('fired')[0], 20_000, 'the alert post');
    await evaluatedBy(0);
    expect(posts()).toHaveLength(1);
    expect(fired.embeds[0]?.title).toBe('⚠ ER census: alert');
    expect(fired.components[0]?.components[0]).toMatchObject({
      label: 'Acknowledge',
      custom_id: expect.stringMatching(/^hers:ack:\d+$/),
    });
    for (const secret of ['Zelda', 'Quixotica', 'MRN7770003', '555-0100', 'chest pain'])
      expect(JSON.stringify(posts())).not.toContain(secret);
  }, 60_000);

  it('not acknowledged in 10 minutes: one reply to it mentioning the on-call role only, however many check', async () => {
    setClock(9);
    await evaluatedBy(9);
    expect(postsOf('escalated')).toHaveLength(0);
    setClock(11);
    const escalation = await discord.waitFor(() => postsOf('escalated')[0], 20_000, 'the escalation');
    await evaluatedBy(11);
    setClock(12);
    await evaluatedBy(12);
    expect(postsOf('escalated')).toHaveLength(1);
    expect(escalation.content).toBe(`<@&${ON_CALL}> ER census alert not acknowledged.`);
    expect(escalation.embeds[0]?.description).toContain('Nobody has acknowledged this alert in 11 min');
    const request = postRequests().find((r) => JSON.stringify(r.body).includes('· escalated'));
    expect(request?.body).toMatchObject({
      allowed_mentions: { parse: [], roles: [ON_CALL], replied_user: false },
      message_reference: { message_id: fired.id, fail_if_not_exists: false },
    });
  }, 90_000);

  it('a member without the alert role is refused privately, and the refusal is audited', async () => {
    const button = fired.components[0]?.components[0]?.custom_id ?? '';
    const cb = (await callback(discord.button(visitor, button, fired as never))).body as Callback;
    expect(cb.type).toBe(4);
    expect(cb.data.flags).toBe(64);
    expect(cb.data.content).toContain('do not allow acknowledging alerts');
    expect((await auditOf('alert acknowledge')).map((a) => [a.actor_id, a.outcome])).toEqual([
      [visitor.id, 'denied'],
    ]);
  }, 30_000);

  it('the first member with the role who presses is shown on the post, escaped; a later press is told privately', async () => {
    const button = fired.components[0]?.components[0]?.custom_id ?? '';
    const first = (await callback(discord.button(dana, button, fired as never))).body as Callback;
    expect(first.type).toBe(7);
    expect(first.data.embeds?.[0]?.title).toBe('⚠ ER census: acknowledged');
    expect(first.data.embeds?.[0]?.description.split('\n')[1]).toBe(
      'Acknowledged by Dana \\*\\*Reyes\\*\\* \\@everyone at 14:12.',
    );
    const later = (await callback(discord.button(lee, button, fired as never))).body as Callback;
    expect(later.type).toBe(4);
    expect(later.data.flags).toBe(64);
    expect(later.data.content).toBe(
      'This alert is acknowledged already: Dana \\*\\*Reyes\\*\\* \\@everyone has it (acknowledged at 14:12).',
    );
    const rows = await auditOf('alert acknowledge');
    expect(rows.map((a) => [a.actor_id, a.outcome, optionsOf(a).result ?? null])).toEqual([
      [visitor.id, 'denied', null],
      [dana.id, 'ok', 'acknowledged'],
      [lee.id, 'ok', 'acknowledged already'],
    ]);
  }, 30_000);

  it('when the census clears, the post is edited to say resolved and for how long, and one short reply says so', async () => {
    const [row] = (await sql.query<RowDataPacket[]>('SELECT MIN(id) AS id FROM er_visit'))[0];
    await sql.query('UPDATE er_visit SET departed_at = ? WHERE id = ?', [new Date(T0 + 12 * MIN), row?.id]);
    setClock(13);
    const reply = await discord.waitFor(() => postsOf('cleared')[0], 20_000, 'the clearing reply');
    await evaluatedBy(13);
    setClock(13.5);
    await evaluatedBy(13.5);
    expect(postsOf('cleared')).toHaveLength(1);
    expect(postsOf('fired')).toHaveLength(1);
    expect(reply.embeds[0]?.title).toBe('✓ ER census: resolved');
    expect(reply.embeds[0]?.description).toContain('after 13 min: **2** patients in the ER now');
    const request = postRequests().find((r) => JSON.stringify(r.body).includes('· cleared'));
    expect(request?.body).toMatchObject({ message_reference: { message_id: fired.id } });
    const edited = posts().find((m) => m.id === fired.id);
    expect(edited?.embeds[0]?.title).toBe('✓ ER census: resolved');
    expect(edited?.embeds[0]?.description.split('\n').slice(1)).toEqual([
      'Resolved at 14:13, after 13 min.',
      'Acknowledged by Dana \\*\\*Reyes\\*\\* \\@everyone at 14:12.',
    ]);
    expect(edited?.components).toEqual([]);
  }, 90_000);

  it('a snoozed rule posts nothing while snoozed, in either process', async () => {
    expect(await adminAlerts('snooze', { rule: 'census', minutes: 30 })).toContain(
      'census is snoozed until 2031-03-04 14:43',
    );
    setClock(15); // clear for over a minute: re-armed
    await evaluatedBy(15);
    await visit(15); // three in the ER again: the rule would fire
    setClock(16);
    await evaluatedBy(16);
    setClock(20);
    await evaluatedBy(20);
    expect(postsOf('fired')).toHaveLength(1);
    const [state] = (
      await sql.query<RowDataPacket[]>(`SELECT state, measured FROM alert_rule_state WHERE rule = 'census'`)
    )[0];
    expect(state).toMatchObject({ state: 'armed', measured: 3 });
    for (const bot of bots)
      expect(logsOf(bot).some((l) => l.includes('alert rule evaluated with new settings'))).toBe(true);
  }, 90_000);

  it('a threshold set from Discord: bad input changes nothing; a good one is evaluated with by both processes', async () => {
    const refused = await adminAlerts('set', { rule: 'census', at: 4, 'clear-at': 6 });
    expect(refused).toContain('Option `clear-at` (6) must be at most `at` (4)');
    expect(await adminAlerts('show')).toContain('census: alerts at 3 or more patients in the ER;');

    const done = await adminAlerts('set', { rule: 'census', at: 4, 'clear-at': 2 });
    expect(done).toContain('census alerts at 4 or more patients in the ER, and clears below 2.');
    expect(done).toContain('Was: at 3.');
    await adminAlerts('snooze', { rule: 'census', minutes: 0 });
    for (const bot of bots)
      await discord.waitFor(
        () => logsOf(bot).some((l) => l.includes('new settings') && l.includes('"threshold":4')) || undefined,
        20_000,
        'each process to evaluate with the new threshold',
      );
    // Three in the ER: under the new threshold, nothing is posted; a fourth makes it fire.
    setClock(22);
    await evaluatedBy(22);
    expect(postsOf('fired')).toHaveLength(1);
    await visit(22);
    setClock(23);
    const second = await discord.waitFor(() => postsOf('fired')[1], 20_000, 'the second alert');
    expect(second.embeds[0]?.description).toContain('the alert is set at 4 or more patients in the ER');

    const set = (await auditOf('/admin alerts set')).map((a) => [a.outcome, optionsOf(a)]);
    expect(set).toEqual([
      ['invalid', { rule: 'census', at: 4, 'clear-at': 6 }],
      ['ok', { rule: 'census', at: 4, 'clear-at': 2, old: 'at 3', new: 'at 4, clears below 2' }],
    ]);
    const show = await adminAlerts('show');
    expect(show).toContain('Changes, newest first:');
    expect(show).toContain(`<@${admin.id}> census threshold: at 3 → at 4, clears below 2`);
    expect(show).toContain(`<@${admin.id}> census snooze: not snoozed → snoozed until 2031-03-04 14:43`);
    expect(discord.unexpected).toEqual([]);
  }, 120_000);
});
