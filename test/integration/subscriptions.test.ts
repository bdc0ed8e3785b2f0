import type { RowDataPacket } from 'mysql2/promise';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { openContext } from '../../src/context.ts';
import { migrate } from '../../src/data/migrate.ts';
import { insertSubscription, type SubscriptionRow } from '../../src/data/subscriptions.queries.ts';
import {
  SubscriptionsJob,
  subscriptionMarker,
  type ReportRun,
  type SubscriptionDesk,
  type SubscriptionMessage,
} from '../../src/jobs/subscriptions.job.ts';
import type { Context } from '../../src/runner/command.ts';
import { execute } from '../../src/runner/execute.ts';
import { describeOutcome } from '../../src/runner/outcome.ts';
import { testDatabases } from '../support/databases.ts';

const db = testDatabases('subscriptions', { TZ: 'America/New_York' });
const silent = pino({ level: 'silent' });
/** 07:00 EST on Monday 2027-01-04. */
const SEVEN = Date.parse('2027-01-04T12:00:00Z');
let ctx: Context;
let close: () => Promise<void>;
let userSeq = 0;

/** Our own narrow desk: it keeps what was sent, and answers each run with `answer`. */
class FakeDesk implements SubscriptionDesk {
  readonly sent: { channelId: string; content: string }[] = [];
  runs = 0;
  constructor(private readonly answer: ReportRun) {}
  async openDm(userId: string) {
    return `dm-${userId}`;
  }
  async run(_sub: SubscriptionRow): Promise<ReportRun> {
    this.runs++;
    return this.answer;
  }
  async notify() {}
  async findMarked(channelId: string, marker: string) {
    return this.sent.findIndex((m) => m.channelId === channelId && m.content.endsWith(marker)) >= 0
      ? 'found'
      : undefined;
  }
  async post(channelId: string, { content }: SubscriptionMessage) {
    this.sent.push({ channelId, content });
    return `m${this.sent.length}`;
  }
}

async function subscription(skipEmpty: boolean): Promise<{ id: number; userId: string }> {
  const userId = `40000000000000${String(++userSeq).padStart(4, '0')}`;
  const id = await insertSubscription(ctx.sql, {
    userId,
    guildId: '200000000000000002',
    originChannelId: '300000000000000003',
    report: '/er census',
    sensitivity: 'aggregate',
    times: '07:00',
    days: 'every',
    target: 'dm',
    targetChannelId: null,
    skipEmpty: skipEmpty ? 1 : 0,
    now: new Date(SEVEN - 3_600_000),
  });
  return { id, userId };
}

const job = (desk: SubscriptionDesk, now: number, instanceId: string) =>
  new SubscriptionsJob({ sql: ctx.sql, config: db.config, log: silent, now: () => now, desk, instanceId });

async function states(id: number): Promise<string[]> {
  const [rows] = await ctx.sql.query<RowDataPacket[]>(
    'SELECT state FROM subscription_post WHERE subscription_id = ? ORDER BY slot_at',
    [id],
  );
  return rows.map((r) => String(r.state));
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  ({ ctx, close } = await openContext(db.config, () => SEVEN));
});

afterAll(async () => {
  await close();
  await db.drop();
});

describe('subscriptions job', () => {
  it('with skip-empty and an empty report, sends nothing and records the slot as empty', async () => {
    const { id } = await subscription(true);
    const desk = new FakeDesk({ kind: 'answer', content: 'nothing', empty: true });
    await job(desk, SEVEN + 5_000, 'a').run();
    await job(desk, SEVEN + 6_000, 'b').run();
    expect(desk.sent).toEqual([]);
    expect(desk.runs).toBe(1);
    expect(await states(id)).toEqual(['skipped']);
  });

  it('without skip-empty, sends an empty report with its marker', async () => {
    const { id, userId } = await subscription(false);
    const desk = new FakeDesk({ kind: 'answer', content: 'No one is in the ER.', empty: true });
    await job(desk, SEVEN + 5_000, 'a').run();
    expect(desk.sent).toEqual([
      {
        channelId: `dm-${userId}`,
        content: `No one is in the ER.\n${subscriptionMarker(id, '2027-01-04 07:00')}`,
      },
    ]);
  });

  it('a claim left by a process that died after sending is found by its marker, not sent again', async () => {
    const { id, userId } = await subscription(false);
    const desk = new FakeDesk({ kind: 'answer', content: 'census', empty: false });
    // The dead process claimed the slot and sent the message, but never recorded it.
    await ctx.sql.query(
      `INSERT INTO subscription_post (subscription_id, slot_at, channel_id, state, claimed_by, claimed_at)
       VALUES (?, ?, ?, 'claimed', 'dead', ?)`,
      [id, new Date(SEVEN), `dm-${userId}`, new Date(SEVEN)],
    );
    desk.sent.push({
      channelId: `dm-${userId}`,
      content: `census\n${subscriptionMarker(id, '2027-01-04 07:00')}`,
    });
    await job(desk, SEVEN + 60_000, 'a').run(); // within the lease: left to its holder
    expect(await states(id)).toEqual(['claimed']);
    await job(desk, SEVEN + 6 * 60_000, 'a').run(); // past the lease: taken over, found
    expect(await states(id)).toEqual(['posted']);
    expect(desk.sent).toHaveLength(1);
    expect(desk.runs).toBe(0);
  });
});

describe('/subscribe outside Discord', () => {
  it('in the terminal, says subscriptions are delivered in Discord and stores nothing', async () => {
    const outcome = await execute(
      commands,
      { command: 'subscribe', subcommand: 'add', options: { report: '/er census', at: '07:00' } },
      ctx,
      { source: 'console', actorId: 'console:test' },
    );
    expect(outcome.kind).toBe('user_error');
    if (outcome.kind === 'reply') return;
    expect(describeOutcome(outcome).message).toBe(
      'Subscriptions are delivered in Discord: use /subscribe there.',
    );
  });
});
