// Generated from sql/queries/subscriptions.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { execLastId, execRows, many, one, type Db, type Statement } from '../queries.ts';

export const insertSubscriptionQuery: Statement = {
  name: 'InsertSubscription',
  sql: `INSERT INTO subscription (user_id, guild_id, origin_channel_id, report, sensitivity, times, days, target,
  target_channel_id, skip_empty, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
  ?, ?)`,
  params: [
    'userId',
    'guildId',
    'originChannelId',
    'report',
    'sensitivity',
    'times',
    'days',
    'target',
    'targetChannelId',
    'skipEmpty',
    'now',
  ],
};

export interface InsertSubscriptionArgs {
  userId: string;
  guildId: string;
  originChannelId: string;
  report: string;
  sensitivity: string;
  times: string;
  days: string;
  target: string;
  targetChannelId: string | null;
  skipEmpty: number;
  now: Date;
}

export function insertSubscription(db: Db, args: InsertSubscriptionArgs): Promise<number> {
  return execLastId(db, insertSubscriptionQuery, args);
}

export const subscriptionsOfQuery: Statement = {
  name: 'SubscriptionsOf',
  sql: `SELECT id, user_id, guild_id, origin_channel_id, report, sensitivity, times, days, target, target_channel_id,
  skip_empty, created_at, paused_at, paused_reason
FROM subscription WHERE user_id = ? ORDER BY id`,
  params: ['userId'],
};

export interface SubscriptionsOfArgs {
  userId: string;
}

export interface SubscriptionsOfRow {
  id: number;
  user_id: string;
  guild_id: string;
  origin_channel_id: string;
  report: string;
  sensitivity: 'aggregate' | 'phi';
  times: string;
  days: 'every' | 'weekdays' | 'weekends';
  target: 'dm' | 'channel';
  target_channel_id: string | null;
  skip_empty: number;
  created_at: Date;
  paused_at: Date | null;
  paused_reason: string | null;
}

export function subscriptionsOf(db: Db, args: SubscriptionsOfArgs): Promise<SubscriptionsOfRow[]> {
  return many<SubscriptionsOfRow>(db, subscriptionsOfQuery, args);
}

export const activeSubscriptionsQuery: Statement = {
  name: 'ActiveSubscriptions',
  sql: `SELECT id, user_id, guild_id, origin_channel_id, report, sensitivity, times, days, target, target_channel_id,
  skip_empty, created_at, paused_at, paused_reason
FROM subscription WHERE paused_at IS NULL ORDER BY id`,
  params: [],
};

export interface ActiveSubscriptionsRow {
  id: number;
  user_id: string;
  guild_id: string;
  origin_channel_id: string;
  report: string;
  sensitivity: 'aggregate' | 'phi';
  times: string;
  days: 'every' | 'weekdays' | 'weekends';
  target: 'dm' | 'channel';
  target_channel_id: string | null;
  skip_empty: number;
  created_at: Date;
  paused_at: Date | null;
  paused_reason: string | null;
}

export function activeSubscriptions(db: Db): Promise<ActiveSubscriptionsRow[]> {
  return many<ActiveSubscriptionsRow>(db, activeSubscriptionsQuery);
}

export const deleteSubscriptionQuery: Statement = {
  name: 'DeleteSubscription',
  sql: `DELETE FROM subscription WHERE id = ? AND user_id = ?`,
  params: ['id', 'userId'],
};

export interface DeleteSubscriptionArgs {
  id: number;
  userId: string;
}

/**
 * Only the member's own subscription.
 */
export function deleteSubscription(db: Db, args: DeleteSubscriptionArgs): Promise<number> {
  return execRows(db, deleteSubscriptionQuery, args);
}

export const pauseSubscriptionQuery: Statement = {
  name: 'PauseSubscription',
  sql: `UPDATE subscription SET paused_at = ?, paused_reason = ? WHERE id = ? AND paused_at IS NULL`,
  params: ['now', 'reason', 'id'],
};

export interface PauseSubscriptionArgs {
  now: Date | null;
  reason: string | null;
  id: number;
}

