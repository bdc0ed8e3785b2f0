-- Indexes that let each query read its window, or the present, instead of the whole history (issue 10).
-- Where a new index starts with the columns of an old single-column one, the old one is dropped.

-- /ambulance fleet: a unit's open assignment (cleared_at IS NULL) without reading its past calls.
ALTER TABLE dispatch_unit ADD KEY ix_dispatch_unit_open (ambulance_id, cleared_at, assigned_at);

-- /staff on-shift: shifts that end after the instant (the present and the rota ahead), not every past one.
ALTER TABLE shift ADD KEY ix_shift_ends (ends_at, starts_at);

-- /appointments day: one day's appointments in any department.
ALTER TABLE appointment ADD KEY ix_appointment_starts (starts_at);

-- /er arrivals, /er length-of-stay, /patient never-treated, /er trends: the window's visits from the index
-- alone.
ALTER TABLE er_visit
  DROP KEY ix_er_visit_arrived,
  ADD KEY ix_er_visit_arrived (arrived_at, patient_id, departed_at, condition_on_arrival, triage_level);

-- /patient frequent, /er treatments, /er trends, /staff workload: the window's treatments from the index
-- alone; /patient never-treated: has this patient ever had this type.
ALTER TABLE er_treatment
  DROP KEY ix_er_treatment_time,
  ADD KEY ix_er_treatment_time (performed_at, patient_id, type),
  ADD KEY ix_er_treatment_patient_type (patient_id, type);

-- /er dispositions, /er trends metric:dispositions.
ALTER TABLE disposition_decision
  DROP KEY ix_disposition_time,
  ADD KEY ix_disposition_time (decided_at, decision, patient_status);

-- /meds top.
ALTER TABLE prescription
  DROP KEY ix_prescription_starts,
  ADD KEY ix_prescription_starts (starts_on, medication_id, patient_id);
