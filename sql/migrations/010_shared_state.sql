-- State that any bot process may need for any interaction, so several processes can share the work.

-- Page and CSV state of replies with buttons, until expires_at (or sooner, least recently used first, when
-- the store is over its caps). `body` holds the reply itself: patient data for a phi reply, so it stays in
-- this database, next to the records it came from.
CREATE TABLE page_state (
  seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  id CHAR(12) NOT NULL,
  user_id VARCHAR(32) NOT NULL,
  command VARCHAR(100) NOT NULL,
  body LONGTEXT NOT NULL,
  bytes INT UNSIGNED NOT NULL,
  used_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY uq_page_state_id (id),
  KEY ix_page_state_expiry (expires_at),
  KEY ix_page_state_use (used_at, seq)
) ENGINE=InnoDB;

-- One row per interaction a process has taken on: the first INSERT wins, any other process gets a
-- duplicate-key error and leaves the interaction alone.
CREATE TABLE interaction_claim (
  interaction_id VARCHAR(32) NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (interaction_id),
  KEY ix_interaction_claim_time (claimed_at)
) ENGINE=InnoDB;
