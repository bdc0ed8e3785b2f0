-- name: ClaimSummaryPost :execrows
-- Claims (channel, day) for this instance. When another instance got there first, the unique key
-- (channel_id, summary_date) refuses it with a duplicate-key error.
INSERT INTO summary_post (channel_id, summary_date, state, claimed_by, claimed_at)
VALUES (:channel, :date, 'claimed', :instance, :now);

-- name: GetSummaryPost :one
SELECT id, channel_id, summary_date, state, claimed_by, claimed_at, posted_at, message_id, attempts, last_error
FROM summary_post WHERE channel_id = :channel AND summary_date = :date;
