import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import * as audit from '../core/audit-event.ts';
import { when } from '../core/format.ts';
import { parseTimes, slotActions, type Days } from '../core/subscription.ts';
import { DAY_MS, MINUTE_MS } from '../core/time.ts';
import type { Db } from '../data/queries.ts';
import {
  activeSubscriptions,
  claimSubscriptionPost,
  getSubscriptionPost,
  pauseSubscription,
  skipSubscriptionPost,
  type SubscriptionPostRow,
  type SubscriptionRow,
} from '../data/subscriptions.queries.ts';
import type { Logger } from '../log.ts';
import { codeOf, DM_REFUSED } from './delivery.ts';
import { ExactlyOnce, type ChannelPoster, type Post } from './exactly-once.ts';

/** A subscription's message: its text, ending with the marker line that finds it again. */
export interface SubscriptionMessage {
  content: string;
}

/** What running a subscribed report as its member gave (each already audited, audit first). */
export type ReportRun =
  | { kind: 'answer'; content: string; empty: boolean }
  /** The member may no longer run it (roles read from Discord now): one line instead of the report. */
  | { kind: 'denied'; notice: string }
  /** It could not be answered (data unavailable, a failure): one line saying so, with a reference. */
  | { kind: 'failed'; notice: string };

/** Discord, as the subscriptions need it: a narrow interface, src/discord/subscription-desk.ts in production. */
export interface SubscriptionDesk extends ChannelPoster<SubscriptionMessage> {
  /** The DM channel with a member (Discord gives the same one each time). */
  openDm(userId: string): Promise<string>;
  /** Runs the report with the member's roles read from Discord now, to be shown in `channelId`. */
  run(sub: SubscriptionRow, channelId: string): Promise<ReportRun>;
  /** Tells the member in a channel, mentioning only them. */
  notify(channelId: string, userId: string, text: string): Promise<void>;
}

export interface SubscriptionsJobDeps {
  sql: Db;
  config: Config;
  log: Logger;
  now: () => number;
  desk: SubscriptionDesk;
  sleep?: (ms: number) => Promise<void>;
  instanceId?: string;
}

/** A claim older than this belongs to a process that died between claiming and delivering. */
export const SUBSCRIPTION_LEASE_MS = 5 * 60_000;

/** The line every subscription message ends with: which subscription, which slot. */
export function subscriptionMarker(id: number, slot: string): string {
  return `-# hers-bot subscription ${id} · ${slot}`;
}

// It goes to a server channel: it names the subscription by its id only, never the report as typed (whose
// options may name a patient).
const CLOSED_DM_NOTICE = (id: number) =>
  `I could not send you your subscribed report (subscription ${id}, see /subscribe list): Discord refused the direct message, so your DMs from this server are probably closed. The subscription is paused; allow direct messages from server members, then /subscribe remove id:${id} and add it again.`;

/**
 * Delivers members' subscribed reports at their local times, exactly once per slot across processes and
 * restarts (src/jobs/exactly-once.ts over subscription_post). Every ten seconds, each active subscription's
 * slots of the last day without a ledger row are looked at: the newest is delivered when it is at most
 * SUBSCRIPTION_CATCHUP_MINUTES old (a minute at least), any other is recorded as missed (/subscribe list
 * shows it). A DM Discord refuses pauses the subscription and tells the member once, where they subscribed.
 */
export class SubscriptionsJob {
  readonly instanceId: string;
  private readonly once: ExactlyOnce<SubscriptionMessage>;
  /** Slots this process has settled (delivered, found delivered, or missed), by subscription id. */
  private readonly settled = new Map<number, Set<number>>();
  private running: Promise<void> | undefined;

  constructor(private readonly deps: SubscriptionsJobDeps) {
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.once = new ExactlyOnce<SubscriptionMessage>({
      sql: deps.sql,
      log: deps.log,
      now: deps.now,
      sleep: deps.sleep,
      poster: deps.desk,
      instanceId: this.instanceId,
      ledger: 'subscription_post',
      leaseMs: SUBSCRIPTION_LEASE_MS,
      what: 'a subscribed report',
      channel: {
        name: 'subscription channel',
        setting: 'the subscription (/subscribe list)',
        permissions: 'View Channel and Send Messages',
      },
      onFailed: (post, err) => this.onFailed(post, err),
    });
  }

