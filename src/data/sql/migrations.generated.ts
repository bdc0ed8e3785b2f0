// Generated from sql/migrations/*.sql by tools/sql-codegen.ts: do not edit. Add a numbered .sql file,
// then run npm run db:codegen (test/unit/migrations-generated.test.ts fails while this is out of date).

export interface Migration {
  version: number;
  /** The file name, e.g. 001_domain.sql, as the schema_migration ledger records it. */
  name: string;
  sql: string;
  /** SHA-256 of `sql`, hex. */
  checksum: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: '001_domain.sql',
    checksum: '6046d7224c1e1ad2cce47143a307727696774eab92eb000c71d2c3dda552b723',
    sql: `-- hers-bot domain schema (domain.md section 1). Runs unchanged on MySQL 8.0.16+ and MariaDB 10.6+.
-- Times are UTC DATETIMEs; phone numbers are text; vocabularies are ENUMs or CHECKs.

CREATE TABLE department (
  id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(80) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_department_name (name)
) ENGINE=InnoDB;

CREATE TABLE staff (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  first_name VARCHAR(60) NOT NULL,
  last_name VARCHAR(60) NOT NULL,
  staff_type ENUM('physician', 'nurse', 'paramedic') NOT NULL,
  department_id SMALLINT UNSIGNED NOT NULL,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  PRIMARY KEY (id),
  KEY ix_staff_type (staff_type, active),
  KEY ix_staff_department (department_id),
  KEY ix_staff_name (last_name, first_name),
  CONSTRAINT fk_staff_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB;

CREATE TABLE physician (
  staff_id INT UNSIGNED NOT NULL,
  specialty VARCHAR(60) NOT NULL,
  PRIMARY KEY (staff_id),
  KEY ix_physician_specialty (specialty),
  CONSTRAINT fk_physician_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB;

CREATE TABLE nurse (
  staff_id INT UNSIGNED NOT NULL,
  qualification ENUM('RN BSN', 'RN MSN', 'RN PhD', 'LPN') NOT NULL,
  PRIMARY KEY (staff_id),
  CONSTRAINT fk_nurse_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB;

CREATE TABLE paramedic (
  staff_id INT UNSIGNED NOT NULL,
  certification VARCHAR(40) NOT NULL,
  specialization VARCHAR(40) NOT NULL,
  PRIMARY KEY (staff_id),
  CONSTRAINT fk_paramedic_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB;

CREATE TABLE shift (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  staff_id INT UNSIGNED NOT NULL,
  department_id SMALLINT UNSIGNED NOT NULL,
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY ix_shift_time (starts_at, ends_at),
  KEY ix_shift_staff (staff_id, starts_at),
  KEY ix_shift_department (department_id, starts_at),
  CONSTRAINT fk_shift_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_shift_department FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT ck_shift_order CHECK (starts_at < ends_at)
) ENGINE=InnoDB;

CREATE TABLE patient (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  mrn VARCHAR(12) NOT NULL,
  first_name VARCHAR(60) NOT NULL,
  last_name VARCHAR(60) NOT NULL,
  date_of_birth DATE NOT NULL,
  sex ENUM('female', 'male', 'other', 'unknown') NOT NULL,
  phone VARCHAR(32) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_patient_mrn (mrn),
  KEY ix_patient_last_name (last_name, first_name),
  KEY ix_patient_first_name (first_name, last_name)
) ENGINE=InnoDB;

CREATE TABLE patient_contact (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  patient_id INT UNSIGNED NOT NULL,
  name VARCHAR(120) NOT NULL,
  relationship VARCHAR(40) NOT NULL,
  phone VARCHAR(32) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_patient_contact_patient (patient_id),
  CONSTRAINT fk_patient_contact_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE=InnoDB;

CREATE TABLE allergy (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  patient_id INT UNSIGNED NOT NULL,
  substance VARCHAR(80) NOT NULL,
  severity ENUM('mild', 'moderate', 'severe') NOT NULL,
  reaction VARCHAR(120) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_allergy_patient (patient_id),
  CONSTRAINT fk_allergy_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE=InnoDB;

CREATE TABLE ambulance_dispatch (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  dispatched_at DATETIME NOT NULL,
  severity ENUM('high', 'medium', 'low') NOT NULL,
  nature VARCHAR(40) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_dispatch_time (dispatched_at),
  KEY ix_dispatch_severity_time (severity, dispatched_at),
  CONSTRAINT ck_dispatch_nature CHECK (nature IN (
    'cardiac arrest', 'stroke', 'severe allergic reaction', 'traumatic injury', 'breathing difficulty',
    'severe bleeding', 'burns', 'poisoning', 'hypothermia', 'heat stroke', 'high fever', 'seizure',
    'drowning', 'electric shock', 'choking', 'drug overdose', 'asthma attack', 'diabetic emergency',
    'fracture', 'appendicitis'))
) ENGINE=InnoDB;

CREATE TABLE emergency_call (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  received_at DATETIME NOT NULL,
  caller_name VARCHAR(120) NOT NULL,
  caller_phone VARCHAR(32) NOT NULL,
  location VARCHAR(200) NOT NULL,
  nature VARCHAR(40) NOT NULL,
  dispatch_id INT UNSIGNED NULL,
  PRIMARY KEY (id),
  KEY ix_call_time (received_at),
  KEY ix_call_dispatch (dispatch_id),
  KEY ix_call_nature (nature),
  CONSTRAINT fk_call_dispatch FOREIGN KEY (dispatch_id) REFERENCES ambulance_dispatch (id),
  CONSTRAINT ck_call_nature CHECK (nature IN (
    'cardiac arrest', 'stroke', 'severe allergic reaction', 'traumatic injury', 'breathing difficulty',
    'severe bleeding', 'burns', 'poisoning', 'hypothermia', 'heat stroke', 'high fever', 'seizure',
    'drowning', 'electric shock', 'choking', 'drug overdose', 'asthma attack', 'diabetic emergency',
    'fracture', 'appendicitis'))
) ENGINE=InnoDB;

CREATE TABLE call_patient (
  call_id INT UNSIGNED NOT NULL,
  patient_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (call_id, patient_id),
  KEY ix_call_patient_patient (patient_id),
  CONSTRAINT fk_call_patient_call FOREIGN KEY (call_id) REFERENCES emergency_call (id),
  CONSTRAINT fk_call_patient_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE=InnoDB;

CREATE TABLE ambulance (
  id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  unit_code VARCHAR(16) NOT NULL,
  type ENUM('ALS', 'BLS', 'PT') NOT NULL,
  status ENUM('available', 'on_call', 'maintenance') NOT NULL DEFAULT 'available',
  PRIMARY KEY (id),
  UNIQUE KEY uq_ambulance_unit_code (unit_code)
) ENGINE=InnoDB;

CREATE TABLE dispatch_unit (
  dispatch_id INT UNSIGNED NOT NULL,
  ambulance_id SMALLINT UNSIGNED NOT NULL,
  assigned_at DATETIME NOT NULL,
  on_scene_at DATETIME NULL,
  cleared_at DATETIME NULL,
  PRIMARY KEY (dispatch_id, ambulance_id),
  KEY ix_dispatch_unit_ambulance (ambulance_id, assigned_at),
  CONSTRAINT fk_dispatch_unit_dispatch FOREIGN KEY (dispatch_id) REFERENCES ambulance_dispatch (id),
  CONSTRAINT fk_dispatch_unit_ambulance FOREIGN KEY (ambulance_id) REFERENCES ambulance (id),
  CONSTRAINT ck_dispatch_unit_order CHECK (
    (on_scene_at IS NULL OR on_scene_at >= assigned_at)
    AND (cleared_at IS NULL OR cleared_at >= COALESCE(on_scene_at, assigned_at)))
) ENGINE=InnoDB;

CREATE TABLE ambulance_crew (
  ambulance_id SMALLINT UNSIGNED NOT NULL,
  staff_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (ambulance_id, staff_id),
  KEY ix_ambulance_crew_staff (staff_id),
  CONSTRAINT fk_ambulance_crew_ambulance FOREIGN KEY (ambulance_id) REFERENCES ambulance (id),
  CONSTRAINT fk_ambulance_crew_paramedic FOREIGN KEY (staff_id) REFERENCES paramedic (staff_id)
) ENGINE=InnoDB;

CREATE TABLE transport (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  dispatch_id INT UNSIGNED NOT NULL,
  ambulance_id SMALLINT UNSIGNED NOT NULL,
  patient_id INT UNSIGNED NOT NULL,
  pickup_at DATETIME NOT NULL,
  dropoff_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY ix_transport_dispatch (dispatch_id),
  KEY ix_transport_ambulance (ambulance_id),
  KEY ix_transport_patient (patient_id),
  CONSTRAINT fk_transport_dispatch FOREIGN KEY (dispatch_id) REFERENCES ambulance_dispatch (id),
  CONSTRAINT fk_transport_ambulance FOREIGN KEY (ambulance_id) REFERENCES ambulance (id),
  CONSTRAINT fk_transport_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
  CONSTRAINT ck_transport_order CHECK (pickup_at < dropoff_at)
) ENGINE=InnoDB;

CREATE TABLE paramedic_assessment (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  patient_id INT UNSIGNED NOT NULL,
  dispatch_id INT UNSIGNED NOT NULL,
  assessed_at DATETIME NOT NULL,
  observations VARCHAR(500) NOT NULL,
  initial_treatment VARCHAR(200) NOT NULL,
  heart_rate SMALLINT UNSIGNED NULL,
  systolic_bp SMALLINT UNSIGNED NULL,
  spo2 TINYINT UNSIGNED NULL,
  resp_rate TINYINT UNSIGNED NULL,
  PRIMARY KEY (id),
  KEY ix_assessment_patient (patient_id, assessed_at),
  KEY ix_assessment_dispatch (dispatch_id),
  KEY ix_assessment_time (assessed_at),
  CONSTRAINT fk_assessment_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
  CONSTRAINT fk_assessment_dispatch FOREIGN KEY (dispatch_id) REFERENCES ambulance_dispatch (id),
  CONSTRAINT ck_assessment_vitals CHECK (
    (heart_rate IS NULL OR heart_rate BETWEEN 20 AND 250)
    AND (systolic_bp IS NULL OR systolic_bp BETWEEN 40 AND 260)
    AND (spo2 IS NULL OR spo2 BETWEEN 50 AND 100)
    AND (resp_rate IS NULL OR resp_rate BETWEEN 4 AND 60))
) ENGINE=InnoDB;

CREATE TABLE assessment_paramedic (
  assessment_id INT UNSIGNED NOT NULL,
  staff_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (assessment_id, staff_id),
  KEY ix_assessment_paramedic_staff (staff_id),
  CONSTRAINT fk_assessment_paramedic_assessment FOREIGN KEY (assessment_id) REFERENCES paramedic_assessment (id),
  CONSTRAINT fk_assessment_paramedic_paramedic FOREIGN KEY (staff_id) REFERENCES paramedic (staff_id)
) ENGINE=InnoDB;

CREATE TABLE er_visit (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  patient_id INT UNSIGNED NOT NULL,
  arrived_at DATETIME NOT NULL,
  arrival_mode ENUM('ambulance', 'walk_in', 'transfer') NOT NULL,
  transport_id INT UNSIGNED NULL,
  condition_on_arrival ENUM('critical', 'serious', 'moderate', 'minor', 'stable') NOT NULL,
  triage_level TINYINT UNSIGNED NOT NULL,
  reason VARCHAR(80) NOT NULL,
  departed_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_er_visit_transport (transport_id),
  KEY ix_er_visit_arrived (arrived_at),
  KEY ix_er_visit_patient (patient_id, arrived_at),
  KEY ix_er_visit_departed (departed_at),
  CONSTRAINT fk_er_visit_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
  CONSTRAINT fk_er_visit_transport FOREIGN KEY (transport_id) REFERENCES transport (id),
  CONSTRAINT ck_er_visit_triage CHECK (triage_level BETWEEN 1 AND 5),
  CONSTRAINT ck_er_visit_order CHECK (departed_at IS NULL OR departed_at > arrived_at),
  CONSTRAINT ck_er_visit_mode CHECK ((arrival_mode = 'ambulance') = (transport_id IS NOT NULL))
) ENGINE=InnoDB;

CREATE TABLE er_treatment (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  visit_id INT UNSIGNED NOT NULL,
  patient_id INT UNSIGNED NOT NULL,
  type ENUM('Medication', 'Surgery', 'Physical Therapy', 'Casting', 'Stitching', 'Oxygen Therapy',
    'Burn Treatment') NOT NULL,
  performed_at DATETIME NOT NULL,
  outcome ENUM('Stabilized', 'Recovering', 'Improved', 'Healing') NOT NULL,
  PRIMARY KEY (id),
  KEY ix_er_treatment_visit (visit_id),
  KEY ix_er_treatment_patient (patient_id, performed_at),
  KEY ix_er_treatment_type (type, performed_at),
  KEY ix_er_treatment_time (performed_at),
  CONSTRAINT fk_er_treatment_visit FOREIGN KEY (visit_id) REFERENCES er_visit (id),
  CONSTRAINT fk_er_treatment_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE=InnoDB;

CREATE TABLE treatment_physician (
  treatment_id INT UNSIGNED NOT NULL,
  staff_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (treatment_id, staff_id),
  KEY ix_treatment_physician_staff (staff_id),
  CONSTRAINT fk_treatment_physician_treatment FOREIGN KEY (treatment_id) REFERENCES er_treatment (id),
  CONSTRAINT fk_treatment_physician_physician FOREIGN KEY (staff_id) REFERENCES physician (staff_id)
) ENGINE=InnoDB;

CREATE TABLE treatment_nurse (
  treatment_id INT UNSIGNED NOT NULL,
  staff_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (treatment_id, staff_id),
  KEY ix_treatment_nurse_staff (staff_id),
  CONSTRAINT fk_treatment_nurse_treatment FOREIGN KEY (treatment_id) REFERENCES er_treatment (id),
  CONSTRAINT fk_treatment_nurse_nurse FOREIGN KEY (staff_id) REFERENCES nurse (staff_id)
) ENGINE=InnoDB;

CREATE TABLE disposition_decision (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  visit_id INT UNSIGNED NOT NULL,
  patient_id INT UNSIGNED NOT NULL,
  staff_id INT UNSIGNED NOT NULL,
  decided_at DATETIME NOT NULL,
  patient_status ENUM('Recovered', 'Improved', 'Unchanged', 'Worsened') NOT NULL,
  decision ENUM('Discharge', 'Continue Observation', 'Transfer to another department',
    'Transfer to a higher-level hospital') NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_disposition_visit (visit_id),
  KEY ix_disposition_patient (patient_id),
  KEY ix_disposition_staff (staff_id),
  KEY ix_disposition_time (decided_at),
  CONSTRAINT fk_disposition_visit FOREIGN KEY (visit_id) REFERENCES er_visit (id),
  CONSTRAINT fk_disposition_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
  CONSTRAINT fk_disposition_physician FOREIGN KEY (staff_id) REFERENCES physician (staff_id)
) ENGINE=InnoDB;

CREATE TABLE diagnosis (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  visit_id INT UNSIGNED NOT NULL,
  code VARCHAR(10) NOT NULL,
  description VARCHAR(120) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_diagnosis_visit (visit_id),
  KEY ix_diagnosis_code (code),
  CONSTRAINT fk_diagnosis_visit FOREIGN KEY (visit_id) REFERENCES er_visit (id)
) ENGINE=InnoDB;

CREATE TABLE appointment (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  patient_id INT UNSIGNED NOT NULL,
  staff_id INT UNSIGNED NOT NULL,
  department_id SMALLINT UNSIGNED NOT NULL,
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NOT NULL,
  status ENUM('scheduled', 'checked_in', 'completed', 'cancelled', 'no_show') NOT NULL,
  reason VARCHAR(120) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_appointment_patient (patient_id, starts_at),
  KEY ix_appointment_staff (staff_id, starts_at),
  KEY ix_appointment_department (department_id, starts_at),
  CONSTRAINT fk_appointment_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
  CONSTRAINT fk_appointment_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_appointment_department FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT ck_appointment_order CHECK (starts_at < ends_at)
) ENGINE=InnoDB;

CREATE TABLE medication (
  id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(80) NOT NULL,
  form VARCHAR(30) NOT NULL,
  strength VARCHAR(30) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_medication (name, form, strength)
) ENGINE=InnoDB;

CREATE TABLE prescription (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  patient_id INT UNSIGNED NOT NULL,
  visit_id INT UNSIGNED NULL,
  staff_id INT UNSIGNED NOT NULL,
  medication_id SMALLINT UNSIGNED NOT NULL,
  dose VARCHAR(40) NOT NULL,
  frequency VARCHAR(40) NOT NULL,
  starts_on DATE NOT NULL,
  ends_on DATE NULL,
  status ENUM('active', 'completed', 'stopped') NOT NULL,
  PRIMARY KEY (id),
  KEY ix_prescription_patient (patient_id, status),
  KEY ix_prescription_medication (medication_id, starts_on),
  KEY ix_prescription_starts (starts_on),
  CONSTRAINT fk_prescription_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
  CONSTRAINT fk_prescription_visit FOREIGN KEY (visit_id) REFERENCES er_visit (id),
  CONSTRAINT fk_prescription_prescriber FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_prescription_medication FOREIGN KEY (medication_id) REFERENCES medication (id),
  CONSTRAINT ck_prescription_order CHECK (ends_on IS NULL OR ends_on >= starts_on)
) ENGINE=InnoDB;
`,
  },
  {
    version: 2,
    name: '002_platform.sql',
    checksum: '647032fb5748169b0083372315fe2863842f0f3b9217547a093912d80f50f49b',
    sql: `-- The bot's own tables. The migrations ledger (schema_migration) is created by the runner itself.

-- One row per command run, scheduled post or denial. Never updated or deleted by the bot.
CREATE TABLE audit_event (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  occurred_at DATETIME(3) NOT NULL,
  source ENUM('discord', 'console', 'scheduler') NOT NULL,
  actor_id VARCHAR(32) NULL,
  actor_roles VARCHAR(1000) NULL,
  guild_id VARCHAR(32) NULL,
  channel_id VARCHAR(32) NULL,
  command VARCHAR(100) NOT NULL,
  options JSON NULL,
  patient_ids JSON NULL,
  row_count INT UNSIGNED NULL,
  outcome ENUM('ok', 'empty', 'denied', 'invalid', 'error') NOT NULL,
  latency_ms INT UNSIGNED NULL,
  interaction_id VARCHAR(32) NULL,
  detail VARCHAR(500) NULL,
  PRIMARY KEY (id),
  KEY ix_audit_time (occurred_at),
  KEY ix_audit_actor (actor_id, occurred_at),
  KEY ix_audit_command (command, occurred_at)
) ENGINE=InnoDB;

-- One row per (channel, local day) of the ER daily summary: claimed before posting, completed after.
CREATE TABLE summary_post (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  channel_id VARCHAR(32) NOT NULL,
  summary_date DATE NOT NULL,
  state ENUM('claimed', 'posted', 'failed') NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  posted_at DATETIME(3) NULL,
  message_id VARCHAR(32) NULL,
  attempts SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  last_error VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_summary_post (channel_id, summary_date)
) ENGINE=InnoDB;
`,
  },
  {
    version: 3,
    name: '003_audit_append_only.sql',
    checksum: '188d61a725334c826b2fd6a42df2b8227a69d8a74d3c42c4879a7f8000578fb3',
    sql: `-- The audit trail is append-only: rows can be added, never changed or removed (whatever the user).
-- Give the bot's own database user INSERT and SELECT on audit_event only (see README, "Database user").
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
`,
  },
  {
    version: 4,
    name: '004_audit_chain.sql',
    checksum: 'b811ac9c73167468cbc8304bce3ec6e565ab0869c186afe391aeab6a4218394e',
    sql: `-- Tamper evidence for the audit trail. Each row written from now on carries prev_hash (the hash of the
-- row before it in the chain) and hash: SHA-256 over a canonical serialization of the row's content and
-- prev_hash, computed by the bot (src/data/audit-chain.ts). \`npm run audit:verify\` walks the chain.
ALTER TABLE audit_event
  ADD COLUMN prev_hash CHAR(64) CHARACTER SET ascii NULL,
  ADD COLUMN hash CHAR(64) CHARACTER SET ascii NULL;

-- The newest link. A writer locks this row (SELECT ... FOR UPDATE) in the transaction that inserts, so
-- several bot processes extend one chain and never fork it. Rows up to legacy_last_id were written before
-- this migration and carry no hash; the chain starts after them from the genesis hash (64 zeros).
CREATE TABLE audit_chain_head (
  id TINYINT UNSIGNED NOT NULL,
  last_event_id BIGINT UNSIGNED NULL,
  hash CHAR(64) CHARACTER SET ascii NOT NULL,
  legacy_last_id BIGINT UNSIGNED NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
) ENGINE=InnoDB;

INSERT INTO audit_chain_head (id, last_event_id, hash, legacy_last_id)
SELECT 1, NULL, REPEAT('0', 64), MAX(id) FROM audit_event;

-- occurred_at comes from the server's clock, so no client can back-date a row. SYSDATE() rather than
-- UTC_TIMESTAMP(): any user can move the latter with SET timestamp. The bot reads this clock inside its
-- transaction and hashes that time, so a value from the last 5 seconds (not in the future) is kept as
-- given; anything else is replaced by the clock.
CREATE TRIGGER audit_event_server_time BEFORE INSERT ON audit_event FOR EACH ROW
  SET NEW.occurred_at = IF(
    NEW.occurred_at IS NOT NULL
      AND NEW.occurred_at <= CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00')
      AND NEW.occurred_at >= CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00') - INTERVAL 5 SECOND,
    NEW.occurred_at,
    CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00')
  );
`,
  },
  {
    version: 5,
    name: '005_rate_limit.sql',
    checksum: '5ad4d8ec591b2bf3b48aec38e531dd705814fa53e30d7686697e9b73d11ee4ff',
    sql: `-- Per-user rate limits (src/data/rate-limit.queries.ts): one row per (limit, user) counting the uses of the
-- current window, which starts at the first use after the previous one ended. Kept in the database, so
-- every bot process counts against the same limit. Rows of windows that ended are deleted by the bot.
CREATE TABLE rate_limit (
  bucket VARCHAR(32) CHARACTER SET ascii NOT NULL,
  actor_id VARCHAR(32) NOT NULL,
  window_start DATETIME(3) NOT NULL,
  window_ends DATETIME(3) NOT NULL,
  hits INT UNSIGNED NOT NULL,
  PRIMARY KEY (bucket, actor_id),
  KEY ix_rate_limit_ends (window_ends)
) ENGINE=InnoDB;
`,
  },
  {
    version: 6,
    name: '006_speed.sql',
    checksum: '230ef696e6ae547309c027c293d0078548b04d3123be88c13d8f8419d6d48ed4',
    sql: `-- Indexes that let each query read its window, or the present, instead of the whole history (issue 10).
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
`,
  },
  {
    version: 8,
    name: '008_alerts.sql',
    checksum: '67842dca045a1298e7b75c4ae67b7681330a4f57cf2738f097cdcd4d78e1f1fd',
    sql: `-- ER surge alerts (src/core/alerts.ts, src/jobs/alerts.job.ts): the state of each rule per alert channel,
-- and one row per transition to post, claimed before posting and completed after (as summary_post).

-- One row per (channel, rule). \`version\` changes on every write: an update names the version it read, so
-- of several bot processes evaluating the same minute only one moves the rule on.
CREATE TABLE alert_rule_state (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  channel_id VARCHAR(32) NOT NULL,
  rule ENUM('census', 'waiting', 'dispatch_surge') NOT NULL,
  state ENUM('armed', 'firing', 'cooling') NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 0,
  -- Transitions so far: the sequence number of the rule's next post.
  transitions INT UNSIGNED NOT NULL DEFAULT 0,
  -- While cooling: since when the condition has been clear (NULL when it is true again).
  clear_since DATETIME(3) NULL,
  measured INT UNSIGNED NULL,
  evaluated_at DATETIME(3) NULL,
  fired_at DATETIME(3) NULL,
  cleared_at DATETIME(3) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_alert_rule_state (channel_id, rule)
) ENGINE=InnoDB;

-- One row per transition of a rule (it fired, or it cleared), unique per (channel, rule, seq).
CREATE TABLE alert_post (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  channel_id VARCHAR(32) NOT NULL,
  rule ENUM('census', 'waiting', 'dispatch_surge') NOT NULL,
  seq INT UNSIGNED NOT NULL,
  kind ENUM('fired', 'cleared') NOT NULL,
  happened_at DATETIME(3) NOT NULL,
  -- For a "cleared" post: when the rule had fired.
  fired_at DATETIME(3) NULL,
  measured INT UNSIGNED NOT NULL,
  threshold INT UNSIGNED NOT NULL,
  state ENUM('claimed', 'posted', 'failed', 'superseded') NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  posted_at DATETIME(3) NULL,
  message_id VARCHAR(32) NULL,
  attempts SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  last_status SMALLINT UNSIGNED NULL,
  last_error VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_alert_post (channel_id, rule, seq),
  KEY ix_alert_post_state (state, claimed_at)
) ENGINE=InnoDB;
`,
  },
  {
    version: 9,
    name: '009_audit_chain_guard.sql',
    checksum: 'ff61cedd986e2ebf9c70110cbde72883e8b0734ba3c48d5952833f92f51b874d',
    sql: `-- The database now enforces the audit chain's links (migration 004 only recorded them), so a process
-- that does not hash, such as a bot older than migration 004, fails closed instead of breaking the chain.
-- Stop every bot process before applying this migration (README, "Tamper evidence").

-- A row must carry a hash and link to the chain head. The bot holds the head's lock (FOR UPDATE) in the
-- transaction that inserts, so this read sees the head it hashed against; anyone else waits for it. Runs
-- after audit_event_server_time (004), which sets occurred_at.
CREATE TRIGGER audit_event_chain_link BEFORE INSERT ON audit_event FOR EACH ROW
  FOLLOWS audit_event_server_time
BEGIN
  IF NEW.hash IS NULL OR NEW.hash NOT REGEXP '^[0-9a-f]{64}$' THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'audit_event rows must carry a hash chained to audit_chain_head (migration 004)';
  END IF;
  IF NOT (NEW.prev_hash <=> (SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE)) THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event.prev_hash must be the hash of audit_chain_head';
  END IF;
END;

-- The head only moves forward, to a row that links to it and whose hash it takes; the rows written before
-- the chain (legacy_last_id) stay as recorded.
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE ON audit_chain_head FOR EACH ROW
BEGIN
  IF (NEW.id = OLD.id
      AND NEW.last_event_id > COALESCE(OLD.last_event_id, 0)
      AND NEW.legacy_last_id <=> OLD.legacy_last_id
      AND EXISTS (SELECT 1 FROM audit_event
                  WHERE id = NEW.last_event_id AND hash = NEW.hash AND prev_hash = OLD.hash)) IS NOT TRUE THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'audit_chain_head only moves forward, to a row chained to it';
  END IF;
END;
`,
  },
  {
    version: 10,
    name: '010_shared_state.sql',
    checksum: 'fc3e776604b44f92705e563ba06ee18f7d85e1b5e1d7c252dfb6d23e4836466d',
    sql: `-- State that any bot process may need for any interaction, so several processes can share the work.

-- Page and CSV state of replies with buttons, until expires_at (or sooner, least recently used first, when
-- the store is over its caps). \`body\` holds the reply itself: patient data for a phi reply, so it stays in
-- this database, next to the records it came from.
CREATE TABLE page_state (
  seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  id CHAR(12) NOT NULL,
  user_id VARCHAR(32) NOT NULL,
  command VARCHAR(100) NOT NULL,
  body LONGTEXT NOT NULL,
  bytes INT UNSIGNED NOT NULL,
  used_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY uq_page_state_id (id),
  KEY ix_page_state_expiry (expires_at),
  KEY ix_page_state_use (used_at, seq)
) ENGINE=InnoDB;

-- One row per interaction a process has taken on: the first INSERT wins, any other process gets a
-- duplicate-key error and leaves the interaction alone.
CREATE TABLE interaction_claim (
  interaction_id VARCHAR(32) NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (interaction_id),
  KEY ix_interaction_claim_time (claimed_at)
) ENGINE=InnoDB;
`,
  },
  {
    version: 11,
    name: '011_response_legs.sql',
    checksum: '852b9268115e878effd1bb30327d4240fda13c677cd94ca19572b1ccc2616e46',
    sql: `-- /er response-times and the daily summary's response legs (issue 10): a window's dispatches, then their
-- calls, units and transports each read as one range of dispatch ids from an index alone, instead of
-- looking each dispatch's rows up in turn.

-- The window's dispatches with their severity, from the index alone.
ALTER TABLE ambulance_dispatch
  DROP KEY ix_dispatch_time,
  ADD KEY ix_dispatch_time (dispatched_at, severity);

-- Each dispatch's first call.
ALTER TABLE emergency_call
  DROP KEY ix_call_dispatch,
  ADD KEY ix_call_dispatch (dispatch_id, received_at);

-- Each dispatch's transports by unit, in pick-up order.
ALTER TABLE transport
  DROP KEY ix_transport_dispatch,
  ADD KEY ix_transport_dispatch (dispatch_id, ambulance_id, pickup_at, dropoff_at);

-- The ER arrival a transport led to.
ALTER TABLE er_visit ADD KEY ix_er_visit_transport_arrival (transport_id, arrived_at);
`,
  },
  {
    version: 12,
    name: '012_external_sources.sql',
    checksum: 'b99304f6adcfcc227e123d0c738e97ddea2653298fa00ddfc629f4b45aa5f80e',
    sql: `-- Real hospital data (HL7 v2 ADT, FHIR R4 Bulk Data) carries less and longer text than the generator:
-- identifiers up to 64 characters, clinical text of any length (never cut), and no triage level, arrival
-- mode, prescriber or deciding physician. Widen what real feeds fill, and let what they do not carry be
-- NULL. Reports treat NULL as "not recorded".

ALTER TABLE patient
  MODIFY mrn VARCHAR(64) NOT NULL,
  MODIFY first_name VARCHAR(100) NOT NULL,
  MODIFY last_name VARCHAR(100) NOT NULL,
  MODIFY phone VARCHAR(40) NULL;

ALTER TABLE allergy
  MODIFY substance VARCHAR(255) NOT NULL,
  MODIFY severity ENUM('mild', 'moderate', 'severe') NULL,
  MODIFY reaction TEXT NOT NULL;

ALTER TABLE er_visit
  MODIFY arrival_mode ENUM('ambulance', 'walk_in', 'transfer') NULL,
  MODIFY condition_on_arrival ENUM('critical', 'serious', 'moderate', 'minor', 'stable') NULL,
  MODIFY triage_level TINYINT UNSIGNED NULL,
  MODIFY reason VARCHAR(255) NOT NULL;

ALTER TABLE disposition_decision
  MODIFY staff_id INT UNSIGNED NULL,
  MODIFY patient_status ENUM('Recovered', 'Improved', 'Unchanged', 'Worsened') NULL;

ALTER TABLE diagnosis
  MODIFY code VARCHAR(20) NOT NULL,
  MODIFY description VARCHAR(255) NOT NULL;

ALTER TABLE medication
  MODIFY name VARCHAR(255) NOT NULL;

ALTER TABLE prescription
  MODIFY staff_id INT UNSIGNED NULL,
  MODIFY dose TEXT NOT NULL,
  MODIFY frequency TEXT NOT NULL;

ALTER TABLE appointment
  MODIFY staff_id INT UNSIGNED NULL,
  MODIFY department_id SMALLINT UNSIGNED NULL,
  MODIFY reason VARCHAR(255) NOT NULL;
`,
  },
  {
    version: 13,
    name: '013_fhir.sql',
    checksum: '6f780403325c42a1d814f28fb28c6a002b4550ea600d5890fe817b961c05bba9',
    sql: `-- FHIR R4 Bulk Data import (npm run import:fhir). Each row an import made carries the id of the FHIR resource
-- it came from, unique, so importing the same export again updates instead of inserting. fhir_resource keeps a
-- checksum of each resource's line: a resource whose line is unchanged is not written at all.

ALTER TABLE patient ADD COLUMN fhir_id VARCHAR(64) NULL, ADD UNIQUE KEY uq_patient_fhir (fhir_id);
-- A FHIR Location is filed as the department of its name (fhir_resource.row_id keeps which).
ALTER TABLE department MODIFY name VARCHAR(255) NOT NULL;
-- A FHIR Practitioner belongs to no department until a PractitionerRole names its location.
ALTER TABLE staff
  MODIFY department_id SMALLINT UNSIGNED NULL,
  ADD COLUMN fhir_id VARCHAR(64) NULL,
  ADD UNIQUE KEY uq_staff_fhir (fhir_id);
ALTER TABLE physician MODIFY specialty VARCHAR(255) NOT NULL;
ALTER TABLE er_visit ADD COLUMN fhir_id VARCHAR(64) NULL, ADD UNIQUE KEY uq_er_visit_fhir (fhir_id);
ALTER TABLE diagnosis ADD COLUMN fhir_id VARCHAR(64) NULL, ADD UNIQUE KEY uq_diagnosis_fhir (fhir_id);
-- FHIR AllergyIntolerance.criticality: the potential harm of a future reaction (severity is of a past one).
ALTER TABLE allergy
  ADD COLUMN criticality ENUM('low', 'high', 'unable-to-assess') NULL,
  ADD COLUMN fhir_id VARCHAR(64) NULL,
  ADD UNIQUE KEY uq_allergy_fhir (fhir_id);
ALTER TABLE prescription ADD COLUMN fhir_id VARCHAR(64) NULL, ADD UNIQUE KEY uq_prescription_fhir (fhir_id);
ALTER TABLE appointment ADD COLUMN fhir_id VARCHAR(64) NULL, ADD UNIQUE KEY uq_appointment_fhir (fhir_id);

-- Every resource an import used: its checksum (SHA-1 of its NDJSON line) decides whether it changed; row_id
-- is the row it made where that table has no fhir_id of its own (a Location's department).
CREATE TABLE fhir_resource (
  resource_type VARCHAR(40) NOT NULL,
  fhir_id VARCHAR(64) NOT NULL,
  checksum BINARY(20) NOT NULL,
  row_id INT UNSIGNED NULL,
  PRIMARY KEY (resource_type, fhir_id)
) ENGINE=InnoDB;

-- Business identifiers (system|value) of Practitioners, Locations and Organizations, for conditional
-- references such as Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999907691. Never a patient's.
CREATE TABLE fhir_identifier (
  resource_type VARCHAR(40) NOT NULL,
  identifier VARCHAR(255) NOT NULL,
  fhir_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (resource_type, identifier)
) ENGINE=InnoDB;

-- Emergency and inpatient Encounters: what decides each ER visit's disposition (an inpatient stay starting
-- within an hour after the visit ends makes it admitted; else its hospitalization.dischargeDisposition).
CREATE TABLE fhir_encounter (
  fhir_id VARCHAR(64) NOT NULL,
  patient_id INT UNSIGNED NOT NULL,
  class VARCHAR(16) NOT NULL,
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NULL,
  discharge_code VARCHAR(16) NULL,
  visit_id INT UNSIGNED NULL,
  -- What the import decided for the visit (NULL: nothing known), written to disposition_decision.
  decision ENUM('Discharge', 'Continue Observation', 'Transfer to another department',
    'Transfer to a higher-level hospital') NULL,
  PRIMARY KEY (fhir_id),
  KEY ix_fhir_encounter_patient (patient_id, class, starts_at),
  UNIQUE KEY uq_fhir_encounter_visit (visit_id),
  CONSTRAINT fk_fhir_encounter_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
  CONSTRAINT fk_fhir_encounter_visit FOREIGN KEY (visit_id) REFERENCES er_visit (id)
) ENGINE=InnoDB;

-- One row per run of npm run import:fhir: what it was given (--since), when, and what it counted.
CREATE TABLE fhir_import_run (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  started_at DATETIME NOT NULL,
  finished_at DATETIME NULL,
  since DATETIME NULL,
  files SMALLINT UNSIGNED NOT NULL,
  counts JSON NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
`,
  },
  {
    version: 14,
    name: '014_hl7.sql',
    checksum: '8d729647d184e39bcea17c71a3d61d60850bd29ed782bacebfc51654800bb213',
    sql: `-- HL7 v2 ADT over MLLP (npm run hl7). \`hl7_message\` keeps every message the listener answered, raw: it is
-- patient data, purged after HL7_RETENTION_DAYS, and the bot's database user is not granted it. The unique
-- key (sender, control_id) makes a resent message harmless. \`hl7_visit\` maps a feed's visit number (PV1-19,
-- per assigning authority) to its ER visit; \`hl7_patient\` and \`hl7_visit\` keep, per field, the event time
-- (EVN) of the message that last set it, so that out of order the later event wins.

CREATE TABLE hl7_message (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  sender VARCHAR(180) NOT NULL,
  control_id VARCHAR(199) NOT NULL,
  message_type VARCHAR(20) NOT NULL,
  event_at DATETIME(3) NULL,
  received_at DATETIME(3) NOT NULL,
  outcome ENUM('AA', 'AE', 'AR') NOT NULL,
  error_field VARCHAR(20) NULL,
  error_reason VARCHAR(255) NULL,
  raw MEDIUMTEXT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_hl7_message_control (sender, control_id),
  KEY ix_hl7_message_received (received_at)
) ENGINE=InnoDB;

CREATE TABLE hl7_patient (
  patient_id INT UNSIGNED NOT NULL,
  field_times JSON NOT NULL,
  PRIMARY KEY (patient_id),
  CONSTRAINT fk_hl7_patient_patient FOREIGN KEY (patient_id) REFERENCES patient (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE hl7_visit (
  authority VARCHAR(180) NOT NULL,
  visit_number VARCHAR(64) NOT NULL,
  visit_id INT UNSIGNED NULL,
  field_times JSON NOT NULL,
  cancelled_at DATETIME(3) NULL,
  PRIMARY KEY (authority, visit_number),
  UNIQUE KEY uq_hl7_visit_visit (visit_id),
  CONSTRAINT fk_hl7_visit_visit FOREIGN KEY (visit_id) REFERENCES er_visit (id) ON DELETE SET NULL
) ENGINE=InnoDB;
`,
  },
  {
    version: 15,
    name: '015_ed_measures.sql',
    checksum: '4416bcbb29426a68029e1b691237c46d869bf07cfe655ff72ec20de00a38946b',
    sql: `-- The standard ED measures (issue 19, docs/domain.md section 4): the times CMS and the ED benchmarking
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
`,
  },
  {
    version: 16,
    name: '016_phi_links.sql',
    checksum: '3318a856812e5fb70439fa391352f434fe414b190ceee222bfde599a44abd91e',
    sql: `-- PHI_DELIVERY=link: patient answers kept here and shown on hers-bot's own page, never sent to Discord.

-- Page views are audited as their own source: the member signed in on the page, not in Discord.
ALTER TABLE audit_event MODIFY source ENUM('discord', 'console', 'scheduler', 'web') NOT NULL;

-- One-time links. The token itself is never stored, only its SHA-256. \`answer\` links hold the answer
-- (\`body\`, patient data) until the link is used, then the body is erased; \`account\` links are the codes of
-- /link-account and hold nothing. Rows are deleted once they expire.
CREATE TABLE phi_link (
  token_hash CHAR(64) CHARACTER SET ascii NOT NULL,
  kind ENUM('answer', 'account') NOT NULL,
  user_id VARCHAR(32) NOT NULL,
  interaction_id VARCHAR(32) NULL,
  command VARCHAR(100) NOT NULL,
  patient_ids TEXT NOT NULL,
  body LONGTEXT NULL,
  created_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  used_at DATETIME(3) NULL,
  PRIMARY KEY (token_hash),
  KEY ix_phi_link_expiry (expires_at)
) ENGINE=InnoDB;

-- A hospital sign-in account (OpenID Connect issuer and subject) tied to one Discord member, once: a
-- member has one account, an account one member. Only an administrator unties them (/admin unlink-account).
CREATE TABLE web_account (
  issuer VARCHAR(255) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  user_id VARCHAR(32) NOT NULL,
  linked_at DATETIME(3) NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE KEY uq_web_account_user (user_id)
) ENGINE=InnoDB;

-- Signed-in browser sessions: the cookie's value is never stored, only its SHA-256.
CREATE TABLE web_session (
  id_hash CHAR(64) CHARACTER SET ascii NOT NULL,
  issuer VARCHAR(255) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id_hash),
  KEY ix_web_session_expiry (expires_at)
) ENGINE=InnoDB;
`,
  },
  {
    version: 17,
    name: '017_alert_actions.sql',
    checksum: '214a4d554de1a3726b3150a48cf9c78a7e05295fd2a980c323007656e57b176f',
    sql: `-- What people do with ER surge alerts (src/jobs/alerts.job.ts, src/discord/alert-button.ts,
-- commands/admin/alerts/): acknowledge a fired post, escalation to the on-call role when nobody does, the post
-- edited when its episode is over, and thresholds and snoozes set from Discord.

-- An alert post may now be an escalation: the reply to a fired post nobody acknowledged in time. It shares the
-- fired post's seq, so the key takes the kind in: one escalation per fired post, whichever process inserts it.
ALTER TABLE alert_post
  MODIFY kind ENUM('fired', 'cleared', 'escalated') NOT NULL,
  DROP INDEX uq_alert_post,
  ADD UNIQUE KEY uq_alert_post_kind (channel_id, rule, seq, kind),
  -- For a fired post: the first member who acknowledged it, their name as shown then, and when.
  ADD COLUMN acknowledged_by VARCHAR(32) NULL,
  ADD COLUMN acknowledged_name VARCHAR(100) NULL,
  ADD COLUMN acknowledged_at DATETIME(3) NULL,
  -- For a fired post: when its episode cleared (set with the claim of the cleared post), and when the post
  -- was edited to say so (NULL: still to edit, by any process).
  ADD COLUMN resolved_at DATETIME(3) NULL,
  ADD COLUMN resolution_shown_at DATETIME(3) NULL;

-- A rule's settings made from Discord (/admin alerts set, snooze): they take the place of the configured
-- threshold in every process at its next evaluation. NULL threshold: the configured one; NULL clear_at: the
-- rule clears below its threshold.
CREATE TABLE alert_rule_setting (
  rule ENUM('census', 'waiting', 'dispatch_surge') NOT NULL,
  threshold INT UNSIGNED NULL,
  clear_at INT UNSIGNED NULL,
  snoozed_until DATETIME(3) NULL,
  changed_by VARCHAR(64) NOT NULL,
  changed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (rule)
) ENGINE=InnoDB;

-- Who changed what, with the value before and after, for /admin alerts show (the audit trail has it too).
CREATE TABLE alert_setting_change (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  rule ENUM('census', 'waiting', 'dispatch_surge') NOT NULL,
  what ENUM('threshold', 'snooze') NOT NULL,
  old_value VARCHAR(100) NOT NULL,
  new_value VARCHAR(100) NOT NULL,
  changed_by VARCHAR(64) NOT NULL,
  changed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_alert_setting_change_time (changed_at)
) ENGINE=InnoDB;
`,
  },
  {
    version: 18,
    name: '018_subscriptions.sql',
    checksum: '28c280ea012f0e5d8811edaf5ff374f6030740ebf3ecb8aac4379869959a4392',
    sql: `-- Subscriptions (/subscribe, src/jobs/subscriptions.job.ts): a member's report delivered at local times,
-- and one ledger row per slot, claimed before delivery and completed after (as summary_post).

CREATE TABLE subscription (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id VARCHAR(32) NOT NULL,
  guild_id VARCHAR(32) NOT NULL,
  -- Where the member subscribed: a refused DM is reported there.
  origin_channel_id VARCHAR(32) NOT NULL,
  -- The report as typed, e.g. "/er census window:24h", and its subcommand's sensitivity.
  report VARCHAR(400) NOT NULL,
  sensitivity ENUM('aggregate', 'phi') NOT NULL,
  -- Local wall-clock times, "07:00,19:00".
  times VARCHAR(200) NOT NULL,
  days ENUM('every', 'weekdays', 'weekends') NOT NULL,
  target ENUM('dm', 'channel') NOT NULL,
  target_channel_id VARCHAR(32) NULL,
  skip_empty TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME(3) NOT NULL,
  -- Set when delivery stopped (Discord refused the DM), with the reason shown in /subscribe list.
  paused_at DATETIME(3) NULL,
  paused_reason VARCHAR(200) NULL,
  PRIMARY KEY (id),
  KEY ix_subscription_user (user_id)
) ENGINE=InnoDB;

-- One row per (subscription, slot): the exactly-once claim, what became of it.
CREATE TABLE subscription_post (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  subscription_id INT UNSIGNED NOT NULL,
  slot_at DATETIME(3) NOT NULL,
  channel_id VARCHAR(32) NOT NULL,
  state ENUM('claimed', 'posted', 'failed', 'skipped', 'missed') NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  posted_at DATETIME(3) NULL,
  message_id VARCHAR(32) NULL,
  attempts INT UNSIGNED NOT NULL DEFAULT 1,
  last_status SMALLINT UNSIGNED NULL,
  last_error VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_subscription_post (subscription_id, slot_at),
  CONSTRAINT fk_subscription_post FOREIGN KEY (subscription_id) REFERENCES subscription (id) ON DELETE CASCADE
) ENGINE=InnoDB;
`,
  },
  {
    version: 19,
    name: '019_er_visit_facts.sql',
    checksum: '8e2493a479b81bb2041ffafa0309e663537197d4e74c4e17ca25988f5954801c',
    sql: `-- What the standard ED measures need of each visit, stored beside it (issue 19, docs/benchmarks.md): a
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
`,
  },
];
