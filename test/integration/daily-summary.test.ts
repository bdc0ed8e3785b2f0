import type { RowDataPacket } from 'mysql2/promise';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, createPool, type Pool } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { DailySummaryJob } from '../../src/jobs/daily-summary.job.ts';
import type { ChannelMessage, ChannelPoster } from '../../src/jobs/exactly-once.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { execute } from '../../src/runner/execute.ts';
import { testDatabases } from '../support/databases.ts';
import { PNG_MAGIC } from '../support/png.ts';

const NY = 'America/New_York';
const db = testDatabases('summary', { TZ: NY });
let pool: Pool;
let channelSeq = 0;
const silent = pino({ level: 'silent' });

/** A channel of our own narrow poster interface: it keeps what was posted and can fail on demand. */
class FakeChannel implements ChannelPoster {
  readonly messages: ({ id: string } & ChannelMessage)[] = [];
  failures: number[] = [];
  posts = 0;
  async findMarked(_channel: string, marker: string): Promise<string | undefined> {
    return this.messages.find((m) => m.embed.footer.text.startsWith(marker))?.id;
  }
  async post(_channel: string, message: ChannelMessage): Promise<string> {
    this.posts++;
    const status = this.failures.shift();
    if (status !== undefined) throw Object.assign(new Error(`Discord answered ${status}`), { status });
    await new Promise((r) => setTimeout(r, 5)); // a real post takes a moment: lets concurrent runs interleave
    const id = `m${this.posts}`;
    this.messages.push({ id, ...message });
    return id;
  }
  dates(): string[] {
    return this.messages.map(
      (m) => /ER daily summary for (\d{4}-\d{2}-\d{2})/.exec(m.embed.footer.text)?.[1] ?? '?',
    );
  }
}

interface Setup {
  channel: string;
  config: Config;
  clock: { now: number };
  slept: number[];
  job: (poster: ChannelPoster, instanceId?: string) => DailySummaryJob;
}

