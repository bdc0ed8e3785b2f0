// Generated from sql/queries/meds.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, type Db, type Statement } from '../queries.ts';

export const topMedicationsQuery: Statement = {
  name: 'TopMedications',
  sql: `SELECT m.id, m.name, m.form, m.strength, COUNT(*) AS prescriptions, COUNT(DISTINCT r.patient_id) AS patients
FROM prescription r JOIN medication m ON m.id = r.medication_id
WHERE r.starts_on >= ? AND r.starts_on <= ?
GROUP BY m.id, m.name, m.form, m.strength
ORDER BY prescriptions DESC, m.name, m.id
LIMIT ?`,
  params: ['fromDate', 'toDate', 'limit'],
};

export interface TopMedicationsArgs {
  fromDate: string;
  toDate: string;
  limit: number;
}

export interface TopMedicationsRow {
  id: number;
  name: string;
  form: string;
  strength: string;
  prescriptions: number;
  patients: number;
}

/**
 * Most-prescribed medications by prescriptions starting on local dates fromDate..toDate (inclusive).
 */
export function topMedications(db: Db, args: TopMedicationsArgs): Promise<TopMedicationsRow[]> {
  return many<TopMedicationsRow>(db, topMedicationsQuery, args);
}
