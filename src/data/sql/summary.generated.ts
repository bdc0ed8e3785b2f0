// Generated from sql/queries/summary.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { one, type Db, type Statement } from '../queries.ts';

export const censusCountQuery: Statement = {
  name: 'CensusCount',
  sql: `SELECT COUNT(*) AS n FROM er_visit WHERE arrived_at <= ? AND (departed_at IS NULL OR departed_at > ?)`,
  params: ['at', 'at'],
};

export interface CensusCountArgs {
  at: Date;
}

export interface CensusCountRow {
  n: number;
}

/**
 * How many patients were in the ER at an instant.
 */
export function censusCount(db: Db, args: CensusCountArgs): Promise<CensusCountRow | undefined> {
  return one<CensusCountRow>(db, censusCountQuery, args);
}
