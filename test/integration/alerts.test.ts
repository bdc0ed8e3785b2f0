import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import type { PostEmbed } from '../../src/core/summary-post.ts';
import { migrate } from '../../src/data/migrate.ts';
import { createPool, type Pool } from '../../src/data/mysql.ts';
import { ALERT_CLAIM_LEASE_MS, AlertsJob, type Delivery } from '../../src/jobs/alerts.job.ts';
import type { AlertPoster } from '../../src/jobs/alert-followups.ts';
import type { ChannelMessage } from '../../src/jobs/exactly-once.ts';
import { execute } from '../../src/runner/execute.ts';
import type { Reply } from '../../src/core/reply.ts';
import { testDatabases } from '../support/databases.ts';

const db = testDatabases('alerts');
const silent = pino({ level: 'silent' });
const MIN = 60_000;
let pool: Pool;
let patientId: number;
let channelSeq = 0;
let eraSeq = 0;

/** A channel of our own narrow poster interface: it keeps what was posted and can fail or hang on demand. */
class FakeChannel implements AlertPoster {
  readonly messages: { id: string; embed: PostEmbed }[] = [];
  /** Edits of posted messages, in order. */
  readonly edits: { id: string; message: ChannelMessage }[] = [];
  failures: number[] = [];
  /** Never answer: before posting, or after posting (a process that dies at that point). */
  hang: 'before' | 'after' | undefined;
  posts = 0;
  async findMarked(_channel: string, marker: string): Promise<string | undefined> {
    return this.messages.find((m) => m.embed.footer.text.startsWith(marker))?.id;
  }
  async post(_channel: string, { embed }: ChannelMessage): Promise<string> {
    this.posts++;
    if (this.hang === 'before') return new Promise<string>(() => undefined);
    const status = this.failures.shift();
    if (status !== undefined) throw Object.assign(new Error(`Discord answered ${status}`), { status });
    await new Promise((r) => setTimeout(r, 5)); // a real post takes a moment: lets concurrent runs interleave
    const id = `m${this.posts}`;
    this.messages.push({ id, embed });
    if (this.hang === 'after') return new Promise<string>(() => undefined);
    return id;
  }
  async edit(_channel: string, id: string, message: ChannelMessage): Promise<void> {
    this.edits.push({ id, message });
  }
  /** "census fired", "census cleared", ... in posting order. */
  kinds(): string[] {
    return this.messages.map(
      (m) => /alert (\w+) #\d+ · (\w+)/.exec(m.embed.footer.text)?.slice(1).join(' ') ?? '?',
    );
  }
}

interface Setup {
  channel: string;
  config: Config;
  clock: { now: number };
  slept: number[];
  /** Minute 0 of this test's own stretch of time: tests do not see each other's visits and dispatches. */
  t0: number;
  at(minute: number): number;
  job(poster: AlertPoster, instanceId?: string): AlertsJob;
}

function setup(env: Record<string, string> = {}): Setup {
  const channel = `3100000000000001${String(++channelSeq).padStart(2, '0')}`;
  const config = loadConfig({
    ...db.env,
    ALERT_CHANNEL_ID: channel,
    ALERT_CENSUS_AT: '3',
    ALERT_WAIT_MINUTES: '30',
    ALERT_DISPATCH_AT: '2',
    ALERT_REARM_MINUTES: '10',
    ...env,
  });
  const clock = { now: 0 };
  const slept: number[] = [];
  const t0 = Date.parse('2031-01-01T12:00:00Z') + ++eraSeq * 2 * 86_400_000;
  return {
    channel,
    config,
    clock,
    slept,
    t0,
    at: (minute) => t0 + minute * MIN,
    job: (poster, instanceId) =>
      new AlertsJob({
        sql: pool,
        config,
        poster,
        log: silent,
        now: () => clock.now,
        instanceId,
        sleep: async (ms) => void slept.push(ms),
      }),
  };
}

/** ER visits of our one patient: [arrived minute, departed minute, triage level] from t0. */
async function visits(s: Setup, spans: [number, number, number?][]): Promise<number[]> {
  const ids: number[] = [];
  for (const [from, to, triage] of spans) {
    const [r] = await pool.query<ResultSetHeader>(
      `INSERT INTO er_visit (patient_id, arrived_at, arrival_mode, condition_on_arrival, triage_level, reason, departed_at)
       VALUES (?, ?, 'walk_in', 'serious', ?, 'chest pain', ?)`,
      [patientId, new Date(s.at(from)), triage ?? 3, new Date(s.at(to))],
    );
    ids.push(r.insertId);
  }
  return ids;
}

async function treatment(s: Setup, visitId: number, minute: number): Promise<void> {
  await pool.query(
    `INSERT INTO er_treatment (visit_id, patient_id, type, performed_at, outcome) VALUES (?, ?, 'Medication', ?, 'Stabilized')`,
    [visitId, patientId, new Date(s.at(minute))],
  );
}