/**
 * 1 row for the one process that pauses it (and so tells the member), 0 for any other.
 */
export function pauseSubscription(db: Db, args: PauseSubscriptionArgs): Promise<number> {
  return execRows(db, pauseSubscriptionQuery, args);
}

export const claimSubscriptionPostQuery: Statement = {
  name: 'ClaimSubscriptionPost',
  sql: `INSERT INTO subscription_post (subscription_id, slot_at, channel_id, state, claimed_by, claimed_at)
VALUES (?, ?, ?, ?, ?, ?)`,
  params: ['subscriptionId', 'slotAt', 'channelId', 'state', 'instance', 'now'],
};

export interface ClaimSubscriptionPostArgs {
  subscriptionId: number;
  slotAt: Date;
  channelId: string;
  state: 'claimed' | 'missed';
  instance: string;
  now: Date;
}

/**
 * Claims a slot for this instance (or records it missed). Another instance's claim of the same slot makes
 * the unique key (subscription_id, slot_at) refuse it with a duplicate-key error.
 */
export function claimSubscriptionPost(db: Db, args: ClaimSubscriptionPostArgs): Promise<number> {
  return execRows(db, claimSubscriptionPostQuery, args);
}

export const getSubscriptionPostQuery: Statement = {
  name: 'GetSubscriptionPost',
  sql: `SELECT id, subscription_id, slot_at, channel_id, state, claimed_by, claimed_at, posted_at, message_id, attempts
FROM subscription_post WHERE subscription_id = ? AND slot_at = ?`,
  params: ['subscriptionId', 'slotAt'],
};

export interface GetSubscriptionPostArgs {
  subscriptionId: number;
  slotAt: Date;
}

export interface GetSubscriptionPostRow {
  id: number;
  subscription_id: number;
  slot_at: Date;
  channel_id: string;
  state: 'claimed' | 'posted' | 'failed' | 'skipped' | 'missed';
  claimed_by: string;
  claimed_at: Date;
  posted_at: Date | null;
  message_id: string | null;
  attempts: number;
}

export function getSubscriptionPost(
  db: Db,
  args: GetSubscriptionPostArgs,
): Promise<GetSubscriptionPostRow | undefined> {
  return one<GetSubscriptionPostRow>(db, getSubscriptionPostQuery, args);
}

export const latestSubscriptionPostsQuery: Statement = {
  name: 'LatestSubscriptionPosts',
  sql: `SELECT p.subscription_id, p.slot_at, p.state
FROM subscription_post p JOIN subscription s ON s.id = p.subscription_id
WHERE s.user_id = ? AND p.slot_at >= ?
ORDER BY p.subscription_id, p.slot_at`,
  params: ['userId', 'since'],
};

export interface LatestSubscriptionPostsArgs {
  userId: string;
  since: Date;
}

export interface LatestSubscriptionPostsRow {
  subscription_id: number;
  slot_at: Date;
  state: 'claimed' | 'posted' | 'failed' | 'skipped' | 'missed';
}

/**
 * The newest slot row of each of a member's subscriptions, for /subscribe list.
 */
export function latestSubscriptionPosts(
  db: Db,
  args: LatestSubscriptionPostsArgs,
): Promise<LatestSubscriptionPostsRow[]> {
  return many<LatestSubscriptionPostsRow>(db, latestSubscriptionPostsQuery, args);
}

export const skipSubscriptionPostQuery: Statement = {
  name: 'SkipSubscriptionPost',
  sql: `UPDATE subscription_post SET state = 'skipped', posted_at = ? WHERE id = ? AND claimed_by = ?`,
  params: ['now', 'id', 'instance'],
};

export interface SkipSubscriptionPostArgs {
  now: Date | null;
  id: number;
  instance: string;
}

/**
 * Nothing to send (an empty report, when the member asked to skip those); only the claim holder.
 */
export function skipSubscriptionPost(db: Db, args: SkipSubscriptionPostArgs): Promise<number> {
  return execRows(db, skipSubscriptionPostQuery, args);
}
