import type { Connection } from '../../data/mysql.ts';
import { fhirIdsByIdentifier, idsByFhirId, patientIdsByMrn, rowIdsOf } from './fhir.queries.ts';
import type { Ref } from './references.ts';

export type RefType = 'Patient' | 'Practitioner' | 'Location';

/** A stable key for a reference, to look its row up after resolving. */
export const refKey = (ref: Ref) => (ref.by === 'id' ? `id:${ref.id}` : `identifier:${ref.identifier}`);

/**
 * The row ids of the resources a batch refers to, by refKey. A reference to something neither in this import
 * nor in an earlier one is simply absent from the map.
 */
export async function resolveRefs(
  conn: Connection,
  type: RefType,
  refs: readonly (Ref | undefined)[],
): Promise<Map<string, number>> {
  const byId = refs.flatMap((r) => (r?.by === 'id' ? [r.id] : []));
  const byIdentifier = refs.flatMap((r) => (r?.by === 'identifier' ? [r.identifier] : []));
  const out = new Map<string, number>();
  if (type === 'Patient') {
    for (const [id, row] of await idsByFhirId(conn, 'patient', byId)) out.set(`id:${id}`, row);
    // A conditional reference to a patient names its MRN: the value after the bar.
    const mrns = new Map(byIdentifier.map((k) => [k.slice(k.indexOf('|') + 1), k]));
    for (const [mrn, row] of await patientIdsByMrn(conn, [...mrns.keys()]))
      out.set(`identifier:${mrns.get(mrn) ?? ''}`, row);
    return out;
  }
  const fhirIds = await fhirIdsByIdentifier(conn, type, byIdentifier);
  const all = [...byId, ...fhirIds.values()];
  const rows =
    type === 'Practitioner' ? await idsByFhirId(conn, 'staff', all) : await rowIdsOf(conn, 'Location', all);
  for (const id of byId) {
    const row = rows.get(id);
    if (row !== undefined) out.set(`id:${id}`, row);
  }
  for (const [identifier, id] of fhirIds) {
    const row = rows.get(id);
    if (row !== undefined) out.set(`identifier:${identifier}`, row);
  }
  return out;
}
