-- name: DataOverview :one
-- What is loaded: row counts of the main tables and the time span of ER arrivals.
-- @notnull patients, active_staff, calls, dispatches, er_visits, er_treatments, appointments, prescriptions
SELECT
  (SELECT COUNT(*) FROM patient) AS patients,
  (SELECT COUNT(*) FROM staff WHERE active) AS active_staff,
  (SELECT COUNT(*) FROM emergency_call) AS calls,
  (SELECT COUNT(*) FROM ambulance_dispatch) AS dispatches,
  (SELECT COUNT(*) FROM er_visit) AS er_visits,
  (SELECT COUNT(*) FROM er_treatment) AS er_treatments,
  (SELECT COUNT(*) FROM appointment) AS appointments,
  (SELECT COUNT(*) FROM prescription) AS prescriptions,
  (SELECT MIN(arrived_at) FROM er_visit) AS first_arrival,
  (SELECT MAX(arrived_at) FROM er_visit) AS last_arrival;

-- name: LatestMigration :one
SELECT MAX(version) AS version FROM schema_migration;
