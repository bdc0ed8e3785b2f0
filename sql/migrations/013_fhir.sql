-- FHIR R4 Bulk Data import (npm run import:fhir). Each row an import made carries the id of the FHIR resource
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
