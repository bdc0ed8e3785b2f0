import type { AuditEvent } from '../core/audit-event.ts';
import type { PostEmbed } from '../core/summary-post.ts';
import { recordAudit } from '../data/audit.ts';
import {
  completePost,
  failPost,
  takeOverPost,
  type PostLedger,
  type PostSlot,
} from '../data/post-ledger.queries.ts';
import type { Db } from '../data/queries.ts';
import type { Logger } from '../log.ts';
import { codeOf, DM_REFUSED, isTransient, statusOf, withRetries } from './delivery.ts';

/**
 * Posting to a channel exactly once, for every job that posts on a schedule (the daily summary, surge
 * alerts, members' subscriptions). A post has a row in its ledger table, claimed by one process before it posts:
 *
 *   claimed --post--> posted          (completed by the process holding the claim)
 *   claimed --4xx or retries spent--> failed
 *   claimed, past the lease --> taken over by another process, which first looks for the post in the
 *                               channel (the first one may have died after posting), then posts it
 *
 * The job decides when a post is due and what it says; this module does the claim's take-over, the
 * recovery, the delivery with retries, the failure with its advice, and their audit rows and log lines.
 */

/** A message for a channel: an embed, and its chart as a PNG attachment. */
export interface ChannelMessage {
  embed: PostEmbed;
  chart?: Buffer;
  /** Text above the embed: a mention notifies only from there. */
  content?: string;
  /** The roles the message may notify; nobody else, whatever it says. */
  mentionRoles?: string[];
  /** Posted as a reply to this message of the same channel (posted anyway if that one is gone). */
  replyTo?: string;
  /** Buttons under the message; an edit without them removes them. */
  buttons?: { id: string; label: string }[];
}

/** Where scheduled posts go: a narrow interface, Discord in production (src/discord/channel-poster.ts). */
export interface ChannelPoster<M = ChannelMessage> {
  /** The id of a recent message of the bot's in the channel whose footer starts with `marker`, if any. */
  findMarked(channelId: string, marker: string): Promise<string | undefined>;
  /** Posts and returns the new message's id. Errors carry the HTTP `status` when Discord answered. */
  post(channelId: string, message: M): Promise<string>;
}

/** A channel as an operator fixes it: its name, the setting that names it, what the bot needs there. */
export interface PostChannel {
  name: string;
  setting: string;
  permissions: string;
}

/** What to tell an operator when Discord will not take a post: the one place for the 403 and 404 advice. */
export function deliveryAdvice(
  channel: PostChannel,
  status: number | undefined,
  message: string,
  code?: number,
): string {
  if (code === DM_REFUSED)
    return 'Discord refused the direct message: the member does not accept DMs from the bot';
  if (status === 403)
    return `the bot lacks access to the ${channel.name} (give it ${channel.permissions} there)`;
  if (status === 404) return `the ${channel.name} does not exist (check ${channel.setting})`;
  return `Discord did not accept the post (${status ?? message})`;
}

export interface ExactlyOnceDeps<M = ChannelMessage> {
  sql: Db;
  poster: ChannelPoster<M>;
  log: Logger;
  now: () => number;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  instanceId: string;
  ledger: PostLedger;
  /** A claim older than this belongs to a process that died between claiming and posting. */
  leaseMs: number;
  /** What is posted, for log lines: "the ER daily summary". */
  what: string;
  channel: PostChannel;
  /** Told of a post that will not be tried again, once it is recorded (subscriptions pause on a closed DM). */
  onFailed?: (post: Post, err: unknown) => Promise<void>;
}

/** One post: its ledger row, the footer prefix that finds it in the channel, and what the job records. */
export interface Post {
  row: PostSlot;
  marker: string;
  /** The audit row of what became of the post. */
  audit(outcome: 'ok' | 'error', detail: string): AuditEvent;
  /** Log fields that say which post (never what it says). */
  logFields: Record<string, unknown>;
}

export class ExactlyOnce<M = ChannelMessage> {
  constructor(private readonly deps: ExactlyOnceDeps<M>) {}

  get instanceId(): string {
    return this.deps.instanceId;
  }

