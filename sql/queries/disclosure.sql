-- name: PatientIdsByMrn :many
-- The patients some text names by MRN (an autocomplete suggestion, an answer): what the audit records.
SELECT id FROM patient WHERE mrn IN (:mrns) ORDER BY id;