async function dispatches(s: Setup, list: [number, 'high' | 'medium' | 'low'][]): Promise<void> {
  for (const [minute, severity] of list)
    await pool.query(
      `INSERT INTO ambulance_dispatch (dispatched_at, severity, nature) VALUES (?, ?, 'stroke')`,
      [new Date(s.at(minute)), severity],
    );
}

/** Runs the job (or several instances at once) at each minute; what each minute delivered. */
async function minutes(
  s: Setup,
  from: number,
  to: number,
  jobs: AlertsJob[],
): Promise<Map<number, Delivery[]>> {
  const out = new Map<number, Delivery[]>();
  for (let m = from; m <= to; m++) {
    s.clock.now = s.at(m);
    const done = (await Promise.all(jobs.map((j) => j.run()))).flat();
    if (done.length > 0) out.set(m, done);
  }
  return out;
}

async function ruleRow(channel: string, rule: string): Promise<RowDataPacket | undefined> {
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT * FROM alert_rule_state WHERE channel_id = ? AND rule = ?',
    [channel, rule],
  );
  return rows[0];
}

async function postRows(channel: string): Promise<RowDataPacket[]> {
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT * FROM alert_post WHERE channel_id = ? ORDER BY id',
    [channel],
  );
  return rows;
}

async function adminAlerts(s: Setup): Promise<Reply> {
  const ctx = { sql: pool, read: pool, mongo: undefined as never, config: s.config, now: () => s.clock.now };
  const out = await execute(commands, parseCommandLine('/admin alerts show', commands), ctx, {
    source: 'discord',
    actorId: '400000000000000011',
  });
  if (out.kind !== 'reply')
    throw new Error(out.kind === 'user_error' ? out.error.message : String(out.error));
  return out.reply;
}

/** The census scenario: 2 in the ER, then 3 from minute 2 to 10, 3 again at minute 15 only, 3 from 27. */
async function censusScenario(s: Setup): Promise<void> {
  await visits(s, [
    [-60, 11],
    [-60, 11],
    [2, 11],
    [15, 16],
    [15, 16],
    [15, 16],
    [27, 40],
    [27, 40],
    [27, 40],
  ]);
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  pool = createPool(db.mysqlUrl, 8);
  const [r] = await pool.query<ResultSetHeader>(
    `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone) VALUES ('MRN7770001', 'Zelda', 'Quixotica', '1970-05-05', 'female', '555-0100')`,
  );
  patientId = r.insertId;
});

afterAll(async () => {
  await pool?.end();
  await db.drop();
});

