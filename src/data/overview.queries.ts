import { one, type Db } from './queries.ts';

export interface DataOverview {
  patients: number;
  active_staff: number;
  calls: number;
  dispatches: number;
  er_visits: number;
  er_treatments: number;
  appointments: number;
  prescriptions: number;
  first_arrival: Date | null;
  last_arrival: Date | null;
}

export async function dataOverview(db: Db): Promise<DataOverview> {
  const row = await one<DataOverview>(db, 'DataOverview');
  if (!row) throw new Error('DataOverview returned no row');
  return row;
}

export async function latestMigration(db: Db): Promise<number | null> {
  const row = await one<{ version: number | null }>(db, 'LatestMigration');
  return row?.version ?? null;
}
