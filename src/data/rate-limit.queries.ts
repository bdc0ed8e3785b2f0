import * as sql from './sql/rate-limit.generated.ts';
import type { Db } from './queries.ts';

/** How many uses a person gets in a window. */
export interface RateLimit {
  /** What is counted, e.g. `phi` or `autocomplete`. */
  bucket: string;
  max: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one use by `actorId` against `limit` and says whether it is within it. The count is kept in the
 * database (table rate_limit), so every bot process shares it; a refused use counts too.
 */
export async function hitRateLimit(db: Db, limit: RateLimit, actorId: string): Promise<RateDecision> {
  const key = { bucket: limit.bucket, actorId };
  await sql.countRateLimitHit(db, { ...key, windowMs: limit.windowMs });
  const state = await sql.rateLimitState(db, key);
  if (!state) throw new Error('the rate limit row was not written');
  return Number(state.hits) <= limit.max
    ? { allowed: true }
    : { allowed: false, retryAfterMs: Number(state.msLeft) };
}

/** Deletes the counts of windows that ended; returns how many. */
export const deleteEndedRateLimits = (db: Db): Promise<number> => sql.deleteEndedRateLimits(db);
