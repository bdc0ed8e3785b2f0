import { many, type Db } from './queries.ts';

export interface TopMedicationRow {
  id: number;
  name: string;
  form: string;
  strength: string;
  prescriptions: number;
  patients: number;
}

/** Prescriptions starting on local dates fromDate..toDate (YYYY-MM-DD, inclusive). */
export const topMedications = (db: Db, fromDate: string, toDate: string, limit: number) =>
  many<TopMedicationRow>(db, 'TopMedications', { fromDate, toDate, limit });
