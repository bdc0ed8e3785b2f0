-- What the standard ED measures need of each visit, stored beside it (issue 19, docs/benchmarks.md): a
-- year's measures read one narrow range of this table in arrival order instead of joining every visit to
-- its patient, decision, diagnoses and treatments at query time (0.5 s at a year of 100,000 visits).
--
-- The facts are derived, never written by the product: the view er_visit_fact_source defines them, and
-- triggers on every table they come from keep a visit's row in step whenever one of its sources changes,
-- whoever writes (the HL7 listener, the FHIR import, a fix typed at the SQL prompt). Each trigger changes
-- only the facts of its own table, from its own row where it can. Inserts, the common write, read nothing
-- else (a new visit reads its patient's row, which its foreign key check locks anyway); removing or moving
-- a diagnosis or treatment re-reads that visit's others, and a corrected date of birth that patient's
-- visits, which at REPEATABLE READ locks those ranges: rare writes, retried as any deadlock is. How a visit
-- counts (its stratum) is still decided in TypeScript from these facts (src/core/strata.ts).
--
-- Statements that skip triggers skip the facts too: TRUNCATE of a source table, DELETE of visits with
-- foreign_key_checks off. docs/domain.md (section 4) says how to check the table and rebuild it.
--
-- db:seed loads millions of rows with the triggers held back (@er_visit_fact_deferred = 1 on its own
-- sessions) and fills the table from the view in one statement at the end.

-- Times are seconds after arrival (NULL: not recorded; BIGINT, so that a mistyped year is stored as it is
-- and does not make the visit's own write fail); age is whole years at arrival.
CREATE TABLE er_visit_fact (
  arrived_at DATETIME NOT NULL,
  visit_id INT UNSIGNED NOT NULL,
  patient_id INT UNSIGNED NOT NULL,
  -- Epoch seconds (visits before 1970 exist in imported histories).
  arrived_s BIGINT NOT NULL,
  roomed_s BIGINT NULL,
  provider_s BIGINT NULL,
  decided_s BIGINT NULL,
  departed_s BIGINT NULL,
  decision ENUM('Discharge', 'Continue Observation', 'Transfer to another department',
    'Transfer to a higher-level hospital', 'Left against medical advice', 'Eloped') NULL,
  observation BOOLEAN NOT NULL,
  -- A diagnosis in ICD-10-CM F01-F99 (src/core/strata.ts MENTAL_HEALTH_CODE, the same pattern).
  mental_health BOOLEAN NOT NULL,
  -- Any ER treatment.
  treated BOOLEAN NOT NULL,
  age SMALLINT NULL,
  -- Clustered by arrival: a window is one range of the table itself, already in order.
  PRIMARY KEY (arrived_at, visit_id),
  UNIQUE KEY uq_er_visit_fact_visit (visit_id),
  KEY ix_er_visit_fact_patient (patient_id),
  CONSTRAINT fk_er_visit_fact_visit FOREIGN KEY (visit_id) REFERENCES er_visit (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- ICD-10-CM chapter 5, F01-F99: the pattern of src/core/strata.ts MENTAL_HEALTH_CODE, in SQL once.
CREATE FUNCTION is_mental_health_code(code VARCHAR(20)) RETURNS BOOLEAN DETERMINISTIC
  RETURN code REGEXP '^[Ff](0[1-9]|[1-9][0-9])';

-- The one definition of a visit's facts.
CREATE VIEW er_visit_fact_source AS
SELECT v.arrived_at, v.id AS visit_id, v.patient_id,
  TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', v.arrived_at) AS arrived_s,
  TIMESTAMPDIFF(SECOND, v.arrived_at, v.roomed_at) AS roomed_s,
  TIMESTAMPDIFF(SECOND, v.arrived_at, v.provider_seen_at) AS provider_s,
  TIMESTAMPDIFF(SECOND, v.arrived_at, d.decided_at) AS decided_s,
  TIMESTAMPDIFF(SECOND, v.arrived_at, v.departed_at) AS departed_s,
  d.decision,
  v.observation,
  EXISTS (SELECT 1 FROM diagnosis g WHERE g.visit_id = v.id AND is_mental_health_code(g.code)) AS mental_health,
  EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id) AS treated,
  TIMESTAMPDIFF(YEAR, p.date_of_birth, v.arrived_at) AS age
FROM er_visit v
JOIN patient p ON p.id = v.patient_id
LEFT JOIN disposition_decision d ON d.visit_id = v.id;

-- A new visit has no decision, diagnosis or treatment yet (their foreign keys need the visit first).
CREATE TRIGGER er_visit_fact_visit_insert AFTER INSERT ON er_visit FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) THEN
    INSERT INTO er_visit_fact (arrived_at, visit_id, patient_id, arrived_s, roomed_s, provider_s, decided_s,
      departed_s, decision, observation, mental_health, treated, age)
    VALUES (NEW.arrived_at, NEW.id, NEW.patient_id,
      TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', NEW.arrived_at),
      TIMESTAMPDIFF(SECOND, NEW.arrived_at, NEW.roomed_at),
      TIMESTAMPDIFF(SECOND, NEW.arrived_at, NEW.provider_seen_at), NULL,
      TIMESTAMPDIFF(SECOND, NEW.arrived_at, NEW.departed_at), NULL, NEW.observation, FALSE, FALSE,
      (SELECT TIMESTAMPDIFF(YEAR, p.date_of_birth, NEW.arrived_at) FROM patient p WHERE p.id = NEW.patient_id));
  END IF;
END;

-- A decision's time is kept as seconds after arrival: a new arrival time moves it by the difference.
CREATE TRIGGER er_visit_fact_visit_update AFTER UPDATE ON er_visit FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) THEN
    UPDATE er_visit_fact SET arrived_at = NEW.arrived_at, patient_id = NEW.patient_id,
      arrived_s = TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', NEW.arrived_at),
      roomed_s = TIMESTAMPDIFF(SECOND, NEW.arrived_at, NEW.roomed_at),
      provider_s = TIMESTAMPDIFF(SECOND, NEW.arrived_at, NEW.provider_seen_at),
      decided_s = decided_s - TIMESTAMPDIFF(SECOND, OLD.arrived_at, NEW.arrived_at),
      departed_s = TIMESTAMPDIFF(SECOND, NEW.arrived_at, NEW.departed_at),
      observation = NEW.observation
    WHERE visit_id = NEW.id;
    -- The patient's row is read only when the age can have changed.
    IF NOT (OLD.arrived_at <=> NEW.arrived_at AND OLD.patient_id <=> NEW.patient_id) THEN
      UPDATE er_visit_fact SET age = (SELECT TIMESTAMPDIFF(YEAR, p.date_of_birth, NEW.arrived_at)
        FROM patient p WHERE p.id = NEW.patient_id)
      WHERE visit_id = NEW.id;
    END IF;
  END IF;
END;

-- A visit has at most one decision (uq_disposition_visit): the row is the visit's decision.
CREATE TRIGGER er_visit_fact_decision_insert AFTER INSERT ON disposition_decision FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) THEN
    UPDATE er_visit_fact SET decision = NEW.decision,
      decided_s = TIMESTAMPDIFF(SECOND, arrived_at, NEW.decided_at)
    WHERE visit_id = NEW.visit_id;
  END IF;
