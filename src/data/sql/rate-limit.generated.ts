// Generated from sql/queries/rate-limit.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, execRows, one, type Db, type Statement } from '../queries.ts';

export const countRateLimitHitQuery: Statement = {
  name: 'CountRateLimitHit',
  sql: `INSERT INTO rate_limit (bucket, actor_id, window_start, window_ends, hits)
VALUES (?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL ? * 1000 MICROSECOND, 1)
ON DUPLICATE KEY UPDATE
  hits = IF(window_ends <= UTC_TIMESTAMP(3), 1, hits + 1),
  window_start = IF(hits = 1, UTC_TIMESTAMP(3), window_start),
  window_ends = IF(hits = 1, UTC_TIMESTAMP(3) + INTERVAL ? * 1000 MICROSECOND, window_ends)`,
  params: ['bucket', 'actorId', 'windowMs', 'windowMs'],
};

export interface CountRateLimitHitArgs {
  bucket: string;
  actorId: string;
  windowMs: number;
}

/**
 * One more use by an actor: counted in the current window, or the first of a new one when it has ended.
 * The assignments run in order, so `hits` still sees the old window.
 */
export function countRateLimitHit(db: Db, args: CountRateLimitHitArgs): Promise<void> {
  return exec(db, countRateLimitHitQuery, args);
}

export const rateLimitStateQuery: Statement = {
  name: 'RateLimitState',
  sql: `SELECT hits, GREATEST(0, TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), window_ends) DIV 1000) AS msLeft
FROM rate_limit
WHERE bucket = ? AND actor_id = ?`,
  params: ['bucket', 'actorId'],
};

export interface RateLimitStateArgs {
  bucket: string;
  actorId: string;
}

export interface RateLimitStateRow {
  hits: number;
  msLeft: number | null;
}

/**
 * An actor's uses in the current window and the milliseconds until it ends.
 */
export function rateLimitState(db: Db, args: RateLimitStateArgs): Promise<RateLimitStateRow | undefined> {
  return one<RateLimitStateRow>(db, rateLimitStateQuery, args);
}

export const deleteEndedRateLimitsQuery: Statement = {
  name: 'DeleteEndedRateLimits',
  sql: `DELETE FROM rate_limit WHERE window_ends <= UTC_TIMESTAMP(3)`,
  params: [],
};

/**
 * The counts of windows that have ended: the next use starts a new row.
 */
export function deleteEndedRateLimits(db: Db): Promise<number> {
  return execRows(db, deleteEndedRateLimitsQuery);
}
