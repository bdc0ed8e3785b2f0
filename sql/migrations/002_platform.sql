-- The bot's own tables. The migrations ledger (schema_migration) is created by the runner itself.

-- One row per command run, scheduled post or denial. Never updated or deleted by the bot.
CREATE TABLE audit_event (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  occurred_at DATETIME(3) NOT NULL,
  source ENUM('discord', 'console', 'scheduler') NOT NULL,
  actor_id VARCHAR(32) NULL,
  actor_roles VARCHAR(1000) NULL,
  guild_id VARCHAR(32) NULL,
  channel_id VARCHAR(32) NULL,
  command VARCHAR(100) NOT NULL,
  options JSON NULL,
  patient_ids JSON NULL,
  row_count INT UNSIGNED NULL,
  outcome ENUM('ok', 'empty', 'denied', 'invalid', 'error') NOT NULL,
  latency_ms INT UNSIGNED NULL,
  interaction_id VARCHAR(32) NULL,
  detail VARCHAR(500) NULL,
  PRIMARY KEY (id),
  KEY ix_audit_time (occurred_at),
  KEY ix_audit_actor (actor_id, occurred_at),
  KEY ix_audit_command (command, occurred_at)
) ENGINE=InnoDB;

-- One row per (channel, local day) of the ER daily summary: claimed before posting, completed after.
CREATE TABLE summary_post (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  channel_id VARCHAR(32) NOT NULL,
  summary_date DATE NOT NULL,
  state ENUM('claimed', 'posted', 'failed') NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  posted_at DATETIME(3) NULL,
  message_id VARCHAR(32) NULL,
  attempts SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  last_error VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_summary_post (channel_id, summary_date)
) ENGINE=InnoDB;
