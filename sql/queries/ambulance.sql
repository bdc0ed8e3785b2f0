-- name: AmbulanceRecordsHeld :one
-- Whether the hospital's data holds any ambulance records at all (an imported hospital holds none).
SELECT EXISTS (SELECT 1 FROM ambulance_dispatch) AS dispatches, EXISTS (SELECT 1 FROM ambulance) AS units;