  /** One pass over every active subscription; a pass already going on is joined, not repeated. */
  run(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.deps.now();
    for (const slots of this.settled.values())
      for (const slot of slots) if (slot < now - 2 * DAY_MS) slots.delete(slot);
    for (const sub of await activeSubscriptions(this.deps.sql)) {
      try {
        await this.runOne(sub, now);
      } catch (err) {
        this.deps.log.error(
          { err, subscription: sub.id },
          'subscription run failed; trying again at the next run',
        );
      }
    }
  }

  private async runOne(sub: SubscriptionRow, now: number): Promise<void> {
    const { config } = this.deps;
    const since = Math.max(sub.created_at.getTime(), now - DAY_MS);
    const spec = { times: parseTimes(sub.times), days: sub.days as Days };
    let known = this.settled.get(sub.id);
    if (!known) this.settled.set(sub.id, (known = new Set()));
    const catchUpMs = config.subscriptions.catchUpMinutes * MINUTE_MS;
    for (const { slot, action } of slotActions(spec, config.timeZone, since, now, catchUpMs, known)) {
      if (action === 'missed') {
        await claimSubscriptionPost(this.deps.sql, {
          subscriptionId: sub.id,
          slotAt: new Date(slot),
          channelId: sub.target_channel_id ?? 'dm',
          state: 'missed',
          instance: this.instanceId,
          now: new Date(now),
        });
        known.add(slot);
        continue;
      }
      if ((await this.deliverSlot(sub, slot)) !== 'busy') known.add(slot);
    }
  }

  /** Delivers one slot unless another process has or is doing it. */
  private async deliverSlot(sub: SubscriptionRow, slot: number): Promise<string> {
    const { sql, desk } = this.deps;
    const slotAt = new Date(slot);
    let row = await getSubscriptionPost(sql, sub.id, slotAt);
    if (!row) {
      const channelId = sub.target === 'dm' ? await desk.openDm(sub.user_id) : (sub.target_channel_id ?? '');
      const claim = { subscriptionId: sub.id, slotAt, channelId, state: 'claimed' as const };
      const won = await claimSubscriptionPost(sql, {
        ...claim,
        instance: this.instanceId,
        now: new Date(this.deps.now()),
      });
      row = await getSubscriptionPost(sql, sub.id, slotAt);
      if (!row) return 'busy';
      if (won) return this.send(sub, this.post(sub, row, slot));
    }
    if (row.state !== 'claimed' || this.once.heldElsewhere(row)) return row.state;
    if (!(await this.once.takeOver(row))) return 'busy';
    const post = this.post(sub, row, slot);
    const recovered = await this.once.recover(post);
    return recovered === 'missing' ? this.send(sub, post) : recovered;
  }

  private slotText(slot: number): string {
    return when(this.deps.config.timeZone, new Date(slot));
  }

  private post(sub: SubscriptionRow, row: SubscriptionPostRow, slot: number): Post {
    const slotText = this.slotText(slot);
    return {
      row,
      marker: subscriptionMarker(sub.id, slotText),
      logFields: { subscription: sub.id, slot: slotText },
      audit: (outcome, detail) =>
        audit.channelPost({
          instance: this.instanceId,
          forcedBy: undefined,
          channelId: row.channel_id,
          command: 'subscription',
          options: { subscription: sub.id, slot: slotText },
          outcome,
          detail,
        }),
    };
  }

  private async send(sub: SubscriptionRow, post: Post): Promise<string> {
    const ran = await this.deps.desk.run(sub, post.row.channel_id);
    if (ran.kind === 'answer' && ran.empty && sub.skip_empty) {
      await skipSubscriptionPost(this.deps.sql, post.row.id, this.instanceId, new Date(this.deps.now()));
      await this.once.audit(post, 'ok', 'the report was empty: nothing sent, as the member asked');
      return 'skipped';
    }
    const text = ran.kind === 'answer' ? ran.content : ran.notice;
    return this.once.deliver(post, { content: `${text}\n${post.marker}` });
  }

  /** A refused DM pauses the subscription; the one process that pauses it tells the member, once. */
  private async onFailed(post: Post, err: unknown): Promise<void> {
    if (codeOf(err) !== DM_REFUSED) return;
    const id = Number(post.logFields.subscription);
    const sub = (await activeSubscriptions(this.deps.sql)).find((s) => s.id === id);
    if (!sub) return;
    const reason = 'Discord refused the DM (DMs closed)';
    if (!(await pauseSubscription(this.deps.sql, id, reason, new Date(this.deps.now())))) return;
    try {
      await this.deps.desk.notify(sub.origin_channel_id, sub.user_id, CLOSED_DM_NOTICE(id));
    } catch (err) {
      this.deps.log.warn({ err, subscription: id }, 'could not tell the member that their DMs are closed');
    }
  }
}
