import type { Connection } from '../../data/mysql.ts';
import { departmentIdsByName, setStaffRoles, upsert } from './fhir.queries.ts';
import type { DepartmentRow, PatientRow, RoleRow, StaffRow } from './map.ts';
import { describeRef, type Ref } from './references.ts';
import { refKey, resolveRefs, type RefType } from './resolve.ts';

export interface Item<T> {
  fhirId: string;
  row: T;
}

/** What a batch write could not use, by FHIR id (everything else was written), and rows made elsewhere. */
export interface WriteResult {
  notUsed: Map<string, { skip: string } | { invalid: string }>;
  rowIds?: Map<string, number>;
}

export type Writer<T> = (conn: Connection, items: readonly Item<T>[]) => Promise<WriteResult>;

/** Resolves one reference type for a batch; `need` marks an item invalid when its reference finds nothing. */
export async function refsOf<T>(
  conn: Connection,
  type: RefType,
  items: readonly Item<T>[],
  pick: (row: T) => Ref | undefined,
  result: WriteResult,
  need: boolean,
): Promise<(row: T) => number | null> {
  const ids = await resolveRefs(
    conn,
    type,
    items.map((i) => pick(i.row)),
  );
  if (need)
    for (const i of items) {
      const ref = pick(i.row);
      if (ref && !ids.has(refKey(ref)) && !result.notUsed.has(i.fhirId))
        result.notUsed.set(i.fhirId, {
          invalid: `${describeRef(type, ref)} is not in this import or an earlier one`,
        });
    }
  return (row) => {
    const ref = pick(row);
    return ref === undefined ? null : (ids.get(refKey(ref)) ?? null);
  };
}

export const usable = <T>(items: readonly Item<T>[], result: WriteResult) =>
  items.filter((i) => !result.notUsed.has(i.fhirId));

async function saveIdentifiers(
  conn: Connection,
  type: string,
  items: readonly Item<{ identifiers: string[] }>[],
) {
  const rows = items.flatMap((i) =>
    i.row.identifiers.filter((k) => k.length <= 255).map((k) => [type, k, i.fhirId]),
  );
  await upsert(conn, 'fhir_identifier', ['resource_type', 'identifier', 'fhir_id'], rows, ['fhir_id']);
}

export const writePatients: Writer<PatientRow> = async (conn, items) => {
  const rows = items.map(({ fhirId, row: r }) => [
    r.mrn,
    r.firstName,
    r.lastName,
    r.dateOfBirth,
    r.sex,
    r.phone,
    fhirId,
  ]);
  const columns = ['mrn', 'first_name', 'last_name', 'date_of_birth', 'sex', 'phone', 'fhir_id'];
  // The same MRN is the same patient: a second resource with it takes over the row.
  await upsert(conn, 'patient', columns, rows, columns);
  return { notUsed: new Map() };
};

export const writeLocations: Writer<DepartmentRow> = async (conn, items) => {
  const ids = await departmentIdsByName(
    conn,
    items.map((i) => i.row.name),
  );
  await saveIdentifiers(conn, 'Location', items);
  const rowIds = new Map(items.map((i) => [i.fhirId, ids.get(i.row.name) ?? 0]));
  return { notUsed: new Map(), rowIds };
};

export const writePractitioners: Writer<StaffRow> = async (conn, items) => {
  const rows = items.map(({ fhirId, row: r }) => [
    r.firstName,
    r.lastName,
    'physician',
    null,
    r.active,
    fhirId,
  ]);
  // staff_type is the PractitionerRole's to say: a new Practitioner starts as a physician, an update keeps it.
  await upsert(
    conn,
    'staff',
    ['first_name', 'last_name', 'staff_type', 'department_id', 'active', 'fhir_id'],
    rows,
    ['first_name', 'last_name', 'active'],
  );
  await saveIdentifiers(conn, 'Practitioner', items);
  await conn.query(
    `INSERT IGNORE INTO physician (staff_id, specialty)
     SELECT id, 'not recorded' FROM staff WHERE staff_type = 'physician' AND fhir_id IN (?)`,
    [items.map((i) => i.fhirId)],
  );
  return { notUsed: new Map() };
};

export const writeRoles: Writer<RoleRow> = async (conn, items) => {
  const result: WriteResult = { notUsed: new Map() };
  const staffOf = await refsOf(conn, 'Practitioner', items, (r) => r.practitioner, result, true);
  const departmentOf = await refsOf(conn, 'Location', items, (r) => r.location, result, false);
  const ok = usable(items, result).map(({ row }) => ({ row, staffId: staffOf(row) ?? 0 }));
  await setStaffRoles(
    conn,
    ok.map(({ row, staffId }) => [staffId, row.staffType, departmentOf(row)]),
  );
  await upsert(
    conn,
    'physician',
    ['staff_id', 'specialty'],
    ok.filter(({ row }) => row.staffType === 'physician').map(({ row, staffId }) => [staffId, row.specialty]),
    ['specialty'],
  );
  return result;
};
