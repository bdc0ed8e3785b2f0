import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { acknowledgeAlertPost } from '../../src/data/alert-actions.queries.ts';
import { migrate } from '../../src/data/migrate.ts';
import { createPool, type Pool } from '../../src/data/mysql.ts';
import type { AlertPoster } from '../../src/jobs/alert-followups.ts';
import { AlertsJob } from '../../src/jobs/alerts.job.ts';
import type { ChannelMessage } from '../../src/jobs/exactly-once.ts';
import { execute, type Outcome } from '../../src/runner/execute.ts';
import { testDatabases } from '../support/databases.ts';

/**
 * What follows an alert post, with an injected clock against real MariaDB: escalation once across
 * instances and restarts, the resolution edit, and settings from /admin alerts taking effect at the next
 * evaluation. Settings are per rule for the whole database, so each test has its own database.
 */

const silent = pino({ level: 'silent' });
const MIN = 60_000;
const T0 = Date.parse('2031-01-01T17:00:00Z');
const ON_CALL = '500000000000000009';
const CHANNEL = '310000000000000777';

class FakeChannel implements AlertPoster {
  readonly messages: { id: string; message: ChannelMessage }[] = [];
  readonly edits: { id: string; message: ChannelMessage }[] = [];
  async findMarked(_channel: string, marker: string): Promise<string | undefined> {
    return this.messages.find((m) => m.message.embed.footer.text.startsWith(marker))?.id;
  }
  async post(_channel: string, message: ChannelMessage): Promise<string> {
    const id = `m${this.messages.length + 1}`;
    this.messages.push({ id, message });
    return id;
  }
  async edit(_channel: string, id: string, message: ChannelMessage): Promise<void> {
    this.edits.push({ id, message });
  }
  kinds(): string[] {
    return this.messages.map((m) => m.message.embed.footer.text.replace(/^hers-bot alert /, ''));
  }
}

interface Setup {
  pool: Pool;
  config: Config;
  clock: { now: number };
  job(channel: FakeChannel, id?: string): AlertsJob;
  /** Runs the jobs at each minute from `from` to `to`. */
  minutes(from: number, to: number, jobs: AlertsJob[]): Promise<void>;
  visits(spans: [number, number | null][]): Promise<void>;
  command(line: string): Promise<Outcome>;
  end(): Promise<void>;
}

async function setup(name: string, env: Record<string, string> = {}): Promise<Setup> {
  const db = testDatabases(name, { TZ: 'America/New_York' });
  await migrate(db.mysqlUrl);
  const pool = createPool(db.mysqlUrl, 6);
  const config = loadConfig({
    ...db.env,
    ALERT_CHANNEL_ID: CHANNEL,
    ALERT_CENSUS_AT: '3',
    ALERT_WAIT_MINUTES: 'off',
    ALERT_DISPATCH_AT: 'off',
    ALERT_REARM_MINUTES: '1',
    ALERT_ONCALL_ROLE_ID: ON_CALL,
    SUMMARY_MIN_CELL: '0',
    ...env,
  });
  const [p] = await pool.query<ResultSetHeader>(
    `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone) VALUES ('MRN7770009', 'Zelda', 'Quixotica', '1970-05-05', 'female', '555-0100')`,
  );
  const clock = { now: T0 };
  const s: Setup = {
    pool,
    config,
    clock,
    job: (channel, id) =>
      new AlertsJob({
        sql: pool,
        config,
        poster: channel,
        log: silent,
        now: () => clock.now,
        instanceId: id,
      }),
    async minutes(from, to, jobs) {
      for (let m = from; m <= to; m++) {
        clock.now = T0 + m * MIN;
        await Promise.all(jobs.map((j) => j.run()));
      }
    },
    async visits(spans) {
      for (const [from, to] of spans)
        await pool.query(
          `INSERT INTO er_visit (patient_id, arrived_at, arrival_mode, condition_on_arrival, triage_level, reason, departed_at)
           VALUES (?, ?, 'walk_in', 'serious', 3, 'chest pain', ?)`,
          [p.insertId, new Date(T0 + from * MIN), to === null ? null : new Date(T0 + to * MIN)],
        );
    },
    command: (line) =>
      execute(
        commands,
        parseCommandLine(line, commands),
        { sql: pool, read: pool, mongo: undefined as never, config, now: () => clock.now },
        { source: 'discord', actorId: '400000000000000011' },
      ),
    async end() {
      await pool.end();
      await db.drop();
    },
  };
  return s;
}

const text = (o: Outcome) =>
  o.kind === 'reply' ? o.reply.summary : o.kind === 'user_error' ? o.error.message : String(o.error);

