import * as sql from './sql/meds.generated.ts';
import type { Db } from './queries.ts';

export type TopMedicationRow = sql.TopMedicationsRow;

/** Prescriptions starting on local dates fromDate..toDate (YYYY-MM-DD, inclusive). */
export const topMedications = (db: Db, fromDate: string, toDate: string, limit: number) =>
  sql.topMedications(db, { fromDate, toDate, limit });
