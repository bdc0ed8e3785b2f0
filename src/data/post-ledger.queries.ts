import type { Db } from './queries.ts';
import * as sql from './sql/post-ledger.generated.ts';

/**
 * The delivery ledgers of scheduled posts (summary_post, alert_post, subscription_post), for src/jobs/exactly-once.ts: the
 * same take-over, completion and failure on either table, by its own named statements.
 */
export type PostLedger = 'summary_post' | 'alert_post' | 'subscription_post';

/** What every ledger row says about delivery. */
export interface PostSlot {
  id: number;
  channel_id: string;
  state: string;
  claimed_by: string;
  claimed_at: Date;
}

/** Takes over the claim seen on `row`; only one process can win: the claim it saw must still be there. */
export async function takeOverPost(
  db: Db,
  ledger: PostLedger,
  row: PostSlot,
  instance: string,
  now: Date,
): Promise<boolean> {
  const seen = {
    instance,
    now,
    id: row.id,
    seenState: row.state,
    seenInstance: row.claimed_by,
    seenAt: row.claimed_at,
  };
  const taken =
    ledger === 'summary_post'
      ? await sql.takeOverSummaryPost(db, seen)
      : ledger === 'alert_post'
        ? await sql.takeOverAlertPost(db, seen)
        : await sql.takeOverSubscriptionPost(db, seen);
  return taken === 1;
}

/** Records the post as made, with its message; only the process holding the claim can. */
export function completePost(
  db: Db,
  ledger: PostLedger,
  id: number,
  instance: string,
  messageId: string,
  now: Date,
): Promise<number> {
  const done = { id, instance, messageId, now };
  if (ledger === 'subscription_post') return sql.completeSubscriptionPost(db, done);
  return ledger === 'summary_post' ? sql.completeSummaryPost(db, done) : sql.completeAlertPost(db, done);
}

/** Records a post that will not be tried again: Discord's status, and what to fix. */
export function failPost(
  db: Db,
  ledger: PostLedger,
  id: number,
  instance: string,
  status: number | null,
  error: string,
): Promise<number> {
  const failed = { id, instance, status, error: error.slice(0, 500) };
  if (ledger === 'subscription_post') return sql.failSubscriptionPost(db, failed);
  return ledger === 'summary_post' ? sql.failSummaryPost(db, failed) : sql.failAlertPost(db, failed);
}
