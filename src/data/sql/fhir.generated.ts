// Generated from sql/queries/fhir.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, execRows, one, type Db, type Statement } from '../queries.ts';

export const fhirStartRunQuery: Statement = {
  name: 'FhirStartRun',
  sql: `INSERT INTO fhir_import_run (started_at, since, files) VALUES (?, ?, ?)`,
  params: ['startedAt', 'since', 'files'],
};

export interface FhirStartRunArgs {
  startedAt: Date;
  since: Date | null;
  files: number;
}

export function fhirStartRun(db: Db, args: FhirStartRunArgs): Promise<number> {
  return execRows(db, fhirStartRunQuery, args);
}

export const fhirLastRunIdQuery: Statement = {
  name: 'FhirLastRunId',
  sql: `SELECT LAST_INSERT_ID() AS id`,
  params: [],
};

export interface FhirLastRunIdRow {
  id: number;
}

export function fhirLastRunId(db: Db): Promise<FhirLastRunIdRow | undefined> {
  return one<FhirLastRunIdRow>(db, fhirLastRunIdQuery);
}

export const fhirFinishRunQuery: Statement = {
  name: 'FhirFinishRun',
  sql: `UPDATE fhir_import_run SET finished_at = ?, counts = ? WHERE id = ?`,
  params: ['finishedAt', 'counts', 'id'],
};

export interface FhirFinishRunArgs {
  finishedAt: Date | null;
  counts: string | null;
  id: number;
}

export function fhirFinishRun(db: Db, args: FhirFinishRunArgs): Promise<void> {
  return exec(db, fhirFinishRunQuery, args);
}

export const fhirDecideDispositionsQuery: Statement = {
  name: 'FhirDecideDispositions',
  sql: `UPDATE fhir_encounter e
LEFT JOIN fhir_encounter i ON i.patient_id = e.patient_id AND i.class = 'IMP'
  AND i.starts_at > e.starts_at AND e.ends_at IS NOT NULL AND i.starts_at <= e.ends_at + INTERVAL 1 HOUR
SET e.decision = CASE
  WHEN i.fhir_id IS NOT NULL THEN 'Transfer to another department'
  WHEN e.discharge_code IN ('1', '01', '6', '06', '8', '08', 'home', 'alt-home') THEN 'Discharge'
  WHEN e.discharge_code IN ('9', '09') THEN 'Transfer to another department'
  WHEN e.discharge_code IN ('7', '07', 'aadvice') THEN 'Left against medical advice'
  WHEN e.discharge_code IN ('2', '02', '5', '05', '43', '65', '66', 'hosp', 'psy') THEN 'Transfer to a higher-level hospital'
  ELSE NULL END
WHERE e.class = 'EMER'`,
  params: [],
};

/**
 * Each imported ER visit's disposition: admitted (Transfer to another department) when an inpatient stay of
 * the same patient starts after its arrival and no later than an hour after it ends; else what its
 * hospitalization.dischargeDisposition says (NUBC codes, or the FHIR discharge-disposition codes: 07 and
 * aadvice left against medical advice); else NULL.
 */
export function fhirDecideDispositions(db: Db): Promise<void> {
  return exec(db, fhirDecideDispositionsQuery);
}

export const fhirWriteDispositionsQuery: Statement = {
  name: 'FhirWriteDispositions',
  sql: `INSERT INTO disposition_decision (visit_id, patient_id, staff_id, decided_at, patient_status, decision)
SELECT v.id, v.patient_id, NULL, COALESCE(v.departed_at, v.arrived_at), NULL, e.decision
FROM fhir_encounter e JOIN er_visit v ON v.id = e.visit_id
WHERE e.class = 'EMER' AND e.decision IS NOT NULL
ON DUPLICATE KEY UPDATE decision = VALUES(decision), decided_at = VALUES(decided_at),
  patient_id = VALUES(patient_id)`,
  params: [],
};

/**
 * The decision, at the visit's departure (an export carries no separate decision time).
 */
export function fhirWriteDispositions(db: Db): Promise<void> {
  return exec(db, fhirWriteDispositionsQuery);
}

export const fhirDropDispositionsQuery: Statement = {
  name: 'FhirDropDispositions',
  sql: `DELETE d FROM disposition_decision d JOIN fhir_encounter e ON e.visit_id = d.visit_id
WHERE e.class = 'EMER' AND e.decision IS NULL`,
  params: [],
};

/**
 * An imported visit whose export no longer says how it ended loses the decision an earlier import made.
 */
export function fhirDropDispositions(db: Db): Promise<void> {
  return exec(db, fhirDropDispositionsQuery);
}