  /** Whether another process holds the claim and may still post: it is younger than the lease. */
  heldElsewhere(row: PostSlot): boolean {
    return (
      row.state === 'claimed' &&
      row.claimed_by !== this.deps.instanceId &&
      this.deps.now() - row.claimed_at.getTime() < this.deps.leaseMs
    );
  }

  /** The time before which a claim is stale. */
  staleBefore(): Date {
    return new Date(this.deps.now() - this.deps.leaseMs);
  }

  /** Takes over the claim seen on `row` (stale, failed, or for a re-post); false when another process won. */
  takeOver(row: PostSlot): Promise<boolean> {
    return takeOverPost(
      this.deps.sql,
      this.deps.ledger,
      row,
      this.deps.instanceId,
      new Date(this.deps.now()),
    );
  }

  /**
   * For a claim taken over: the process before may have died after posting but before recording it, so the
   * post is looked for in the channel first. 'recovered' when found (and recorded), 'missing' when it is to be
   * posted, 'busy' when the channel cannot be read now, 'failed' when it never will be (recorded).
   */
  async recover(post: Post): Promise<'recovered' | 'missing' | 'busy' | 'failed'> {
    let found: string | undefined;
    try {
      found = await this.deps.poster.findMarked(post.row.channel_id, post.marker);
    } catch (err) {
      if (!isTransient(err)) return this.fail(post, err);
      this.deps.log.warn(
        { ...post.logFields, err },
        `could not read the channel of ${this.deps.what}; trying again later`,
      );
      return 'busy';
    }
    if (!found) return 'missing';
    await completePost(
      this.deps.sql,
      this.deps.ledger,
      post.row.id,
      this.deps.instanceId,
      found,
      new Date(this.deps.now()),
    );
    await this.audit(post, 'ok', `found the post already in the channel (message ${found})`);
    return 'recovered';
  }

  /**
   * Posts a post this process holds, retrying what Discord may accept later; recorded either way. Only the
   * post itself is retried: once Discord has it, a failure to record it leaves the claim to be recovered by
   * its marker after the lease, never a second post.
   */
  async deliver(post: Post, message: M): Promise<'posted' | 'failed'> {
    const { sql, ledger, poster, log, instanceId } = this.deps;
    let attempts = 0;
    let messageId: string;
    try {
      messageId = await withRetries(
        (n) => {
          attempts = n + 1;
          return poster.post(post.row.channel_id, message);
        },
        {
          sleep: this.deps.sleep,
          onRetry: (err, attempt) =>
            log.warn(
              { ...post.logFields, status: statusOf(err), attempt, err },
              `posting ${this.deps.what} failed; retrying`,
            ),
        },
      );
    } catch (err) {
      return this.fail(post, err);
    }
    await completePost(sql, ledger, post.row.id, instanceId, messageId, new Date(this.deps.now()));
    const after = attempts > 1 ? ` after ${attempts} attempts` : '';
    await this.audit(post, 'ok', `posted message ${messageId}${after}`);
    log.info({ ...post.logFields, messageId, channel: post.row.channel_id }, `posted ${this.deps.what}`);
    return 'posted';
  }

  /** Records a post that will not be tried again, with what to fix; audited and logged. */
  private async fail(post: Post, err: unknown): Promise<'failed'> {
    const status = statusOf(err);
    const advice = deliveryAdvice(this.deps.channel, status, (err as Error).message, codeOf(err));
    await failPost(
      this.deps.sql,
      this.deps.ledger,
      post.row.id,
      this.deps.instanceId,
      status ?? null,
      advice,
    );
    await this.audit(post, 'error', advice);
    this.deps.log.error(
      { ...post.logFields, status, channel: post.row.channel_id, err },
      `could not post ${this.deps.what}: ${advice}`,
    );
    await this.deps.onFailed?.(post, err);
    return 'failed';
  }

  /** Writes the post's audit row; a trail that cannot be written is logged, and the post stands. */
  async audit(post: Post, outcome: 'ok' | 'error', detail: string): Promise<void> {
    await recordAudit(this.deps.sql, post.audit(outcome, detail)).catch((err: unknown) =>
      this.deps.log.error({ err }, 'could not write an audit row'),
    );
  }
}