/** A job on its own channel (so tests do not share summary_post rows), with a clock the test sets. */
function setup(env: Record<string, string> = {}): Setup {
  const channel = `3000000000000001${String(++channelSeq).padStart(2, '0')}`;
  const config = loadConfig({
    ...db.env,
    SUMMARY_CHANNEL_ID: channel,
    SUMMARY_CRON: '0 7 * * *',
    SUMMARY_CATCHUP_DAYS: '1',
    ...env,
  });
  const clock = { now: 0 };
  const slept: number[] = [];
  return {
    channel,
    config,
    clock,
    slept,
    job: (poster, instanceId) =>
      new DailySummaryJob({
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

async function row(channel: string, date: string): Promise<RowDataPacket | undefined> {
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT * FROM summary_post WHERE channel_id = ? AND summary_date = ?',
    [channel, date],
  );
  return rows[0];
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  // Two weeks of data around the spring-forward change (2026-03-08 in New York).
  await runSeed(
    db.config,
    { scale: 0.01, seed: 4, end: Date.parse('2026-03-12T12:00:00Z') },
    () => undefined,
  );
  pool = createPool(db.mysqlUrl, 4);
});

afterAll(async () => {
  await pool?.end();
  await db.drop();
});

describe('when the summary is posted', () => {
  it('at the configured local time, on the spring-forward day (a 23-hour day)', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-09T10:59:00Z'); // 06:59 EDT
    expect(await s.job(channel).runDue()).toEqual([]);
    s.clock.now = Date.parse('2026-03-09T11:00:00Z'); // 07:00 EDT
    expect(await s.job(channel).runDue()).toEqual(['posted']);
    expect(channel.dates()).toEqual(['2026-03-08']);
    expect(channel.messages[0]?.embed.footer.text).toBe(
      'ER daily summary for 2026-03-08 · data 2026-03-08 00:00 to 24:00 America/New_York (23 hours) · ' +
        'OP-18b: median minutes arrival → departure, discharged, excluding mental health and transfers',
    );
    expect(channel.messages[0]?.chart?.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  });

  it('at the configured local time after the fall-back change (a 25-hour day)', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-11-02T11:59:00Z'); // 06:59 EST
    expect(await s.job(channel).runDue()).toEqual([]);
    s.clock.now = Date.parse('2026-11-02T12:00:00Z'); // 07:00 EST
    expect(await s.job(channel).runDue()).toEqual(['posted']);
    expect(channel.messages[0]?.embed.footer.text).toContain(
      'ER daily summary for 2026-11-01 · data 2026-11-01 00:00 to 24:00 America/New_York (25 hours)',
    );
  });

  it('once a day: later ticks the same day post nothing', async () => {
    const s = setup();
    const channel = new FakeChannel();
    for (const t of ['2026-03-10T11:00:00Z', '2026-03-10T15:00:00Z', '2026-03-10T23:59:00Z']) {
      s.clock.now = Date.parse(t);
      await s.job(channel).runDue();
    }
    expect(channel.dates()).toEqual(['2026-03-09']);
  });

  it('catches up after downtime, oldest first, up to the configured number of days', async () => {
    const s = setup({ SUMMARY_CATCHUP_DAYS: '3' });
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-12T13:00:00Z'); // 09:00 EDT on the 12th, after five days down
    expect(await s.job(channel).runDue()).toEqual(['posted', 'posted', 'posted']);
    expect(channel.dates()).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    expect(await row(s.channel, '2026-03-08')).toBeUndefined();
  });
});

describe('exactly once', () => {
  it('two instances running at once post one message', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => s.job(channel, id).runDue()));
    expect(channel.messages).toHaveLength(1);
    expect(results.flat().filter((r) => r === 'posted')).toHaveLength(1);
    for (const r of results.flat()) expect(['posted', 'busy', 'already posted']).toContain(r);
    expect((await row(s.channel, '2026-03-09'))?.state).toBe('posted');
  });

  it('one process never overlaps its own runs', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    const job = s.job(channel);
    const [a, b] = await Promise.all([job.runDue(), job.runDue()]);
    expect(a).toBe(b);
    expect(channel.messages).toHaveLength(1);
  });

  it('a crash after posting but before recording: the next run finds the post and does not post again', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    await s.job(channel, 'dead').runDue();
    // Make it look as if the process died between posting and recording the message id.
    await pool.query(
      `UPDATE summary_post SET state = 'claimed', message_id = NULL, claimed_at = ? WHERE channel_id = ?`,
      [new Date(s.clock.now - 20 * 60_000), s.channel],
    );
    s.clock.now += 60_000;
    expect(await s.job(channel, 'next').runDue()).toEqual(['recovered']);
    expect(channel.messages).toHaveLength(1);
    expect(await row(s.channel, '2026-03-09')).toMatchObject({
      state: 'posted',
      message_id: 'm1',
      claimed_by: 'next',
    });
  });

  it('a crash after claiming but before posting: the next run posts, once', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    await pool.query(
      `INSERT INTO summary_post (channel_id, summary_date, state, claimed_by, claimed_at) VALUES (?, '2026-03-09', 'claimed', 'dead', ?)`,
      [s.channel, new Date(s.clock.now - 20 * 60_000)],
    );
    expect(await s.job(channel, 'next').runDue()).toEqual(['posted']);
    expect(await s.job(channel, 'other').runDue()).toEqual(['already posted']);
    expect(channel.messages).toHaveLength(1);
  });

  it('a claim held by a live instance (within its lease) is left alone', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    await pool.query(
      `INSERT INTO summary_post (channel_id, summary_date, state, claimed_by, claimed_at) VALUES (?, '2026-03-09', 'claimed', 'alive', ?)`,
      [s.channel, new Date(s.clock.now - 60_000)],
    );
    expect(await s.job(channel).runDue()).toEqual(['busy']);
    expect(channel.posts).toBe(0);
  });
});

