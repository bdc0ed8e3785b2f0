-- What people do with ER surge alerts: acknowledgements, escalations and resolutions of fired posts
-- (src/jobs/alert-followups.ts, src/discord/alert-button.ts), and the settings made with /admin alerts.

-- name: AlertSettings :many
SELECT rule, threshold, clear_at, snoozed_until, changed_by, changed_at FROM alert_rule_setting ORDER BY rule;

-- name: SaveAlertThreshold :exec
-- @param clearAt: number | null
INSERT INTO alert_rule_setting (rule, threshold, clear_at, changed_by, changed_at)
VALUES (:rule, :threshold, :clearAt, :changedBy, :now)
ON DUPLICATE KEY UPDATE threshold = VALUES(threshold), clear_at = VALUES(clear_at),
  changed_by = VALUES(changed_by), changed_at = VALUES(changed_at);

-- name: SaveAlertSnooze :exec
-- @param snoozedUntil: Date | null
INSERT INTO alert_rule_setting (rule, snoozed_until, changed_by, changed_at)
VALUES (:rule, :snoozedUntil, :changedBy, :now)
ON DUPLICATE KEY UPDATE snoozed_until = VALUES(snoozed_until), changed_by = VALUES(changed_by),
  changed_at = VALUES(changed_at);

-- name: InsertAlertSettingChange :exec
INSERT INTO alert_setting_change (rule, what, old_value, new_value, changed_by, changed_at)
VALUES (:rule, :what, :oldValue, :newValue, :changedBy, :now);

-- name: RecentAlertSettingChanges :many
SELECT rule, what, old_value, new_value, changed_by, changed_at FROM alert_setting_change
ORDER BY id DESC LIMIT 10;

-- name: AcknowledgeAlertPost :execrows
-- The first member to acknowledge a fired post; 0 rows when someone was first.
UPDATE alert_post SET acknowledged_by = :userId, acknowledged_name = :name, acknowledged_at = :now
WHERE id = :id AND kind = 'fired' AND acknowledged_by IS NULL;

-- name: EscalationsDue :many
-- Fired posts of the channel posted at or before :dueBefore that nobody acknowledged, whose episode goes on,
-- and that have no escalation yet.
SELECT p.id, p.rule, p.seq, p.happened_at, p.measured, p.threshold, p.message_id
FROM alert_post p
WHERE p.channel_id = :channel AND p.kind = 'fired' AND p.state = 'posted' AND p.acknowledged_at IS NULL
  AND p.resolved_at IS NULL AND p.happened_at <= :dueBefore
  AND NOT EXISTS (SELECT 1 FROM alert_post e
    WHERE e.channel_id = p.channel_id AND e.rule = p.rule AND e.seq = p.seq AND e.kind = 'escalated')
ORDER BY p.id;

-- name: ResolutionsToShow :many
-- Fired posts whose episode is over and whose message does not say so yet, whole (as AlertPostById).
SELECT id, channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state, claimed_by,
  claimed_at, posted_at, message_id, attempts, last_status, last_error, acknowledged_by, acknowledged_name,
  acknowledged_at, resolved_at
FROM alert_post
WHERE channel_id = :channel AND kind = 'fired' AND state = 'posted' AND resolved_at IS NOT NULL
  AND resolution_shown_at IS NULL
ORDER BY id;

-- name: MarkResolutionShown :execrows
-- The edit showed the acknowledgement as it was read: when one came in meanwhile, the post is edited again.
-- @param seenAck: Date | null
UPDATE alert_post SET resolution_shown_at = :now WHERE id = :id AND acknowledged_at <=> :seenAck;
