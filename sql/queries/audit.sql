-- name: LockAuditChainHead :one
-- The newest link of the audit chain, locked until the transaction ends so writers take turns, and the
-- server's clock in UTC read once the lock is held: the row is hashed with this time, which the
-- audit_event trigger keeps (migration 004).
-- @notnull now
SELECT hash, CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00') AS now
FROM audit_chain_head
WHERE id = 1
FOR UPDATE;

-- name: InsertAuditEvent :exec
INSERT INTO audit_event (occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options,
  patient_ids, row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash)
VALUES (:occurredAt, :source, :actorId, :actorRoles, :guildId, :channelId, :command, :options,
  :patientIds, :rowCount, :outcome, :latencyMs, :interactionId, :detail, :prevHash, :hash);

-- name: InsertedAuditEvent :one
-- The row this connection just inserted, as stored, to check it hashes as it was hashed before commit.
SELECT id, occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options, patient_ids,
  row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash
FROM audit_event
WHERE id = LAST_INSERT_ID();

-- name: AdvanceAuditChainHead :exec
UPDATE audit_chain_head SET last_event_id = :lastEventId, hash = :hash WHERE id = 1;

-- name: AuditChainHead :one
SELECT last_event_id, hash, legacy_last_id FROM audit_chain_head WHERE id = 1;

-- name: AuditChainPage :many
-- The audit rows after an id, in chain order.
SELECT id, occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options, patient_ids,
  row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash
FROM audit_event
WHERE id > :after
ORDER BY id
LIMIT :limit;

-- name: AuditChainLinkBefore :one
-- The chained row `back` rows before the head, where a check of the newest rows starts.
SELECT id, hash
FROM audit_event
WHERE id <= :headId AND hash IS NOT NULL
ORDER BY id DESC
LIMIT 1 OFFSET :back;

-- name: AuditTriggers :many
-- The triggers of the audit tables as the server lists them (migrations 003, 004 and 009 create them): one
-- that is missing was dropped. Any user with a privilege on a table sees its triggers' names.
-- @notnull name, table_name, timing, event
SELECT TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS table_name, ACTION_TIMING AS timing,
  EVENT_MANIPULATION AS event
FROM information_schema.TRIGGERS
WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE IN ('audit_event', 'audit_chain_head')
ORDER BY TRIGGER_NAME;

-- name: AuditRowCount :one
SELECT COUNT(*) AS n FROM audit_event;

-- name: RecentAuditEvents :many
-- The latest audit events, optionally for one actor and/or one disclosed patient id.
-- @param patientId: number | null
SELECT id, occurred_at, source, actor_id, channel_id, command, outcome, row_count, latency_ms, patient_ids, detail
FROM audit_event
WHERE (:actorId IS NULL OR actor_id = :actorId)
  AND (:patientId IS NULL OR JSON_CONTAINS(patient_ids, CAST(:patientId AS CHAR)))
ORDER BY id DESC
LIMIT :limit;
