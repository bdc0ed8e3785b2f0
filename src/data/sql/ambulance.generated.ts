// Generated from sql/queries/ambulance.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { one, type Db, type Statement } from '../queries.ts';

export const ambulanceRecordsHeldQuery: Statement = {
  name: 'AmbulanceRecordsHeld',
  sql: `SELECT EXISTS (SELECT 1 FROM ambulance_dispatch) AS dispatches, EXISTS (SELECT 1 FROM ambulance) AS units`,
  params: [],
};

export interface AmbulanceRecordsHeldRow {
  dispatches: number;
  units: number;
}

/**
 * Whether the hospital's data holds any ambulance records at all (an imported hospital holds none).
 */
export function ambulanceRecordsHeld(db: Db): Promise<AmbulanceRecordsHeldRow | undefined> {
  return one<AmbulanceRecordsHeldRow>(db, ambulanceRecordsHeldQuery);
}