END;
CREATE TRIGGER er_visit_fact_decision_update AFTER UPDATE ON disposition_decision FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) THEN
    UPDATE er_visit_fact SET decision = NULL, decided_s = NULL
    WHERE visit_id = OLD.visit_id AND OLD.visit_id <> NEW.visit_id;
    UPDATE er_visit_fact SET decision = NEW.decision,
      decided_s = TIMESTAMPDIFF(SECOND, arrived_at, NEW.decided_at)
    WHERE visit_id = NEW.visit_id;
  END IF;
END;
CREATE TRIGGER er_visit_fact_decision_delete AFTER DELETE ON disposition_decision FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) THEN
    UPDATE er_visit_fact SET decision = NULL, decided_s = NULL WHERE visit_id = OLD.visit_id;
  END IF;
END;

-- A mental-health diagnosis marks its visit; removing or changing one looks at the visit's others.
CREATE TRIGGER er_visit_fact_diagnosis_insert AFTER INSERT ON diagnosis FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) AND is_mental_health_code(NEW.code) THEN
    UPDATE er_visit_fact SET mental_health = TRUE WHERE visit_id = NEW.visit_id;
  END IF;
END;
CREATE TRIGGER er_visit_fact_diagnosis_update AFTER UPDATE ON diagnosis FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) THEN
    UPDATE er_visit_fact SET mental_health = EXISTS (SELECT 1 FROM diagnosis g
      WHERE g.visit_id = er_visit_fact.visit_id AND is_mental_health_code(g.code))
    WHERE visit_id IN (OLD.visit_id, NEW.visit_id);
  END IF;
END;
CREATE TRIGGER er_visit_fact_diagnosis_delete AFTER DELETE ON diagnosis FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) AND is_mental_health_code(OLD.code) THEN
    UPDATE er_visit_fact SET mental_health = EXISTS (SELECT 1 FROM diagnosis g
      WHERE g.visit_id = OLD.visit_id AND is_mental_health_code(g.code))
    WHERE visit_id = OLD.visit_id;
  END IF;
END;

-- Any treatment marks its visit treated; removing or moving one looks at the visit's others.
CREATE TRIGGER er_visit_fact_treatment_insert AFTER INSERT ON er_treatment FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) THEN
    UPDATE er_visit_fact SET treated = TRUE WHERE visit_id = NEW.visit_id AND NOT treated;
  END IF;
END;
CREATE TRIGGER er_visit_fact_treatment_update AFTER UPDATE ON er_treatment FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) AND OLD.visit_id <> NEW.visit_id THEN
    UPDATE er_visit_fact SET treated = EXISTS (SELECT 1 FROM er_treatment t
      WHERE t.visit_id = er_visit_fact.visit_id)
    WHERE visit_id IN (OLD.visit_id, NEW.visit_id);
  END IF;
END;
CREATE TRIGGER er_visit_fact_treatment_delete AFTER DELETE ON er_treatment FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) THEN
    UPDATE er_visit_fact SET treated = EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = OLD.visit_id)
    WHERE visit_id = OLD.visit_id;
  END IF;
END;

-- A corrected date of birth changes the age at arrival of every visit of the patient.
CREATE TRIGGER er_visit_fact_patient_update AFTER UPDATE ON patient FOR EACH ROW
BEGIN
  IF NOT (@er_visit_fact_deferred <=> 1) AND NOT (OLD.date_of_birth <=> NEW.date_of_birth) THEN
    UPDATE er_visit_fact SET age = TIMESTAMPDIFF(YEAR, NEW.date_of_birth, arrived_at)
    WHERE patient_id = NEW.id;
  END IF;
END;

-- The visits recorded before this migration (REPLACE: a visit a feed wrote since the triggers were created
-- already has its row). Stop the HL7 listener and any FHIR import while this migration runs.
REPLACE INTO er_visit_fact SELECT * FROM er_visit_fact_source;
