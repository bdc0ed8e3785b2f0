-- name: ClaimSummaryPost :execrows
-- Claims (channel, day) for this instance. When another instance got there first, the unique key
-- (channel_id, summary_date) refuses it with a duplicate-key error.
INSERT INTO summary_post (channel_id, summary_date, state, claimed_by, claimed_at)
VALUES (:channel, :date, 'claimed', :instance, :now);

-- name: GetSummaryPost :one
SELECT id, channel_id, summary_date, state, claimed_by, claimed_at, posted_at, message_id, attempts, last_error
FROM summary_post WHERE channel_id = :channel AND summary_date = :date;

-- name: TakeOverSummaryPost :execrows
-- Takes a row over from the claim we saw (a stale claim, a failure, or a forced re-post). Only one
-- instance can win: the claim it saw must still be there.
UPDATE summary_post SET claimed_by = :instance, claimed_at = :now, state = 'claimed', attempts = attempts + 1
WHERE id = :id AND claimed_by = :seenInstance AND claimed_at = :seenAt;

-- name: CompleteSummaryPost :execrows
-- Only the instance holding the claim completes it.
UPDATE summary_post SET state = 'posted', message_id = :messageId, posted_at = :now, last_error = NULL
WHERE id = :id AND claimed_by = :instance;

-- name: FailSummaryPost :execrows
UPDATE summary_post SET state = 'failed', last_error = :error WHERE id = :id AND claimed_by = :instance;
