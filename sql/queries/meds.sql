-- name: TopMedications :many
-- Most-prescribed medications by prescriptions starting on local dates fromDate..toDate (inclusive).
SELECT m.id, m.name, m.form, m.strength, COUNT(*) AS prescriptions, COUNT(DISTINCT r.patient_id) AS patients
FROM prescription r JOIN medication m ON m.id = r.medication_id
WHERE r.starts_on >= :fromDate AND r.starts_on <= :toDate
GROUP BY m.id, m.name, m.form, m.strength
ORDER BY prescriptions DESC, m.name, m.id
LIMIT :limit;
