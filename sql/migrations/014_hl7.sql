-- HL7 v2 ADT over MLLP (npm run hl7). `hl7_message` keeps every message the listener answered, raw: it is
-- patient data, purged after HL7_RETENTION_DAYS, and the bot's database user is not granted it. The unique
-- key (sender, control_id) makes a resent message harmless. `hl7_visit` maps a feed's visit number (PV1-19,
-- per assigning authority) to its ER visit; `hl7_patient` and `hl7_visit` keep, per field, the event time
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
