-- name: AddPageState :exec
INSERT INTO page_state (id, user_id, command, body, bytes, used_at, expires_at)
VALUES (:id, :userId, :command, :body, :bytes, :now, :expiresAt);

-- name: GetPageState :one
SELECT seq, id, user_id, command, body, expires_at FROM page_state WHERE id = :id AND expires_at > :now;

-- name: TouchPageState :exec
-- A read makes the state the most recently used. By primary key alone, so it locks its own row and nothing
-- else (not the id index, not a range): every deletion below locks rows by primary key too, in ascending
-- order, so no two of these statements wait on each other in a cycle.
UPDATE page_state SET used_at = :now WHERE seq = :seq AND used_at < :now;

-- name: ExpiredPageStates :many
-- A plain read (no lock); the caller deletes what it found by primary key.
SELECT seq FROM page_state WHERE expires_at <= :now ORDER BY seq;

-- name: PageStatesPastCaps :many
-- Past either cap, the least recently used states go first: everything after the most recent ones whose
-- running count and running size stay within both. A plain read (no lock); the caller deletes by primary key.
-- @param maxEntries: number
-- @param maxBytes: number
SELECT seq FROM (
  SELECT seq,
    ROW_NUMBER() OVER (ORDER BY used_at DESC, seq DESC) AS n,
    SUM(bytes) OVER (ORDER BY used_at DESC, seq DESC ROWS UNBOUNDED PRECEDING) AS total
  FROM page_state
) ranked
WHERE n > :maxEntries OR total > :maxBytes
ORDER BY seq;

-- name: DeletePageStates :execrows
-- By primary key, in ascending order (see TouchPageState).
DELETE FROM page_state WHERE seq IN (:seqs) ORDER BY seq;

-- name: PageStateTotals :one
SELECT COUNT(*) AS entries, COALESCE(SUM(bytes), 0) AS bytes FROM page_state;

-- name: ClaimInteraction :execrows
-- Takes an interaction on for this process. When another process got there first, the primary key refuses
-- it with a duplicate-key error.
INSERT INTO interaction_claim (interaction_id, claimed_by, claimed_at) VALUES (:interactionId, :instance, :now);

-- name: DeleteOldInteractionClaims :execrows
DELETE FROM interaction_claim WHERE claimed_at < :before;
