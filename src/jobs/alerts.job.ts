import cron from 'node-cron';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import {
  alertMarker,
  alertPost,
  deliveryAdvice,
  evaluateRule,
  ruleFires,
  ruleSettings,
  type AlertPostContent,
} from '../core/alerts.ts';
import type { PostEmbed } from '../core/summary-post.ts';
import type { AlertRule, AlertTransition } from '../core/vocabulary.ts';
import {
  alertMeasures,
  alertPostById,
  alertRuleStates,
  completeAlertPost,
  failAlertPost,
  insertAlertRuleState,
  moveAlertRule,
  newerAlertPosted,
  staleAlertPosts,
  supersedeAlertPost,
  takeOverAlertPost,
  type AlertPostRow,
  type AlertRuleStateRow,
} from '../data/alerts.queries.ts';
import { recordAudit } from '../data/audit.ts';
import type { Db } from '../data/queries.ts';
import type { Logger } from '../log.ts';
import { isTransient, statusOf, withRetries } from './delivery.ts';

/** Where alerts go: a narrow interface, Discord in production (src/discord/channel-poster.ts). */
export interface AlertPoster {
  /** The id of a recent message in the channel whose footer starts with `marker`, if any. */
  findMarked(channelId: string, marker: string): Promise<string | undefined>;
  /** Posts and returns the new message's id. Errors carry the HTTP `status` when Discord answered. */
  post(channelId: string, embed: PostEmbed): Promise<string>;
}

export type DeliveryResult = 'posted' | 'recovered' | 'failed' | 'superseded' | 'busy';

/** What a run did about one transition. */
export interface Delivery {
  rule: AlertRule;
  kind: AlertTransition;
  seq: number;
  result: DeliveryResult;
}

export interface AlertJobDeps {
  sql: Db;
  config: Config;
  poster: AlertPoster;
  log: Logger;
  now: () => number;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  instanceId?: string;
}

/** A claim older than this belongs to a process that died between claiming and posting. */
export const ALERT_CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Evaluates the alert rules (one run a minute) and posts each transition to the alert channel exactly
 * once. The rules' states live in alert_rule_state, so a restart carries on where it was; of several
 * processes evaluating the same minute, the one whose update of a rule lands moves it on and claims its
 * post (alert_post) in the same transaction. A claim left by a process that died is taken over after
 * ALERT_CLAIM_LEASE_MS: its post is looked for in the channel first, and posted only if missing.
 */
export class AlertsJob {
  readonly instanceId: string;
  private running: Promise<Delivery[]> | undefined;

