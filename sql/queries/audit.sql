-- name: LockAuditChainHead :one
-- The newest link of the audit chain, locked until the transaction ends so writers take turns, and the
-- server's clock in UTC read once the lock is held: the row is hashed with this time, which the
-- audit_event trigger keeps (migration 004).
SELECT hash, CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00') AS now
FROM audit_chain_head
WHERE id = 1
FOR UPDATE;

-- name: InsertAuditEvent :one
-- Params: occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options, patient_ids,
-- row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash.
INSERT INTO audit_event (occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options,
  patient_ids, row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: InsertedAuditEvent :one
-- The row this connection just inserted, as stored, to check it hashes as it was hashed before commit.
SELECT id, occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options, patient_ids,
  row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash
FROM audit_event
WHERE id = LAST_INSERT_ID();

-- name: AdvanceAuditChainHead :one
-- Params: last_event_id, hash.
UPDATE audit_chain_head SET last_event_id = ?, hash = ? WHERE id = 1;

-- name: AuditChainHead :one
SELECT last_event_id, hash, legacy_last_id FROM audit_chain_head WHERE id = 1;

-- name: AuditChainPage :many
-- The audit rows after an id, in chain order. Params: after id, limit.
SELECT id, occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options, patient_ids,
  row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash
FROM audit_event
WHERE id > ?
ORDER BY id
LIMIT ?;

-- name: AuditChainLinkBefore :one
-- The chained row that many rows before the head (the last param), where a check of the newest rows
-- starts. Params: head's id, how many rows back.
SELECT id, hash
FROM audit_event
WHERE id <= ? AND hash IS NOT NULL
ORDER BY id DESC
LIMIT 1 OFFSET ?;

-- name: AuditRowCount :one
SELECT COUNT(*) AS n FROM audit_event;
