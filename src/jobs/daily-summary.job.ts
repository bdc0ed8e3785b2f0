import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import * as audit from '../core/audit-event.ts';
import { parseCron, firstFireOn, type Cron } from '../core/cron.ts';
import { buildDailySummary, summaryMarker } from '../core/daily-summary.ts';
import { UserError } from '../core/errors.ts';
import { summaryPost } from '../core/summary-post.ts';
import { addDays, localDate } from '../core/time.ts';
import type { Db } from '../data/queries.ts';
import { summaryInput } from '../data/summary.queries.ts';
import { claimSummaryPost, getSummaryPost, type SummaryPostRow } from '../data/summary-post.queries.ts';
import type { Logger } from '../log.ts';
import { renderChart } from '../render/chart.ts';
import { ExactlyOnce, type ChannelPoster, type Post } from './exactly-once.ts';

export type PostResult = 'posted' | 'already posted' | 'recovered' | 'busy' | 'failed';

export interface JobDeps {
  sql: Db;
  config: Config;
  poster: ChannelPoster;
  log: Logger;
  now: () => number;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  instanceId?: string;
}

/** A claim older than this is taken to belong to a process that died between claiming and posting. */
export const CLAIM_LEASE_MS = 10 * 60_000;

const SUMMARY_CHANNEL = {
  name: 'summary channel',
  setting: 'SUMMARY_CHANNEL_ID',
  permissions: 'View Channel, Send Messages, Embed Links and Attach Files',
};

/**
 * Posts the ER daily summary to the summary channel exactly once per local day. A run (every cron tick,
 * and at start-up) posts each due day that has no post yet, oldest first, up to SUMMARY_CATCHUP_DAYS back.
 * A day is due once the cron has fired on the day after it. Runs do not overlap within a process; across
 * processes the summary_post row decides who posts (src/jobs/exactly-once.ts).
 */
export class DailySummaryJob {
  readonly instanceId: string;
  private readonly cron: Cron;
  private readonly once: ExactlyOnce;
  private running: Promise<PostResult[]> | undefined;

  constructor(private readonly deps: JobDeps) {
    const cron = parseCron(deps.config.summary.cron);
    if (!cron) throw new UserError('misconfigured', 'SUMMARY_CRON is not a valid cron expression.');
    this.cron = cron;
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.once = new ExactlyOnce({
      ...deps,
      instanceId: this.instanceId,
      ledger: 'summary_post',
      leaseMs: CLAIM_LEASE_MS,
      what: 'the ER daily summary',
      channel: SUMMARY_CHANNEL,
    });
  }

  private get channel(): string {
    const id = this.deps.config.summary.channelId;
    if (!id) throw new UserError('misconfigured', 'SUMMARY_CHANNEL_ID is not set.');
    return id;
  }

  /** The local dates whose summary is due at `now`, oldest first. */
  dueDates(now: number): string[] {
    const tz = this.deps.config.timeZone;
    const today = localDate(tz, now);
    const span = Math.max(1, this.deps.config.summary.catchUpDays);
    const due: string[] = [];
    for (let back = span; back >= 1; back--) {
      const date = addDays(today, -back);
      const fire = firstFireOn(this.cron, tz, addDays(date, 1));
      if (fire !== undefined && fire <= now) due.push(date);
    }
    return due;
  }

  /** Posts every due day that has no post yet. A run already going on is joined, not repeated. */
  runDue(): Promise<PostResult[]> {
    this.running ??= (async () => {
      const results: PostResult[] = [];
      try {
        for (const date of this.dueDates(this.deps.now()))
          results.push(await this.postDay(date, { force: false }));
      } finally {
        this.running = undefined;
      }
      return results;
    })();
    return this.running;
  }

  /** Posts one day's summary unless it is posted already (or posts it again with `force`). */
  async postDay(date: string, opts: { force: boolean; actorId?: string }): Promise<PostResult> {
    const { sql } = this.deps;
    const channel = this.channel;
    let row = await getSummaryPost(sql, channel, date);
    if (row?.state === 'posted' && !opts.force) return 'already posted';
    if (!row && (await claimSummaryPost(sql, channel, date, this.instanceId, new Date(this.deps.now())))) {
      row = await getSummaryPost(sql, channel, date);
      return row ? this.send(this.post(row, date, opts.actorId), date) : 'busy';
    }
    row ??= await getSummaryPost(sql, channel, date);
    if (!row) return 'busy';
    if (row.state === 'posted' && !opts.force) return 'already posted';
    if (this.once.heldElsewhere(row)) return 'busy';
    if (!(await this.once.takeOver(row))) return 'busy';
    const post = this.post(row, date, opts.actorId);
    if (row.state === 'claimed' && !opts.force) {
      const recovered = await this.once.recover(post);
      if (recovered !== 'missing') return recovered;
    }
    return this.send(post, date);
  }

  private post(row: SummaryPostRow, date: string, forcedBy: string | undefined): Post {
    return {
      row,
      marker: summaryMarker(date),
      logFields: { date },
      audit: (outcome, detail) =>
        audit.channelPost({
          instance: this.instanceId,
          forcedBy,
          channelId: row.channel_id,
          command: 'daily-summary',
          options: { date },
          outcome,
          detail,
        }),
    };
  }

  private async send(post: Post, date: string): Promise<PostResult> {
    const { sql, config, log } = this.deps;
    const summary = buildDailySummary(await summaryInput(sql, date, config.timeZone));
    const made = summaryPost(summary, config.summary.minCell);
    let chart: Buffer | undefined;
    try {
      chart = await renderChart(made.chart, config.charts);
    } catch (err) {
      log.warn({ err, date }, 'daily summary chart not drawn; posting without it');
    }
    const embed = chart ? made.embed : { ...made.embed, image: undefined };
    return this.once.deliver(post, { embed, chart });
  }
}