  constructor(private readonly deps: AlertJobDeps) {
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** One evaluation of every rule that is on. A run already going on is joined, not repeated. */
  run(): Promise<Delivery[]> {
    this.running ??= this.evaluate().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async evaluate(): Promise<Delivery[]> {
    const { sql, config } = this.deps;
    const channel = config.alerts.channelId;
    if (!channel) return [];
    const deliveries: Delivery[] = [];
    const now = new Date(this.deps.now());
    for (const stale of await staleAlertPosts(sql, channel, new Date(now.getTime() - ALERT_CLAIM_LEASE_MS)))
      deliveries.push(await this.recover(stale));

    const settings = ruleSettings(config.alerts).filter((s) => s.firesAt !== undefined);
    if (settings.length === 0) return deliveries;
    const measures = await alertMeasures(sql, now, config.alerts.waitMinutes ?? 0);
    const rows = await this.states(
      channel,
      settings.map((s) => s.rule),
    );
    const rearmMs = config.alerts.rearmMinutes * 60_000;
    for (const setting of settings) {
      const { rule, threshold } = setting;
      const row = rows.get(rule);
      if (!row || threshold === undefined) continue;
      const measured = measures[rule];
      const { next, transition } = evaluateRule(
        { state: row.state, clearSince: row.clear_since?.getTime() ?? null },
        ruleFires(setting, measured),
        now.getTime(),
        rearmMs,
      );
      const postId = await moveAlertRule(
        sql,
        row,
        {
          state: next.state,
          transitions: row.transitions + (transition ? 1 : 0),
          clearSince: next.clearSince === null ? null : new Date(next.clearSince),
          measured,
          now,
          firedAt: transition === 'fired' ? now : row.fired_at,
          clearedAt: transition === 'cleared' ? now : row.cleared_at,
        },
        transition && {
          seq: row.transitions + 1,
          kind: transition,
          happenedAt: now,
          firedAt: transition === 'cleared' ? row.fired_at : null,
          measured,
          threshold,
          instance: this.instanceId,
        },
      );
      if (postId) {
        const post = await alertPostById(sql, postId);
        if (post) deliveries.push(await this.deliver(post));
      }
    }
    return deliveries;
  }

  /** The channel's rule rows, adding an armed row for a rule seen for the first time. */
  private async states(channel: string, rules: AlertRule[]): Promise<Map<AlertRule, AlertRuleStateRow>> {
    const { sql } = this.deps;
    let rows = await alertRuleStates(sql, channel);
    const missing = rules.filter((r) => !rows.some((row) => row.rule === r));
    if (missing.length > 0) {
      for (const rule of missing) await insertAlertRuleState(sql, channel, rule);
      rows = await alertRuleStates(sql, channel);
    }
    return new Map(rows.map((r) => [r.rule, r]));
  }

  /** Finishes a post claimed by a process that died: found in the channel, posted, or out of date. */
  private async recover(stale: AlertPostRow): Promise<Delivery> {
    const { sql, poster, log } = this.deps;
    const done = (result: DeliveryResult): Delivery => ({
      rule: stale.rule,
      kind: stale.kind,
      seq: stale.seq,
      result,
    });
    const now = new Date(this.deps.now());
    if (!(await takeOverAlertPost(sql, stale, this.instanceId, now))) return done('busy');
    if (await newerAlertPosted(sql, stale)) {
      await supersedeAlertPost(sql, stale.id, this.instanceId);
      await this.audit(stale, 'ok', 'not posted: a later transition of the rule was posted already');
      return done('superseded');
    }
    let found: string | undefined;
    try {
      found = await poster.findMarked(stale.channel_id, alertMarker(stale.rule, stale.seq));
    } catch (err) {
      if (isTransient(err)) {
        log.warn({ err, rule: stale.rule }, 'could not read the alert channel; trying again later');
        return done('busy');
      }
      return this.fail(stale, err);
    }
    if (found) {
      await completeAlertPost(sql, stale.id, this.instanceId, found, now);
      await this.audit(stale, 'ok', `found the post already in the channel (message ${found})`);
      return done('recovered');
    }
    const fresh = await alertPostById(sql, stale.id);
    return fresh ? this.deliver(fresh) : done('busy');
  }

  /** Posts a claimed transition, retrying what Discord may accept later. */
  private async deliver(row: AlertPostRow): Promise<Delivery> {
    const { sql, config, poster, log } = this.deps;
    const done = (result: DeliveryResult): Delivery => ({
      rule: row.rule,
      kind: row.kind,
      seq: row.seq,
      result,
    });
    const embed = alertPost(content(row), config.timeZone, config.summary.minCell);
    try {
      return await withRetries(
        async (attempt) => {
          const messageId = await poster.post(row.channel_id, embed);
          await completeAlertPost(sql, row.id, this.instanceId, messageId, new Date(this.deps.now()));
          await this.audit(
            row,
            'ok',
            `posted message ${messageId}${attempt > 0 ? ` after ${attempt + 1} attempts` : ''}`,
          );
          log.info({ rule: row.rule, kind: row.kind, messageId }, 'posted an ER surge alert');
          return done('posted');
        },
        {
          sleep: this.deps.sleep,
          onRetry: (err, attempt) =>
            log.warn(
              { rule: row.rule, status: statusOf(err), attempt, err },
              'posting an ER surge alert failed; retrying',
            ),
        },
      );
    } catch (err) {
      return this.fail(row, err);
    }
  }

  /** Records a post that will not be tried again, with what to fix; audited and logged. */
  private async fail(row: AlertPostRow, err: unknown): Promise<Delivery> {
    const status = statusOf(err);
    const advice = deliveryAdvice(status, (err as Error).message);
    await failAlertPost(this.deps.sql, row.id, this.instanceId, status ?? null, advice);
    await this.audit(row, 'error', advice);
    this.deps.log.error(
      { rule: row.rule, kind: row.kind, status, channel: row.channel_id, err },
      `could not post an ER surge alert: ${advice}`,
    );
    return { rule: row.rule, kind: row.kind, seq: row.seq, result: 'failed' };
  }

  private async audit(row: AlertPostRow, outcome: 'ok' | 'error', detail: string): Promise<void> {
    await recordAudit(this.deps.sql, {
      source: 'scheduler',
      actorId: this.instanceId,
      channelId: row.channel_id,
      command: 'alert',
      options: {
        rule: row.rule,
        transition: row.kind,
        seq: row.seq,
        measured: row.measured,
        threshold: row.threshold,
      },
      patientIds: [],
      rowCount: null,
      outcome,
      latencyMs: null,
      detail,
    }).catch((err: unknown) => this.deps.log.error({ err }, 'could not write an audit row'));
  }
}

function content(row: AlertPostRow): AlertPostContent {
  return {
    rule: row.rule,
    seq: row.seq,
    kind: row.kind,
    happenedAt: row.happened_at,
    firedAt: row.fired_at,
    measured: row.measured,
    threshold: row.threshold,
  };
}

/**
 * Starts the alert job when ALERT_CHANNEL_ID is set (undefined when it is not): a run now and one every
 * minute. `stop` ends the tick (a run in progress finishes on its own).
 */
export function scheduleAlerts(
  deps: AlertJobDeps,
): { job: AlertsJob; stop: () => Promise<void> } | undefined {
  if (!deps.config.alerts.channelId) return undefined;
  const job = new AlertsJob(deps);
  const tick = () => {
    job.run().catch((err: unknown) => deps.log.error({ err }, 'ER surge alert run failed'));
  };
  const task = cron.schedule('* * * * *', tick, { noOverlap: true, name: 'alerts' });
  tick(); // at start too: a restart picks up where the database says the rules are
  return { job, stop: async () => void (await task.stop()) };
}
