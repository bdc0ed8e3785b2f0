-- name: ClaimSummaryPost :one
-- Claims (channel, day) for this instance. When another instance got there first, the unique key
-- (channel_id, summary_date) refuses it with a duplicate-key error. Params: channel, date, instance, now.
INSERT INTO summary_post (channel_id, summary_date, state, claimed_by, claimed_at)
VALUES (?, ?, 'claimed', ?, ?);

-- name: GetSummaryPost :one
SELECT id, channel_id, summary_date, state, claimed_by, claimed_at, posted_at, message_id, attempts, last_error
FROM summary_post WHERE channel_id = ? AND summary_date = ?;

-- name: TakeOverSummaryPost :one
-- Takes a row over from the claim we saw (a stale claim, a failure, or a forced re-post). Only one
-- instance can win: the claim it saw must still be there. Params: instance, now, id, old instance, old time.
UPDATE summary_post SET claimed_by = ?, claimed_at = ?, state = 'claimed', attempts = attempts + 1
WHERE id = ? AND claimed_by = ? AND claimed_at = ?;

-- name: CompleteSummaryPost :one
-- Params: message id, now, id, instance.
UPDATE summary_post SET state = 'posted', message_id = ?, posted_at = ?, last_error = NULL
WHERE id = ? AND claimed_by = ?;

-- name: FailSummaryPost :one
-- Params: error, id, instance.
UPDATE summary_post SET state = 'failed', last_error = ? WHERE id = ? AND claimed_by = ?;
