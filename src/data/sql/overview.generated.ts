// Generated from sql/queries/overview.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { one, type Db, type Statement } from '../queries.ts';

export const dataOverviewQuery: Statement = {
  name: 'DataOverview',
  sql: `SELECT
  (SELECT COUNT(*) FROM patient) AS patients,
  (SELECT COUNT(*) FROM staff WHERE active) AS active_staff,
  (SELECT COUNT(*) FROM emergency_call) AS calls,
  (SELECT COUNT(*) FROM ambulance_dispatch) AS dispatches,
  (SELECT COUNT(*) FROM er_visit) AS er_visits,
  (SELECT COUNT(*) FROM er_treatment) AS er_treatments,
  (SELECT COUNT(*) FROM appointment) AS appointments,
  (SELECT COUNT(*) FROM prescription) AS prescriptions,
  (SELECT MIN(arrived_at) FROM er_visit) AS first_arrival,
  (SELECT MAX(arrived_at) FROM er_visit) AS last_arrival`,
  params: [],
};

export interface DataOverviewRow {
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

/**
 * What is loaded: row counts of the main tables and the time span of ER arrivals.
 */
export function dataOverview(db: Db): Promise<DataOverviewRow | undefined> {
  return one<DataOverviewRow>(db, dataOverviewQuery);
}

export const latestMigrationQuery: Statement = {
  name: 'LatestMigration',
  sql: `SELECT MAX(version) AS version FROM schema_migration`,
  params: [],
};

export interface LatestMigrationRow {
  version: number | null;
}

export function latestMigration(db: Db): Promise<LatestMigrationRow | undefined> {
  return one<LatestMigrationRow>(db, latestMigrationQuery);
}
