-- The database now enforces the audit chain's links (migration 004 only recorded them), so a process
-- that does not hash, such as a bot older than migration 004, fails closed instead of breaking the chain.
-- Stop every bot process before applying this migration (README, "Tamper evidence").

-- A row must carry a hash and link to the chain head. The bot holds the head's lock (FOR UPDATE) in the
-- transaction that inserts, so this read sees the head it hashed against; anyone else waits for it. Runs
-- after audit_event_server_time (004), which sets occurred_at.
CREATE TRIGGER audit_event_chain_link BEFORE INSERT ON audit_event FOR EACH ROW
  FOLLOWS audit_event_server_time
BEGIN
  IF NEW.hash IS NULL OR NEW.hash NOT REGEXP '^[0-9a-f]{64}$' THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'audit_event rows must carry a hash chained to audit_chain_head (migration 004)';
  END IF;
  IF NOT (NEW.prev_hash <=> (SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE)) THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event.prev_hash must be the hash of audit_chain_head';
  END IF;
END;

-- The head only moves forward, to a row that links to it and whose hash it takes; the rows written before
-- the chain (legacy_last_id) stay as recorded.
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE ON audit_chain_head FOR EACH ROW
BEGIN
  IF (NEW.id = OLD.id
      AND NEW.last_event_id > COALESCE(OLD.last_event_id, 0)
      AND NEW.legacy_last_id <=> OLD.legacy_last_id
      AND EXISTS (SELECT 1 FROM audit_event
                  WHERE id = NEW.last_event_id AND hash = NEW.hash AND prev_hash = OLD.hash)) IS NOT TRUE THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'audit_chain_head only moves forward, to a row chained to it';
  END IF;
END;
