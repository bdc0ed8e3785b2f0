-- The delivery ledgers of scheduled posts (summary_post, alert_post), used by src/jobs/exactly-once.ts through
-- src/data/post-ledger.queries.ts: the same three steps on each table.

-- name: TakeOverSummaryPost :execrows
-- Takes a row over from the claim we saw (a stale claim, a failure, or a forced re-post). Only one
-- instance can win: the claim it saw must still be there.
UPDATE summary_post SET claimed_by = :instance, claimed_at = :now, state = 'claimed', attempts = attempts + 1
WHERE id = :id AND state = :seenState AND claimed_by = :seenInstance AND claimed_at = :seenAt;

-- name: TakeOverAlertPost :execrows
-- Takes a stale claim over; only one process can win: the claim it saw must still be there.
UPDATE alert_post SET claimed_by = :instance, claimed_at = :now, state = 'claimed', attempts = attempts + 1
WHERE id = :id AND state = :seenState AND claimed_by = :seenInstance AND claimed_at = :seenAt;

-- name: CompleteSummaryPost :execrows
-- Only the instance holding the claim completes it.
UPDATE summary_post SET state = 'posted', message_id = :messageId, posted_at = :now, last_error = NULL
WHERE id = :id AND claimed_by = :instance;

-- name: CompleteAlertPost :execrows
UPDATE alert_post SET state = 'posted', message_id = :messageId, posted_at = :now
WHERE id = :id AND claimed_by = :instance;

-- name: FailSummaryPost :execrows
-- summary_post has no status column: Discord's status leads the error text.
-- @param status: number | null
-- @param error: string
UPDATE summary_post SET state = 'failed', last_error = CONCAT_WS(' ', :status, :error)
WHERE id = :id AND claimed_by = :instance;

-- name: FailAlertPost :execrows
UPDATE alert_post SET state = 'failed', last_status = :status, last_error = :error
WHERE id = :id AND claimed_by = :instance;

-- name: TakeOverSubscriptionPost :execrows
-- Takes a stale claim over; only one process can win: the claim it saw must still be there.
UPDATE subscription_post SET claimed_by = :instance, claimed_at = :now, state = 'claimed', attempts = attempts + 1
WHERE id = :id AND state = :seenState AND claimed_by = :seenInstance AND claimed_at = :seenAt;

-- name: CompleteSubscriptionPost :execrows
UPDATE subscription_post SET state = 'posted', message_id = :messageId, posted_at = :now, last_error = NULL
WHERE id = :id AND claimed_by = :instance;

-- name: FailSubscriptionPost :execrows
UPDATE subscription_post SET state = 'failed', last_status = :status, last_error = :error
WHERE id = :id AND claimed_by = :instance;
