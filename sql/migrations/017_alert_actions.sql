-- What people do with ER surge alerts (src/jobs/alerts.job.ts, src/discord/alert-button.ts,
-- commands/admin/alerts/): acknowledge a fired post, escalation to the on-call role when nobody does, the post
-- edited when its episode is over, and thresholds and snoozes set from Discord.

-- An alert post may now be an escalation: the reply to a fired post nobody acknowledged in time. It shares the
-- fired post's seq, so the key takes the kind in: one escalation per fired post, whichever process inserts it.
ALTER TABLE alert_post
  MODIFY kind ENUM('fired', 'cleared', 'escalated') NOT NULL,
  DROP INDEX uq_alert_post,
  ADD UNIQUE KEY uq_alert_post_kind (channel_id, rule, seq, kind),
  -- For a fired post: the first member who acknowledged it, their name as shown then, and when.
  ADD COLUMN acknowledged_by VARCHAR(32) NULL,
  ADD COLUMN acknowledged_name VARCHAR(100) NULL,
  ADD COLUMN acknowledged_at DATETIME(3) NULL,
  -- For a fired post: when its episode cleared (set with the claim of the cleared post), and when the post
  -- was edited to say so (NULL: still to edit, by any process).
  ADD COLUMN resolved_at DATETIME(3) NULL,
  ADD COLUMN resolution_shown_at DATETIME(3) NULL;

-- A rule's settings made from Discord (/admin alerts set, snooze): they take the place of the configured
-- threshold in every process at its next evaluation. NULL threshold: the configured one; NULL clear_at: the
-- rule clears below its threshold.
CREATE TABLE alert_rule_setting (
  rule ENUM('census', 'waiting', 'dispatch_surge') NOT NULL,
  threshold INT UNSIGNED NULL,
  clear_at INT UNSIGNED NULL,
  snoozed_until DATETIME(3) NULL,
  changed_by VARCHAR(64) NOT NULL,
  changed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (rule)
) ENGINE=InnoDB;

-- Who changed what, with the value before and after, for /admin alerts show (the audit trail has it too).
CREATE TABLE alert_setting_change (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  rule ENUM('census', 'waiting', 'dispatch_surge') NOT NULL,
  what ENUM('threshold', 'snooze') NOT NULL,
  old_value VARCHAR(100) NOT NULL,
  new_value VARCHAR(100) NOT NULL,
  changed_by VARCHAR(64) NOT NULL,
  changed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_alert_setting_change_time (changed_at)
) ENGINE=InnoDB;