describe('when Discord fails', () => {
  it('retries 5xx and rate limits with backoff, then posts once', async () => {
    const s = setup();
    const channel = new FakeChannel();
    channel.failures = [502, 429, 503];
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    expect(await s.job(channel).runDue()).toEqual(['posted']);
    expect(channel.posts).toBe(4);
    expect(channel.messages).toHaveLength(1);
    expect(s.slept).toEqual([1_000, 4_000, 15_000]);
  });

  it('on 403, does not retry: records the failure, audits it with advice, and tries again only on the next run', async () => {
    const s = setup();
    const channel = new FakeChannel();
    channel.failures = [403];
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    expect(await s.job(channel).runDue()).toEqual(['failed']);
    expect(channel.posts).toBe(1);
    expect(s.slept).toEqual([]);
    expect(await row(s.channel, '2026-03-09')).toMatchObject({ state: 'failed' });
    const [audit] = await pool.query<RowDataPacket[]>(
      `SELECT * FROM audit_event WHERE channel_id = ? ORDER BY id DESC LIMIT 1`,
      [s.channel],
    );
    expect(audit[0]).toMatchObject({ source: 'scheduler', command: 'daily-summary', outcome: 'error' });
    expect(audit[0]?.detail).toContain('lacks access to the summary channel');

    s.clock.now += 24 * 3_600_000; // the next morning: it tries the failed day once more, and the new day
    await s.job(channel).runDue();
    expect(channel.posts).toBe(2);
  });

  it('when retries run out, records the failure', async () => {
    const s = setup();
    const channel = new FakeChannel();
    channel.failures = [500, 500, 500, 500, 500];
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    expect(await s.job(channel).runDue()).toEqual(['failed']);
    expect(channel.posts).toBe(5);
  });
});

describe('the post', () => {
  it('suppresses small counts everywhere in the embed and the chart', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    await s.job(channel).runDue();
    const embed = channel.messages[0]?.embed;
    const text = [embed?.description, ...(embed?.fields.map((f) => f.value) ?? [])].join('\n');
    // Counts are the bold numbers of count lines; none may be 1-4.
    for (const m of text.matchAll(/\*\*(\d[\d,]*)\*\*/g)) {
      const n = Number(m[1]?.replace(/,/g, ''));
      if (Number.isInteger(n)) expect(n === 0 || n >= 5, `count ${n} in: ${text}`).toBe(true);
    }
    expect(text).toContain('<5');
    expect(embed?.fields.length).toBeLessThanOrEqual(25);
    expect(JSON.stringify(embed).length).toBeLessThan(6000);
  });

  it('carries the day figures: arrivals as counted independently from the raw visits', async () => {
    const s = setup({ SUMMARY_MIN_CELL: '0' });
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-10T11:00:00Z');
    await s.job(channel).runDue();
    const c = await connect(db.mysqlUrl);
    const [visits] = await c.query<RowDataPacket[]>('SELECT arrived_at FROM er_visit');
    await c.end();
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: NY,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const arrivals = visits.filter((v) => day.format(v.arrived_at as Date) === '2026-03-09').length;
    expect(channel.messages[0]?.embed.description).toContain(`**${arrivals}** ER arrivals`);
  });
});

describe('/admin summary-now', () => {
  it('posts on demand, refuses a second post without force, and re-posts with force; all audited', async () => {
    const s = setup();
    const channel = new FakeChannel();
    s.clock.now = Date.parse('2026-03-10T15:00:00Z');
    const job = s.job(channel);
    const ctx = {
      sql: pool,
      read: pool,
      mongo: undefined as never,
      config: s.config,
      now: () => s.clock.now,
      summary: {
        postNow: (d: string, f: boolean, a: string | undefined) => job.postDay(d, { force: f, actorId: a }),
      },
    };
    const run = async (line: string) => {
      const out = await execute(commands, parseCommandLine(line, commands), ctx, {
        source: 'discord',
        actorId: '400000000000000009',
      });
      if (out.kind !== 'reply')
        throw new Error(out.kind === 'user_error' ? out.error.message : String(out.error));
      return out.reply.summary;
    };
    expect(await run('/admin summary-now date:2026-03-08')).toBe('Posted.');
    expect(await run('/admin summary-now date:2026-03-08')).toBe(
      'That day is posted already; use force:true to post it again.',
    );
    expect(await run('/admin summary-now date:2026-03-08 force:true')).toBe('Posted.');
    expect(channel.dates()).toEqual(['2026-03-08', '2026-03-08']);
    const [audit] = await pool.query<RowDataPacket[]>(
      `SELECT command, source, actor_id FROM audit_event WHERE actor_id = '400000000000000009' ORDER BY id`,
    );
    expect(audit.map((a) => a.command)).toEqual([
      'daily-summary',
      '/admin summary-now',
      '/admin summary-now',
      'daily-summary',
      '/admin summary-now',
    ]);
    const today = await execute(
      commands,
      parseCommandLine('/admin summary-now date:2026-03-10', commands),
      ctx,
      { source: 'discord', actorId: 'x' },
    );
    expect(today.kind === 'user_error' && today.error.message).toContain('2026-03-10 is not over yet');
  });
});
