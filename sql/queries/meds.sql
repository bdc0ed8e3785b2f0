-- name: TopMedications :many
-- Most-prescribed medications by prescriptions starting on local dates from..to (inclusive). Params: from, to, limit.
SELECT m.id, m.name, m.form, m.strength, COUNT(*) AS prescriptions, COUNT(DISTINCT r.patient_id) AS patients
FROM prescription r JOIN medication m ON m.id = r.medication_id
WHERE r.starts_on >= ? AND r.starts_on <= ?
GROUP BY m.id, m.name, m.form, m.strength
ORDER BY prescriptions DESC, m.name, m.id
LIMIT ?;