describe('escalation', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup('alert_escalate');
    await s.visits([
      [-30, null],
      [-30, null],
      [2, null],
    ]);
  });
  afterAll(() => s.end());

  it('once, as a reply to the alert mentioning the on-call role only, with five instances and a restart', async () => {
    const channel = new FakeChannel();
    const jobs = ['a', 'b', 'c', 'd', 'e'].map((id) => s.job(channel, id));
    await s.minutes(0, 11, jobs);
    expect(channel.kinds()).toEqual(['census #1 · fired']);
    await s.minutes(12, 20, jobs);
    await s.minutes(21, 25, [s.job(channel, 'restarted')]);
    expect(channel.kinds()).toEqual(['census #1 · fired', 'census #1 · escalated']);
    const escalation = channel.messages[1]?.message;
    expect(escalation).toMatchObject({
      content: `<@&${ON_CALL}> ER census alert not acknowledged.`,
      mentionRoles: [ON_CALL],
      replyTo: 'm1',
    });
    expect(escalation?.embed.description).toContain('Nobody has acknowledged this alert in 10 min');
  });
});

describe('acknowledged and resolved', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup('alert_ack');
    await s.visits([
      [-30, 20],
      [-30, null],
      [2, null],
    ]);
  });
  afterAll(() => s.end());

  it('an acknowledged alert is not escalated; when it clears, its post is edited once and one reply says so', async () => {
    const channel = new FakeChannel();
    const jobs = [s.job(channel, 'a'), s.job(channel, 'b')];
    await s.minutes(0, 5, jobs);
    const [row] = (await s.pool.query<RowDataPacket[]>("SELECT id FROM alert_post WHERE kind = 'fired'"))[0];
    const id = Number(row?.id);
    expect(channel.messages[0]?.message.buttons).toEqual([{ id: `hers:ack:${id}`, label: 'Acknowledge' }]);
    const ack = { userId: '400000000000000012', name: 'Dana Reyes' };
    expect(await acknowledgeAlertPost(s.pool, id, ack, new Date(T0 + 6 * MIN))).toBe(true);
    expect(await acknowledgeAlertPost(s.pool, id, { ...ack, name: 'Lee' }, new Date(T0 + 7 * MIN))).toBe(
      false,
    );
    await s.minutes(6, 25, jobs);
    expect(channel.kinds()).toEqual(['census #1 · fired', 'census #2 · cleared']);
    expect(channel.messages[1]?.message.replyTo).toBe('m1');
    expect(channel.edits).toHaveLength(1);
    expect(channel.edits[0]?.id).toBe('m1');
    expect(channel.edits[0]?.message.buttons).toEqual([]);
    expect(channel.edits[0]?.message.embed.description.split('\n').slice(1)).toEqual([
      'Resolved at 12:20, after 18 min.',
      'Acknowledged by Dana Reyes at 12:06.',
    ]);
  });
});

describe('/admin alerts set and snooze', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup('alert_settings');
    await s.visits([
      [-30, null],
      [-30, null],
      [2, 8],
      [10, 13],
    ]);
  });
  afterAll(() => s.end());

  it('refuses bad input and changes nothing', async () => {
    for (const [line, problem] of [
      ['/admin alerts set rule:census at:4 clear-at:5', 'must be at most `at` (4)'],
      [
        '/admin alerts set rule:waiting at:20 clear-at:10',
        'Option `clear-at` is for census and dispatch_surge',
      ],
      ['/admin alerts set rule:waiting at:2000', 'waiting takes at most 1440'],
      ['/admin alerts snooze rule:census minutes:2000', 'must be at most 1440'],
      ['/admin alerts set rule:triage at:4', 'must be one of: census, waiting, dispatch_surge'],
    ] as const) {
      const out = await s.command(line);
      expect(out.kind, line).toBe('user_error');
      expect(text(out), line).toContain(problem);
    }
    const [rows] = await s.pool.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM alert_rule_setting');
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('a lower clear level keeps the rule firing until the count drops below it; show lists the snooze and who changed what', async () => {
    expect(text(await s.command('/admin alerts set rule:census at:3 clear-at:2'))).toContain(
      'census alerts at 3 or more patients in the ER, and clears below 2.',
    );
    const channel = new FakeChannel();
    const job = s.job(channel);
    // 3 from minute 2 to 8, then 2: still firing (clears below 2), so nothing more is posted.
    await s.minutes(0, 9, [job]);
    expect(channel.kinds()).toEqual(['census #1 · fired']);
    expect(text(await s.command('/admin alerts snooze rule:census minutes:30'))).toContain(
      'census is snoozed until 2031-01-01 12:39',
    );
    await s.minutes(10, 12, [job]);
    expect(channel.kinds()).toEqual(['census #1 · fired']);
    const show = text(await s.command('/admin alerts show'));
    expect(show).toContain('census: alerts at 3 or more patients in the ER, clears below 2; firing since');
    expect(show).toContain('snoozed until 2031-01-01 12:39.');
    expect(show).toContain('<@400000000000000011> census threshold: at 3 → at 3, clears below 2');
  });
});