describe('the census rule', () => {
  it('posts once when it crosses its threshold, stays quiet while firing, posts cleared once, re-arms only after the re-arm time', async () => {
    const s = setup({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off', SUMMARY_MIN_CELL: '0' });
    await censusScenario(s);
    const channel = new FakeChannel();
    const job = s.job(channel);
    const delivered = await minutes(s, 0, 30, [job]);
    expect([...delivered].map(([m, d]) => [m, d.map((x) => `${x.rule} ${x.kind} ${x.result}`)])).toEqual([
      [2, ['census fired posted']],
      [11, ['census cleared posted']],
      // minute 15: true again 4 minutes after clearing: quiet; clear again from 16, re-armed at 26
      [27, ['census fired posted']],
    ]);
    expect(channel.kinds()).toEqual(['census fired', 'census cleared', 'census fired']);
    expect(channel.messages[0]?.embed.description).toContain('**3** patients in the ER now');
    expect(channel.messages[1]?.embed.description).toContain('**0** patients in the ER now');
    expect(await ruleRow(s.channel, 'census')).toMatchObject({
      state: 'firing',
      transitions: 3,
      measured: 3,
    });
  });

  it('posts counts and times only: no patient name, MRN, phone or reason', async () => {
    const s = setup({ SUMMARY_MIN_CELL: '0' });
    await censusScenario(s);
    const channel = new FakeChannel();
    await minutes(s, 0, 12, [s.job(channel)]);
    const text = JSON.stringify(channel.messages);
    for (const secret of ['Zelda', 'Quixotica', 'MRN7770001', '555-0100', 'chest pain'])
      expect(text).not.toContain(secret);
  });

  it('audits each post', async () => {
    const s = setup({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off' });
    await censusScenario(s);
    await minutes(s, 0, 12, [s.job(new FakeChannel(), 'auditor')]);
    const [audit] = await pool.query<RowDataPacket[]>(
      `SELECT source, actor_id, command, outcome, options, detail FROM audit_event WHERE channel_id = ? ORDER BY id`,
      [s.channel],
    );
    expect(audit.map((a) => [a.source, a.actor_id, a.command, a.outcome])).toEqual([
      ['scheduler', 'auditor', 'alert', 'ok'],
      ['scheduler', 'auditor', 'alert', 'ok'],
      ['scheduler', 'auditor', 'alert', 'ok'],
    ]);
    const options = (a: RowDataPacket) =>
      (typeof a.options === 'string' ? JSON.parse(a.options) : a.options) as Record<string, unknown>;
    expect(audit.map((a) => options(a).transition)).toEqual(['fired', 'cleared', 'fired']);
    expect(audit.map((a) => a.detail)).toEqual([
      'posted message m1',
      'posted message m2',
      'edited message m1 to say it resolved',
    ]);
  });
});

describe('the waiting rule', () => {
  it('fires when a triage 1-2 patient has waited the configured minutes untreated, and clears at the treatment', async () => {
    const s = setup({ ALERT_CENSUS_AT: 'off', ALERT_DISPATCH_AT: 'off' });
    const [urgent, , treated] = await visits(s, [
      [0, 120, 2],
      [-90, 120, 3], // triage 3 waits as long as it likes
      [-90, 120, 1], // triage 1, treated at once
    ]);
    await treatment(s, treated ?? 0, -89);
    await treatment(s, urgent ?? 0, 40);
    const channel = new FakeChannel();
    const delivered = await minutes(s, 0, 45, [s.job(channel)]);
    expect([...delivered].map(([m, d]) => [m, d.map((x) => `${x.rule} ${x.kind}`)])).toEqual([
      [30, ['waiting fired']],
      [40, ['waiting cleared']],
    ]);
    expect(channel.messages[0]?.embed.description).toBe(
      `**<5** triage 1-2 patient has waited over 30 min with no treatment yet: the alert is set at a triage 1-2 patient waiting over 30 min with no treatment. Since ${newYork(s.at(30))} America/New_York.`,
    );
  });
});

describe('the dispatch_surge rule', () => {
  it('counts high-severity dispatches in the last 60 minutes only', async () => {
    const s = setup({ ALERT_CENSUS_AT: 'off', ALERT_WAIT_MINUTES: 'off' });
    await dispatches(s, [
      [0, 'high'],
      [5, 'medium'],
      [6, 'low'],
      [10, 'high'],
    ]);
    const channel = new FakeChannel();
    const delivered = await minutes(s, 0, 75, [s.job(channel)]);
    // The first leaves the window at minute 60 (dispatched exactly 60 minutes before is out).
    expect([...delivered].map(([m, d]) => [m, d.map((x) => `${x.rule} ${x.kind}`)])).toEqual([
      [10, ['dispatch_surge fired']],
      [60, ['dispatch_surge cleared']],
    ]);
  });
});

describe('exactly once', () => {
  it('five instances evaluating every minute post each transition once', async () => {
    const s = setup({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off' });
    await censusScenario(s);
    const channel = new FakeChannel();
    const jobs = ['a', 'b', 'c', 'd', 'e'].map((id) => s.job(channel, id));
    const delivered = await minutes(s, 0, 30, jobs);
    expect(channel.kinds()).toEqual(['census fired', 'census cleared', 'census fired']);
    expect([...delivered.values()].flat().filter((d) => d.result === 'posted')).toHaveLength(3);
    expect((await postRows(s.channel)).map((r) => [r.seq, r.kind, r.state])).toEqual([
      [1, 'fired', 'posted'],
      [2, 'cleared', 'posted'],
      [3, 'fired', 'posted'],
    ]);
  });

  it('a restart (a new instance on the same database) does not post again, and posts the next transition', async () => {
    const s = setup({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off' });
    await censusScenario(s);
    const channel = new FakeChannel();
    await minutes(s, 0, 5, [s.job(channel, 'before')]);
    expect(channel.kinds()).toEqual(['census fired']);
    const delivered = await minutes(s, 6, 12, [s.job(channel, 'after')]);
    expect([...delivered.keys()]).toEqual([11]);
    expect(channel.kinds()).toEqual(['census fired', 'census cleared']);
  });

  it('a process that dies after claiming, before posting: another posts it once its lease is over', async () => {
    const s = setup({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off' });
    await censusScenario(s);
    const dead = new FakeChannel();
    dead.hang = 'before';
    s.clock.now = s.at(2);
    void s.job(dead, 'dead').run();
    await until(async () => (await postRows(s.channel)).length === 1);
    const channel = new FakeChannel();
    // Within the lease the claim is left alone; after it, the post is made.
    const within = await minutes(s, 3, 6, [s.job(channel, 'next')]);
    expect(within.size).toBe(0);
    s.clock.now = s.at(2) + ALERT_CLAIM_LEASE_MS + MIN;
    expect(await s.job(channel, 'next').run()).toEqual([
      { rule: 'census', kind: 'fired', seq: 1, result: 'posted' },
    ]);
    expect(channel.kinds()).toEqual(['census fired']);
  });

  it('a process that dies after posting, before recording: the post is found in the channel, not posted again', async () => {
    const s = setup({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off' });
    await censusScenario(s);
    const channel = new FakeChannel();
    channel.hang = 'after';
    s.clock.now = s.at(2);
    void s.job(channel, 'dead').run();
    await until(async () => channel.messages.length === 1);
    channel.hang = undefined;
    s.clock.now = s.at(2) + ALERT_CLAIM_LEASE_MS + MIN;
    expect(await s.job(channel, 'next').run()).toEqual([
      { rule: 'census', kind: 'fired', seq: 1, result: 'recovered' },
    ]);
    expect(channel.kinds()).toEqual(['census fired']);
    expect((await postRows(s.channel))[0]).toMatchObject({
      state: 'posted',
      message_id: 'm1',
      claimed_by: 'next',
    });
  });
});

describe('when Discord fails', () => {
  it('retries 5xx and rate limits with backoff, then posts once', async () => {
    const s = setup({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off' });
    await censusScenario(s);
    const channel = new FakeChannel();
    channel.failures = [502, 429, 503];
    await minutes(s, 0, 5, [s.job(channel)]);
    expect(channel.posts).toBe(4);
    expect(channel.kinds()).toEqual(['census fired']);
    expect(s.slept).toEqual([1_000, 4_000, 15_000]);
  });

  it('on 403, does not retry, not even at the next minutes; /admin alerts shows the problem', async () => {
    const s = setup({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off' });
    await censusScenario(s);
    const channel = new FakeChannel();
    channel.failures = [403];
    const delivered = await minutes(s, 0, 10, [s.job(channel)]);
    expect([...delivered.values()].flat().map((d) => d.result)).toEqual(['failed']);
    expect(channel.posts).toBe(1);
    expect(s.slept).toEqual([]);
    expect((await postRows(s.channel))[0]).toMatchObject({ state: 'failed', last_status: 403 });
    const [audit] = await pool.query<RowDataPacket[]>(
      `SELECT outcome, detail FROM audit_event WHERE channel_id = ? AND command = 'alert' ORDER BY id`,
      [s.channel],
    );
    expect(audit[0]).toMatchObject({ outcome: 'error' });
    expect(audit[0]?.detail).toContain('lacks access to the alert channel');

    const reply = await adminAlerts(s);
    expect(reply.sensitivity).toBe('aggregate');
    expect(reply.summary).toContain(
      `census: alerts at 3 or more patients in the ER; firing since ${newYork(s.at(2))}.`,
    );
    expect(reply.summary).toContain(
      `⚠ census: the fired post of ${newYork(s.at(2))} failed (403): the bot lacks access to the alert channel`,
    );
    expect(reply.table?.rows.find((r) => r[0] === 'census')).toEqual([
      'census',
      '≥ 3 in ER',
      'firing',
      3,
      newYork(s.at(2)).slice(5),
      '-',
      '403',
    ]);

    // Access given back: the next transition posts, and the problem is shown as past.
    await minutes(s, 11, 11, [s.job(channel)]);
    expect(channel.kinds()).toEqual(['census cleared']);
    const after = await adminAlerts(s);
    expect(after.summary).toContain('a later post went through');
    expect(after.table?.rows.find((r) => r[0] === 'census')?.[6]).toBe('403, then ok');
  });
});

describe('/admin alerts', () => {
  it('lists each rule with its threshold and state, off rules as off', async () => {
    const s = setup({ ALERT_CENSUS_AT: 'off' });
    await censusScenario(s);
    await minutes(s, 0, 12, [s.job(new FakeChannel())]);
    const reply = await adminAlerts(s);
    expect(reply.table?.rows.map((r) => r.slice(0, 4))).toEqual([
      ['census', 'off', 'off', null],
      ['waiting', 'ESI 1-2 > 30 min', 'armed', 0],
      ['dispatch_surge', '≥ 2 high/60 min', 'armed', 0],
    ]);
    expect(reply.summary).toContain('census: off.');
  });

  it('says alerts are off without a channel', async () => {
    const s = setup({ ALERT_CHANNEL_ID: '' });
    const reply = await adminAlerts(s);
    expect(reply.summary).toBe('ER surge alerts are off: ALERT_CHANNEL_ID is not set.');
    expect(reply.table?.rows).toHaveLength(3);
  });

  it('is answered privately and only to admins', () => {
    const sub = commands.get('admin')?.subcommands.get('alerts show');
    expect(sub).toMatchObject({ capability: 'admin', alwaysPrivate: true, sensitivity: 'aggregate' });
  });
});

/** A January instant as New York reads it (EST, UTC-5): YYYY-MM-DD HH:MM. */
function newYork(t: number): string {
  return new Date(t - 5 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out waiting');
}
