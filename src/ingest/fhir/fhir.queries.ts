import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Connection } from '../../data/mysql.ts';

/**
 * The FHIR import's batched database calls (its named queries, sql/queries/fhir.sql, run from
 * src/data/fhir.queries.ts). The multi-row upserts are built here, for each batch's size, from a whitelist of
 * tables and columns, with values only through placeholders.
 */

export type Value = string | number | boolean | Date | Buffer | null;

/** Tables that carry the id of the FHIR resource each row came from (migration 013). */
export type FhirTable =
  'patient' | 'staff' | 'er_visit' | 'diagnosis' | 'allergy' | 'prescription' | 'appointment';

const quote = (name: string) => {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`);
  return `\`${name}\``;
};

/**
 * INSERT of many rows at once; a row whose unique key exists updates the `update` columns instead. Rows equal
 * to what is stored change nothing (MySQL skips the write).
 */
export async function upsert(
  conn: Connection,
  table: FhirTable | 'physician' | 'fhir_encounter' | 'fhir_identifier' | 'fhir_resource' | 'medication',
  columns: readonly string[],
  rows: readonly Value[][],
  update: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const row = `(${columns.map(() => '?').join(', ')})`;
  const onDuplicate =
    update.length === 0
      ? `${quote(columns[0] ?? '')} = ${quote(columns[0] ?? '')}`
      : update.map((c) => `${quote(c)} = VALUES(${quote(c)})`).join(', ');
  const sql =
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ` +
    `${rows.map(() => row).join(', ')} ON DUPLICATE KEY UPDATE ${onDuplicate}`;
  await conn.query<ResultSetHeader>(sql, rows.flat());
}

/** Row ids by FHIR resource id, for the ids given. */
export async function idsByFhirId(
  conn: Connection,
  table: FhirTable,
  fhirIds: readonly string[],
): Promise<Map<string, number>> {
  if (fhirIds.length === 0) return new Map();
  const [rows] = await conn.query<RowDataPacket[]>(
    `SELECT id, fhir_id FROM ${quote(table)} WHERE fhir_id IN (?)`,
    [[...new Set(fhirIds)]],
  );
  return new Map(rows.map((r) => [String(r.fhir_id), Number(r.id)]));
}

/** FHIR ids by business identifier (system|value), for conditional references. */
export async function fhirIdsByIdentifier(
  conn: Connection,
  resourceType: string,
  identifiers: readonly string[],
): Promise<Map<string, string>> {
  if (identifiers.length === 0) return new Map();
  const [rows] = await conn.query<RowDataPacket[]>(
    'SELECT identifier, fhir_id FROM fhir_identifier WHERE resource_type = ? AND identifier IN (?)',
    [resourceType, [...new Set(identifiers)]],
  );
  return new Map(rows.map((r) => [String(r.identifier), String(r.fhir_id)]));
}

/** The stored checksum of each resource already imported, by FHIR id. */
export async function storedChecksums(
  conn: Connection,
  resourceType: string,
  fhirIds: readonly string[],
): Promise<Map<string, Buffer>> {
  if (fhirIds.length === 0) return new Map();
  const [rows] = await conn.query<RowDataPacket[]>(
    'SELECT fhir_id, checksum FROM fhir_resource WHERE resource_type = ? AND fhir_id IN (?)',
    [resourceType, [...new Set(fhirIds)]],
  );
  return new Map(rows.map((r) => [String(r.fhir_id), r.checksum as Buffer]));
}

/** The row a resource made, where its table has no fhir_id (a Location's department), by FHIR id. */
export async function rowIdsOf(
  conn: Connection,
  resourceType: string,
  fhirIds: readonly string[],
): Promise<Map<string, number>> {
  if (fhirIds.length === 0) return new Map();
  const [rows] = await conn.query<RowDataPacket[]>(
    'SELECT fhir_id, row_id FROM fhir_resource WHERE resource_type = ? AND fhir_id IN (?) AND row_id IS NOT NULL',
    [resourceType, [...new Set(fhirIds)]],
  );
  return new Map(rows.map((r) => [String(r.fhir_id), Number(r.row_id)]));
}

/** Patient ids by MRN (a conditional reference Patient?identifier=system|MRN). */
export async function patientIdsByMrn(
  conn: Connection,
  mrns: readonly string[],
): Promise<Map<string, number>> {
  if (mrns.length === 0) return new Map();
  const [rows] = await conn.query<RowDataPacket[]>('SELECT id, mrn FROM patient WHERE mrn IN (?)', [
    [...new Set(mrns)],
  ]);
  return new Map(rows.map((r) => [String(r.mrn), Number(r.id)]));
}

/** Inpatient-or-ER encounters already imported, by FHIR id: whether each is an ER visit. */
export async function knownEncounters(
  conn: Connection,
  fhirIds: readonly string[],
): Promise<Map<string, { cls: string; visitId: number | null }>> {
  if (fhirIds.length === 0) return new Map();
  const [rows] = await conn.query<RowDataPacket[]>(
    'SELECT fhir_id, class, visit_id FROM fhir_encounter WHERE fhir_id IN (?)',
    [[...new Set(fhirIds)]],
  );
  return new Map(
    rows.map((r) => [
      String(r.fhir_id),
      { cls: String(r.class), visitId: r.visit_id === null ? null : Number(r.visit_id) },
    ]),
  );
}

/** Medication ids by name (form and strength are not separate in FHIR: kept empty), creating any missing. */
export async function medicationIds(
  conn: Connection,
  names: readonly string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  await conn.query(
    `INSERT IGNORE INTO medication (name, form, strength) VALUES ${unique.map(() => "(?, '', '')").join(', ')}`,
    unique,
  );
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT id, name FROM medication WHERE name IN (?) AND form = '' AND strength = ''",
    [unique],
  );
  return new Map(rows.map((r) => [String(r.name), Number(r.id)]));
}

/** Department ids by name, creating any missing (a Location's name is its department). */
export async function departmentIdsByName(
  conn: Connection,
  names: readonly string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  await conn.query(
    `INSERT IGNORE INTO department (name) VALUES ${unique.map(() => '(?)').join(', ')}`,
    unique,
  );
  const [rows] = await conn.query<RowDataPacket[]>('SELECT id, name FROM department WHERE name IN (?)', [
    unique,
  ]);
  return new Map(rows.map((r) => [String(r.name), Number(r.id)]));
}

/** Each staff member's type and department from their PractitionerRole (ids already resolved: rows exist). */
export async function setStaffRoles(
  conn: Connection,
  rows: readonly [staffId: number, staffType: string, departmentId: number | null][],
): Promise<void> {
  if (rows.length === 0) return;
  await conn.query(
    `INSERT INTO staff (id, first_name, last_name, staff_type, department_id) VALUES ` +
      `${rows.map(() => "(?, '', '', ?, ?)").join(', ')} ON DUPLICATE KEY UPDATE ` +
      'staff_type = VALUES(staff_type), department_id = COALESCE(VALUES(department_id), department_id)',
    rows.flat(),
  );
}
