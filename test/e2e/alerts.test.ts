import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';
import { DiscordStandIn, IDS, type RecordedRequest, type User } from './standin.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';
import { linesWithPatientData, seededPatients } from './patient-data.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('alerts_e2e', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
/** Alerts go to the stand-in's second channel; the daily summary is off in these tests. */
const ALERT_CHANNEL = IDS.phiChannel;
let admin: User;
let sql: Connection;

/** The logs of every bot process this file started, for the log scan. */
const everyLog: (() => string)[] = [];

/** The real bot process, as `npm start` runs it, until it says it is connected. */
async function startBot(): Promise<Bot> {
  const bot = await launchBot(discord, TOKEN, db.env, {
    ROLE_ADMIN_IDS: IDS.roles.admin,
    ALERT_CHANNEL_ID: ALERT_CHANNEL,
    ALERT_CENSUS_AT: '3',
    ALERT_WAIT_MINUTES: 'off',
    ALERT_DISPATCH_AT: 'off',
    SUMMARY_MIN_CELL: '0',
  });
  everyLog.push(bot.logs);
  return bot;
}

const alertPosts = () =>
  discord.channelMessages.filter((m) => m.channel_id === ALERT_CHANNEL) as {
    embeds: { title: string; description: string; footer: { text: string } }[];
  }[];

async function evaluatedAt(): Promise<number> {
  const [rows] = await sql.query<RowDataPacket[]>(
    `SELECT evaluated_at FROM alert_rule_state WHERE channel_id = ? AND rule = 'census'`,
    [ALERT_CHANNEL],
  );
  return (rows[0]?.evaluated_at as Date | undefined)?.getTime() ?? 0;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  sql = await connect(db.mysqlUrl);
  // Three patients in the ER now (the bot runs on the real clock): the census rule fires at 3.
  const [p] = await sql.query<ResultSetHeader>(
    `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone) VALUES ('MRN7770002', 'Zelda', 'Quixotica', '1970-05-05', 'female', '555-0100')`,
  );
  for (let i = 0; i < 3; i++)
    await sql.query(
      `INSERT INTO er_visit (patient_id, arrived_at, arrival_mode, condition_on_arrival, triage_level, reason)
       VALUES (?, UTC_TIMESTAMP() - INTERVAL 20 MINUTE, 'walk_in', 'serious', 3, 'chest pain')`,
      [p.insertId],
    );
  await discord.start();
  admin = discord.addUser('admin', [IDS.roles.admin]);
}, 60_000);

afterAll(async () => {
  await sql?.end();
  try {
    // The log scan: no bot process of this file logged a seeded patient's identifiers.
    const patients = await seededPatients(db.mysqlUrl);
    expect(everyLog.flatMap((logs) => linesWithPatientData(logs(), patients))).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
});

describe('ER surge alerts through the real bot', () => {
  it('two bot processes starting at once post the alert once, with counts and no patient details', async () => {
    const bots = await Promise.all([startBot(), startBot()]);
    try {
      await discord.waitFor(() => (alertPosts().length >= 1 ? true : undefined), 20_000, 'the alert post');
      // Both have evaluated (each at start): still one post.
      // Both evaluate at start; give the slower one time to finish: still one post.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(alertPosts()).toHaveLength(1);
      const embed = alertPosts()[0]?.embeds[0];
      expect(embed?.title).toBe('⚠ ER census: alert');
      expect(embed?.description).toContain('**3** patients in the ER now');
      expect(embed?.footer.text).toBe('hers-bot alert census #1 · fired');
      const text = JSON.stringify(alertPosts());
      for (const secret of ['Zelda', 'Quixotica', 'MRN7770002', '555-0100', 'chest pain'])
        expect(text).not.toContain(secret);
    } finally {
      await Promise.all(bots.map(stopBot));
    }
  }, 90_000);

  it('a restarted bot does not post the alert again', async () => {
    const before = await evaluatedAt();
    const bot = await startBot();
    try {
      await until(async () => (await evaluatedAt()) > before, 20_000, 'the restarted bot to evaluate');
      expect(alertPosts()).toHaveLength(1);
    } finally {
      await stopBot(bot);
    }
  }, 60_000);

  it('/admin alerts answers the admin privately with the rule firing', async () => {
    const bot = await startBot();
    try {
      const p = discord.command(admin, 'admin', 'alerts show', {});
      const callback = await discord.waitFor(
        () =>
          discord.requests.find(
            (r) => r.method === 'POST' && r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`,
          ),
        5_000,
        'the acknowledgement',
      );
      expect((callback.body as { data?: { flags?: number } }).data?.flags).toBe(64);
      const edit: RecordedRequest = await discord.waitFor(
        () =>
          discord.requests.find(
            (r) => r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`),
          ),
        20_000,
        'the /admin alerts reply',
      );
      const content = JSON.stringify(edit.body);
      expect(content).toContain('census: alerts at 3 or more patients in the ER; firing since');
      expect(content).toContain('≥ 3 in ER');
    } finally {
      await stopBot(bot);
    }
  }, 60_000);
});
