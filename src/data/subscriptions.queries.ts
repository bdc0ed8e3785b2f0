import type { Db } from './queries.ts';
import * as sql from './sql/subscriptions.generated.ts';

/** Members' subscriptions and the ledger of their slots (src/jobs/subscriptions.job.ts). */
export type SubscriptionRow = sql.ActiveSubscriptionsRow;
export type SubscriptionPostRow = sql.GetSubscriptionPostRow;
export type NewSubscription = sql.InsertSubscriptionArgs;

export const insertSubscription = (db: Db, s: NewSubscription) => sql.insertSubscription(db, s);
export const subscriptionsOf = (db: Db, userId: string) => sql.subscriptionsOf(db, { userId });
export const activeSubscriptions = (db: Db) => sql.activeSubscriptions(db);
export const getSubscriptionPost = (db: Db, subscriptionId: number, slotAt: Date) =>
  sql.getSubscriptionPost(db, { subscriptionId, slotAt });
export const latestSubscriptionPosts = (db: Db, userId: string, since: Date) =>
  sql.latestSubscriptionPosts(db, { userId, since });

/** True when the member's own subscription `id` was removed. */
export async function deleteSubscription(db: Db, id: number, userId: string): Promise<boolean> {
  return (await sql.deleteSubscription(db, { id, userId })) === 1;
}

/** True for the one process that paused it (and so tells the member). */
export async function pauseSubscription(db: Db, id: number, reason: string, now: Date): Promise<boolean> {
  return (await sql.pauseSubscription(db, { id, reason, now })) === 1;
}

export async function skipSubscriptionPost(db: Db, id: number, instance: string, now: Date): Promise<void> {
  await sql.skipSubscriptionPost(db, { id, instance, now });
}

/**
 * Claims a slot for this instance, or records it missed (`state`). False when another instance has a row
 * for the slot already: the unique key (subscription_id, slot_at) refuses the second.
 */
export async function claimSubscriptionPost(db: Db, claim: sql.ClaimSubscriptionPostArgs): Promise<boolean> {
  try {
    return (await sql.claimSubscriptionPost(db, claim)) === 1;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}
