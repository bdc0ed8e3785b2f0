-- ER surge alerts (src/core/alerts.ts, src/jobs/alerts.job.ts): the state of each rule per alert channel,
-- and one row per transition to post, claimed before posting and completed after (as summary_post).

-- One row per (channel, rule). `version` changes on every write: an update names the version it read, so
-- of several bot processes evaluating the same minute only one moves the rule on.
CREATE TABLE alert_rule_state (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  channel_id VARCHAR(32) NOT NULL,
  rule ENUM('census', 'waiting', 'dispatch_surge') NOT NULL,
  state ENUM('armed', 'firing', 'cooling') NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 0,
  -- Transitions so far: the sequence number of the rule's next post.
  transitions INT UNSIGNED NOT NULL DEFAULT 0,
  -- While cooling: since when the condition has been clear (NULL when it is true again).
  clear_since DATETIME(3) NULL,
  measured INT UNSIGNED NULL,
  evaluated_at DATETIME(3) NULL,
  fired_at DATETIME(3) NULL,
  cleared_at DATETIME(3) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_alert_rule_state (channel_id, rule)
) ENGINE=InnoDB;

-- One row per transition of a rule (it fired, or it cleared), unique per (channel, rule, seq).
CREATE TABLE alert_post (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  channel_id VARCHAR(32) NOT NULL,
  rule ENUM('census', 'waiting', 'dispatch_surge') NOT NULL,
  seq INT UNSIGNED NOT NULL,
  kind ENUM('fired', 'cleared') NOT NULL,
  happened_at DATETIME(3) NOT NULL,
  -- For a "cleared" post: when the rule had fired.
  fired_at DATETIME(3) NULL,
  measured INT UNSIGNED NOT NULL,
  threshold INT UNSIGNED NOT NULL,
  state ENUM('claimed', 'posted', 'failed', 'superseded') NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  posted_at DATETIME(3) NULL,
  message_id VARCHAR(32) NULL,
  attempts SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  last_status SMALLINT UNSIGNED NULL,
  last_error VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_alert_post (channel_id, rule, seq),
  KEY ix_alert_post_state (state, claimed_at)
) ENGINE=InnoDB;
