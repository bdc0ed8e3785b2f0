-- Subscriptions (/subscribe, src/jobs/subscriptions.job.ts): a member's report delivered at local times,
-- and one ledger row per slot, claimed before delivery and completed after (as summary_post).

CREATE TABLE subscription (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id VARCHAR(32) NOT NULL,
  guild_id VARCHAR(32) NOT NULL,
  -- Where the member subscribed: a refused DM is reported there.
  origin_channel_id VARCHAR(32) NOT NULL,
  -- The report as typed, e.g. "/er census window:24h", and its subcommand's sensitivity.
  report VARCHAR(400) NOT NULL,
  sensitivity ENUM('aggregate', 'phi') NOT NULL,
  -- Local wall-clock times, "07:00,19:00".
  times VARCHAR(200) NOT NULL,
  days ENUM('every', 'weekdays', 'weekends') NOT NULL,
  target ENUM('dm', 'channel') NOT NULL,
  target_channel_id VARCHAR(32) NULL,
  skip_empty TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME(3) NOT NULL,
  -- Set when delivery stopped (Discord refused the DM), with the reason shown in /subscribe list.
  paused_at DATETIME(3) NULL,
  paused_reason VARCHAR(200) NULL,
  PRIMARY KEY (id),
  KEY ix_subscription_user (user_id)
) ENGINE=InnoDB;

-- One row per (subscription, slot): the exactly-once claim, what became of it.
CREATE TABLE subscription_post (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  subscription_id INT UNSIGNED NOT NULL,
  slot_at DATETIME(3) NOT NULL,
  channel_id VARCHAR(32) NOT NULL,
  state ENUM('claimed', 'posted', 'failed', 'skipped', 'missed') NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  posted_at DATETIME(3) NULL,
  message_id VARCHAR(32) NULL,
  attempts INT UNSIGNED NOT NULL DEFAULT 1,
  last_status SMALLINT UNSIGNED NULL,
  last_error VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_subscription_post (subscription_id, slot_at),
  CONSTRAINT fk_subscription_post FOREIGN KEY (subscription_id) REFERENCES subscription (id) ON DELETE CASCADE
) ENGINE=InnoDB;
