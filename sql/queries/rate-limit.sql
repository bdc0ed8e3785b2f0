-- name: CountRateLimitHit :exec
-- One more use by an actor: counted in the current window, or the first of a new one when it has ended.
-- The assignments run in order, so `hits` still sees the old window.
-- @param windowMs: number
INSERT INTO rate_limit (bucket, actor_id, window_start, window_ends, hits)
VALUES (:bucket, :actorId, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL :windowMs * 1000 MICROSECOND, 1)
ON DUPLICATE KEY UPDATE
  hits = IF(window_ends <= UTC_TIMESTAMP(3), 1, hits + 1),
  window_start = IF(hits = 1, UTC_TIMESTAMP(3), window_start),
  window_ends = IF(hits = 1, UTC_TIMESTAMP(3) + INTERVAL :windowMs * 1000 MICROSECOND, window_ends);

-- name: RateLimitState :one
-- An actor's uses in the current window and the milliseconds until it ends.
SELECT hits, GREATEST(0, TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), window_ends) DIV 1000) AS msLeft
FROM rate_limit
WHERE bucket = :bucket AND actor_id = :actorId;

-- name: DeleteEndedRateLimits :execrows
-- The counts of windows that have ended: the next use starts a new row.
DELETE FROM rate_limit WHERE window_ends <= UTC_TIMESTAMP(3);
