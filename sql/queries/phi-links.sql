-- name: AddPhiLink :exec
INSERT INTO phi_link (token_hash, kind, user_id, interaction_id, command, patient_ids, body, created_at, expires_at)
VALUES (:tokenHash, :kind, :userId, :interactionId, :command, :patientIds, :body, :now, :expiresAt);

-- name: GetPhiLink :one
-- A link that exists, used or not, expired or not (its row goes at the next sweep after expiry).
SELECT kind, user_id, interaction_id, command, patient_ids, body, expires_at, used_at
FROM phi_link WHERE token_hash = :tokenHash;

-- name: UsePhiLink :execrows
-- Takes the link: only one request can, and only while it is unused and unexpired.
-- @param now: Date
UPDATE phi_link SET used_at = :now WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now;

-- name: ReleasePhiLink :exec
-- The page could not be shown after all (its audit row was not written): the link may be opened again.
UPDATE phi_link SET used_at = NULL WHERE token_hash = :tokenHash;

-- name: ErasePhiLinkBody :exec
-- Once shown, the answer is no longer kept.
UPDATE phi_link SET body = NULL WHERE token_hash = :tokenHash;

-- name: DeleteExpiredPhiLinks :execrows
DELETE FROM phi_link WHERE expires_at <= :now;

-- name: WebAccountByUser :one
SELECT issuer, subject, user_id FROM web_account WHERE user_id = :userId;

-- name: WebAccountBySubject :one
SELECT issuer, subject, user_id FROM web_account WHERE issuer = :issuer AND subject = :subject;

-- name: AddWebAccount :execrows
-- Ties an account to a member; a duplicate key (the account or the member already tied) is refused.
INSERT INTO web_account (issuer, subject, user_id, linked_at) VALUES (:issuer, :subject, :userId, :now);

-- name: DeleteWebAccountOfUser :execrows
DELETE FROM web_account WHERE user_id = :userId;

-- name: AddWebSession :exec
INSERT INTO web_session (id_hash, issuer, subject, created_at, expires_at)
VALUES (:idHash, :issuer, :subject, :now, :expiresAt);

-- name: GetWebSession :one
SELECT issuer, subject FROM web_session WHERE id_hash = :idHash AND expires_at > :now;

-- name: DeleteExpiredWebSessions :execrows
DELETE FROM web_session WHERE expires_at <= :now;
