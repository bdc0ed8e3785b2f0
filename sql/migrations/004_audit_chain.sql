-- Tamper evidence for the audit trail. Each row written from now on carries prev_hash (the hash of the
-- row before it in the chain) and hash: SHA-256 over a canonical serialization of the row's content and
-- prev_hash, computed by the bot (src/data/audit-chain.ts). `npm run audit:verify` walks the chain.
ALTER TABLE audit_event
  ADD COLUMN prev_hash CHAR(64) CHARACTER SET ascii NULL,
  ADD COLUMN hash CHAR(64) CHARACTER SET ascii NULL;

-- The newest link. A writer locks this row (SELECT ... FOR UPDATE) in the transaction that inserts, so
-- several bot processes extend one chain and never fork it. Rows up to legacy_last_id were written before
-- this migration and carry no hash; the chain starts after them from the genesis hash (64 zeros).
CREATE TABLE audit_chain_head (
  id TINYINT UNSIGNED NOT NULL,
  last_event_id BIGINT UNSIGNED NULL,
  hash CHAR(64) CHARACTER SET ascii NOT NULL,
  legacy_last_id BIGINT UNSIGNED NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
) ENGINE=InnoDB;

INSERT INTO audit_chain_head (id, last_event_id, hash, legacy_last_id)
SELECT 1, NULL, REPEAT('0', 64), MAX(id) FROM audit_event;

-- occurred_at comes from the server's clock, so no client can back-date a row. SYSDATE() rather than
-- UTC_TIMESTAMP(): any user can move the latter with SET timestamp. The bot reads this clock inside its
-- transaction and hashes that time, so a value from the last 5 seconds (not in the future) is kept as
-- given; anything else is replaced by the clock.
CREATE TRIGGER audit_event_server_time BEFORE INSERT ON audit_event FOR EACH ROW
  SET NEW.occurred_at = IF(
    NEW.occurred_at IS NOT NULL
      AND NEW.occurred_at <= CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00')
      AND NEW.occurred_at >= CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00') - INTERVAL 5 SECOND,
    NEW.occurred_at,
    CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00')
  );
