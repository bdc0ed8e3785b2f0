-- hers-bot domain schema (domain.md section 1). Runs unchanged on MySQL 8.0.16+ and MariaDB 10.6+.
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
