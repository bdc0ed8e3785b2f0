import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import { parseCron, firstFireOn, type Cron } from '../core/cron.ts';
import { buildDailySummary, summaryMarker } from '../core/daily-summary.ts';
import { UserError } from '../core/errors.ts';
import { summaryPost, type PostEmbed } from '../core/summary-post.ts';
import { statusOf, withRetries } from './delivery.ts';
import { addDays, localDate } from '../core/time.ts';
import { recordAudit } from '../data/audit.ts';
import type { Db } from '../data/queries.ts';
import { summaryInput } from '../data/summary.queries.ts';
import {
  claimSummaryPost,
  completeSummaryPost,
  failSummaryPost,
  getSummaryPost,
  takeOverSummaryPost,
  type SummaryPostRow,
} from '../data/summary-post.queries.ts';
import type { Logger } from '../log.ts';
import { renderChart } from '../render/chart.ts';

/** Where the summary goes: a narrow interface, Discord in production (src/discord/channel-poster.ts). */
export interface SummaryPoster {
  /** The id of a recent message in the channel whose footer starts with `marker`, if any. */
  findMarked(channelId: string, marker: string): Promise<string | undefined>;
  /** Posts and returns the new message's id. Errors carry the HTTP `status` when Discord answered. */
  post(channelId: string, message: { embed: PostEmbed; chart: Buffer | undefined }): Promise<string>;
}

export type PostResult = 'posted' | 'already posted' | 'recovered' | 'busy' | 'failed';

export interface JobDeps {
  sql: Db;
  config: Config;
  poster: SummaryPoster;
  log: Logger;
  now: () => number;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  instanceId?: string;
}

/** A claim older than this is taken to belong to a process that died between claiming and posting. */
export const CLAIM_LEASE_MS = 10 * 60_000;

/**
 * Posts the ER daily summary to the summary channel exactly once per local day. A run (every cron tick,
 * and at start-up) posts each due day that has no post yet, oldest first, up to SUMMARY_CATCHUP_DAYS back.
 * A day is due once the cron has fired on the day after it. Runs do not overlap within a process; across
 * processes the summary_post row decides who posts.
 */
export class DailySummaryJob {
  readonly instanceId: string;
  private readonly cron: Cron;
  private running: Promise<PostResult[]> | undefined;

  constructor(private readonly deps: JobDeps) {
    const cron = parseCron(deps.config.summary.cron);
    if (!cron) throw new UserError('misconfigured', 'SUMMARY_CRON is not a valid cron expression.');
    this.cron = cron;
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
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
    const now = () => new Date(this.deps.now());
    let row = await getSummaryPost(sql, channel, date);
    if (row?.state === 'posted' && !opts.force) return 'already posted';
    if (!row && (await claimSummaryPost(sql, channel, date, this.instanceId, now()))) {
      row = await getSummaryPost(sql, channel, date);
    } else {
      row ??= await getSummaryPost(sql, channel, date);
      if (!row) return 'busy';
      if (row.state === 'posted' && !opts.force) return 'already posted';
      const fresh = row.state === 'claimed' && this.deps.now() - row.claimed_at.getTime() < CLAIM_LEASE_MS;
      if (fresh && row.claimed_by !== this.instanceId) return 'busy';
      if (!(await takeOverSummaryPost(sql, row, this.instanceId, now()))) return 'busy';
      // A process may have died after posting but before recording it: look for its post first.
      if (row.state === 'claimed' && !opts.force) {
        const found = await this.deps.poster.findMarked(channel, summaryMarker(date));
        if (found) {
          await completeSummaryPost(sql, row.id, this.instanceId, found, now());
          await this.audit(
            date,
            'ok',
            opts.actorId,
            `found the post already in the channel (message ${found})`,
          );
          return 'recovered';
        }
      }
    }
    if (!row) return 'busy';
    return this.send(row, date, opts.actorId);
  }

  private async send(row: SummaryPostRow, date: string, actorId: string | undefined): Promise<PostResult> {
    const { sql, config, poster, log } = this.deps;
    const summary = buildDailySummary(await summaryInput(sql, date, config.timeZone));
    const post = summaryPost(summary, config.summary.minCell);
    let chart: Buffer | undefined;
    try {
      chart = await renderChart(post.chart, config.charts);
    } catch (err) {
      log.warn({ err, date }, 'daily summary chart not drawn; posting without it');
    }
    const embed = chart ? post.embed : { ...post.embed, image: undefined };
    try {
      return await withRetries(
        async (attempt) => {
          const messageId = await poster.post(this.channel, { embed, chart });
          await completeSummaryPost(sql, row.id, this.instanceId, messageId, new Date(this.deps.now()));
          await this.audit(
            date,
            'ok',
            actorId,
            `posted message ${messageId}${attempt > 0 ? ` after ${attempt + 1} attempts` : ''}`,
          );
          log.info({ date, messageId, channel: this.channel }, 'posted the ER daily summary');
          return 'posted' as const;
        },
        {
          sleep: this.deps.sleep,
          onRetry: (err, attempt) =>
            log.warn(
              { date, status: statusOf(err), attempt, err },
              'posting the ER daily summary failed; retrying',
            ),
        },
      );
    } catch (err) {
      const status = statusOf(err);
      const advice =
        status === 403
          ? 'the bot lacks access to the summary channel (give it View Channel, Send Messages, Embed Links and Attach Files there)'
          : status === 404
            ? 'the summary channel does not exist (check SUMMARY_CHANNEL_ID)'
            : `Discord did not accept the post (${String(status ?? (err as Error).message)})`;
      await failSummaryPost(
        sql,
        row.id,
        this.instanceId,
        `${String(status ?? '')} ${(err as Error).message}`.trim(),
      );
      await this.audit(date, 'error', actorId, advice);
      log.error(
        { date, status, channel: this.channel, err },
        `could not post the ER daily summary: ${advice}`,
      );
      return 'failed';
    }
  }

  private async audit(
    date: string,
    outcome: 'ok' | 'error',
    actorId: string | undefined,
    detail: string,
  ): Promise<void> {
    await recordAudit(this.deps.sql, {
      occurredAt: new Date(this.deps.now()),
      source: actorId ? 'discord' : 'scheduler',
      actorId: actorId ?? this.instanceId,
      channelId: this.channel,
      command: 'daily-summary',
      options: { date },
      patientIds: [],
      rowCount: null,
      outcome,
      latencyMs: null,
      detail,
    }).catch((err: unknown) => this.deps.log.error({ err }, 'could not write an audit row'));
  }
}
