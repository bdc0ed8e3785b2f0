import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import {
  evaluateRule,
  ruleClears,
  ruleFires,
  ruleSettings,
  snoozed,
  type RuleSetting,
} from '../core/alerts.ts';
import { alertMarker } from '../core/alert-posts.ts';
import * as audit from '../core/audit-event.ts';
import type { AlertPostKind, AlertRule } from '../core/vocabulary.ts';
import { alertSettings } from '../data/alert-actions.queries.ts';
import {
  alertMeasures,
  alertPostById,
  alertRuleStates,
  insertAlertRuleState,
  moveAlertRule,
  newerAlertPosted,
  staleAlertPosts,
  supersedeAlertPost,
  type AlertPostRow,
  type AlertRuleStateRow,
} from '../data/alerts.queries.ts';
import type { Db } from '../data/queries.ts';
import type { Logger } from '../log.ts';
import {
  alertMessage,
  claimEscalations,
  showResolutions,
  type AlertPoster,
  type FollowUpDeps,
} from './alert-followups.ts';
import { ExactlyOnce, type Post } from './exactly-once.ts';

export type DeliveryResult = 'posted' | 'recovered' | 'failed' | 'superseded' | 'busy';

/** What a run did about one post (a transition or an escalation). */
export interface Delivery {
  rule: AlertRule;
  kind: AlertPostKind;
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

const ALERT_CHANNEL = {
  name: 'alert channel',
  setting: 'ALERT_CHANNEL_ID',
  permissions: 'View Channel, Send Messages, Embed Links and Read Message History',
};

/**
 * Evaluates the alert rules (one run every ALERT_CHECK_SECONDS, with the settings of /admin alerts read
 * each time) and posts each transition to the alert channel exactly once; then the follow-ups of fired
 * posts (src/jobs/alert-followups.ts): escalations due, and edits of posts whose episode is over. The rules'
 * states live in alert_rule_state, so a restart carries on where it was; of several processes evaluating
 * at once, the one whose update of a rule lands moves it on and claims its
 * post (alert_post) in the same transaction. A claim left by a process that died is taken over after
 * ALERT_CLAIM_LEASE_MS: its post is looked for in the channel first, and posted only if missing
 * (src/jobs/exactly-once.ts).
 */
export class AlertsJob {
  readonly instanceId: string;
  private readonly once: ExactlyOnce;
  private running: Promise<Delivery[]> | undefined;
  /** The settings this process evaluated with last, by rule, to log when /admin alerts changes them. */
  private readonly seen = new Map<AlertRule, string>();

  constructor(private readonly deps: AlertJobDeps) {
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.once = new ExactlyOnce({
      ...deps,
      instanceId: this.instanceId,
      ledger: 'alert_post',
      leaseMs: ALERT_CLAIM_LEASE_MS,
      what: 'an ER surge alert',
      channel: ALERT_CHANNEL,
    });
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
    for (const stale of await staleAlertPosts(sql, channel, this.once.staleBefore()))
      deliveries.push(await this.recover(stale));

    // Read each run: a change made with /admin alerts in any process counts from the next evaluation.
    const settings = ruleSettings(config.alerts, await alertSettings(sql)).filter(
      (s) => s.firesAt !== undefined,
    );
    this.noteChanges(settings);
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
        { clear: ruleClears(setting, measured), snoozed: snoozed(setting, now.getTime()) },
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
      if (postId) deliveries.push(...(await this.deliverId(postId)));
    }
    await showResolutions(this.followUpDeps(), channel, now);
    for (const id of await claimEscalations(this.followUpDeps(), channel, settings, measures, now))
      deliveries.push(...(await this.deliverId(id)));
    return deliveries;
  }

  /** Logs the settings a rule is evaluated with when they differ from this process's last evaluation. */
  private noteChanges(settings: readonly RuleSetting[]): void {
    for (const s of settings) {
      const key = JSON.stringify([s.threshold, s.clearAt, s.snoozedUntil ?? null]);
      const before = this.seen.get(s.rule);
      this.seen.set(s.rule, key);
      if (before !== undefined && before !== key)
        this.deps.log.info(
          { rule: s.rule, threshold: s.threshold, clearAt: s.clearAt, snoozedUntil: s.snoozedUntil },
          'alert rule evaluated with new settings',
        );
    }
  }

  private followUpDeps(): FollowUpDeps {
    return {
      ...this.deps,
      instanceId: this.instanceId,
      audit: (row: AlertPostRow, outcome: 'ok' | 'error', detail: string) =>
        this.once.audit(this.post(row), outcome, detail),
    };
  }

  /** Posts the post claimed as `id` (none when its row is gone). */
  private async deliverId(id: number): Promise<Delivery[]> {
    const post = await alertPostById(this.deps.sql, id);
    return post ? [await this.deliver(post)] : [];
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
    const { sql } = this.deps;
    const done = (result: DeliveryResult): Delivery => ({
      rule: stale.rule,
      kind: stale.kind,
      seq: stale.seq,
      result,
    });
    if (!(await this.once.takeOver(stale))) return done('busy');
    const post = this.post(stale);
    if (await newerAlertPosted(sql, stale)) {
      await supersedeAlertPost(sql, stale.id, this.instanceId);
      await this.once.audit(post, 'ok', 'not posted: a later transition of the rule was posted already');
      return done('superseded');
    }
    const recovered = await this.once.recover(post);
    if (recovered !== 'missing') return done(recovered);
    const fresh = await alertPostById(sql, stale.id);
    return fresh ? this.deliver(fresh) : done('busy');
  }

  /** Posts a claimed post, retrying what Discord may accept later. */
  private async deliver(row: AlertPostRow): Promise<Delivery> {
    const result = await this.once.deliver(this.post(row), await alertMessage(this.deps, row));
    return { rule: row.rule, kind: row.kind, seq: row.seq, result };
  }

  private post(row: AlertPostRow): Post {
    return {
      row,
      marker: alertMarker(row.rule, row.seq, row.kind),
      logFields: { rule: row.rule, kind: row.kind },
      audit: (outcome, detail) =>
        audit.channelPost({
          instance: this.instanceId,
          channelId: row.channel_id,
          command: 'alert',
          options: {
            rule: row.rule,
            transition: row.kind,
            seq: row.seq,
            measured: row.measured,
            threshold: row.threshold,
          },
          outcome,
          detail,
        }),
    };
  }
}
