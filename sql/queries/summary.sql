-- name: CensusCount :one
-- How many patients were in the ER at an instant.
SELECT COUNT(*) AS n FROM er_visit WHERE arrived_at <= :at AND (departed_at IS NULL OR departed_at > :at);
