-- The standard ED measures (issue 19, docs/domain.md section 4): the times CMS and the ED benchmarking
-- alliance measure from, an ED observation stay, and the two ways of leaving that real EDs record.
-- NULL where a source does not carry a time; a measure leaves such visits out and says how many.

ALTER TABLE er_visit
  -- Placed in a treatment space.
  ADD COLUMN roomed_at DATETIME NULL AFTER arrived_at,
  -- First contact with a physician or advanced practice provider.
  ADD COLUMN provider_seen_at DATETIME NULL AFTER roomed_at,
  -- An ED observation stay (also when the decision is Continue Observation).
  ADD COLUMN observation BOOLEAN NOT NULL DEFAULT FALSE AFTER departed_at,
  ADD CONSTRAINT ck_er_visit_roomed CHECK (roomed_at IS NULL OR roomed_at >= arrived_at),
  ADD CONSTRAINT ck_er_visit_provider CHECK (provider_seen_at IS NULL OR provider_seen_at >= arrived_at),
  -- The measures read a window's visits by arrival with their times, from the index alone.
  DROP KEY ix_er_visit_arrived,
  ADD KEY ix_er_visit_arrived (arrived_at, patient_id, departed_at, condition_on_arrival, triage_level,
    provider_seen_at, roomed_at, observation);

-- Mental-health visits (ICD-10-CM F01-F99) found from each visit's diagnoses without reading the rows.
ALTER TABLE diagnosis
  DROP KEY ix_diagnosis_visit,
  ADD KEY ix_diagnosis_visit (visit_id, code);

-- The decisions of a range of visits, from the index alone.
ALTER TABLE disposition_decision
  ADD KEY ix_disposition_visit_decision (visit_id, decided_at, decision),
  MODIFY decision ENUM('Discharge', 'Continue Observation', 'Transfer to another department',
    'Transfer to a higher-level hospital', 'Left against medical advice', 'Eloped') NOT NULL;

ALTER TABLE fhir_encounter
  MODIFY decision ENUM('Discharge', 'Continue Observation', 'Transfer to another department',
    'Transfer to a higher-level hospital', 'Left against medical advice', 'Eloped') NULL;
