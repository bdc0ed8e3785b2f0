-- name: ArrivalsByCondition :many
-- ER arrivals in [from, to) by condition on arrival, most severe first, with triage levels 1-5 as columns.
SELECT
  condition_on_arrival AS `condition`,
  COUNT(*) AS arrivals,
  SUM(triage_level = 1) AS esi1,
  SUM(triage_level = 2) AS esi2,
  SUM(triage_level = 3) AS esi3,
  SUM(triage_level = 4) AS esi4,
  SUM(triage_level = 5) AS esi5
FROM er_visit
WHERE arrived_at >= ? AND arrived_at < ?
GROUP BY condition_on_arrival
ORDER BY FIELD(condition_on_arrival, 'critical', 'serious', 'moderate', 'minor', 'stable');
