// Generated from sql/queries/disclosure.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, type Db, type Statement } from '../queries.ts';

export const patientIdsByMrnQuery: Statement = {
  name: 'PatientIdsByMrn',
  sql: `SELECT id FROM patient WHERE mrn IN (?) ORDER BY id`,
  params: ['mrns'],
};

export interface PatientIdsByMrnArgs {
  mrns: readonly string[];
}

export interface PatientIdsByMrnRow {
  id: number;
}

/**
 * The patients some text names by MRN (an autocomplete suggestion, an answer): what the audit records.
 */
export function patientIdsByMrn(db: Db, args: PatientIdsByMrnArgs): Promise<PatientIdsByMrnRow[]> {
  return many<PatientIdsByMrnRow>(db, patientIdsByMrnQuery, args);
}
