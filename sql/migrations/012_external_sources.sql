-- Real hospital data (HL7 v2 ADT, FHIR R4 Bulk Data) carries less and longer text than the generator:
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
