-- PHI_DELIVERY=link: patient answers kept here and shown on hers-bot's own page, never sent to Discord.

-- Page views are audited as their own source: the member signed in on the page, not in Discord.
ALTER TABLE audit_event MODIFY source ENUM('discord', 'console', 'scheduler', 'web') NOT NULL;

-- One-time links. The token itself is never stored, only its SHA-256. `answer` links hold the answer
-- (`body`, patient data) until the link is used, then the body is erased; `account` links are the codes of
-- /link-account and hold nothing. Rows are deleted once they expire.
CREATE TABLE phi_link (
  token_hash CHAR(64) CHARACTER SET ascii NOT NULL,
  kind ENUM('answer', 'account') NOT NULL,
  user_id VARCHAR(32) NOT NULL,
  interaction_id VARCHAR(32) NULL,
  command VARCHAR(100) NOT NULL,
  patient_ids TEXT NOT NULL,
  body LONGTEXT NULL,
  created_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  used_at DATETIME(3) NULL,
  PRIMARY KEY (token_hash),
  KEY ix_phi_link_expiry (expires_at)
) ENGINE=InnoDB;

-- A hospital sign-in account (OpenID Connect issuer and subject) tied to one Discord member, once: a
-- member has one account, an account one member. Only an administrator unties them (/admin unlink-account).
CREATE TABLE web_account (
  issuer VARCHAR(255) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  user_id VARCHAR(32) NOT NULL,
  linked_at DATETIME(3) NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE KEY uq_web_account_user (user_id)
) ENGINE=InnoDB;

-- Signed-in browser sessions: the cookie's value is never stored, only its SHA-256.
CREATE TABLE web_session (
  id_hash CHAR(64) CHARACTER SET ascii NOT NULL,
  issuer VARCHAR(255) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id_hash),
  KEY ix_web_session_expiry (expires_at)
) ENGINE=InnoDB;
