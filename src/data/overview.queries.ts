import * as sql from './sql/overview.generated.ts';
import type { Db } from './queries.ts';

export type DataOverview = sql.DataOverviewRow;

export async function dataOverview(db: Db): Promise<DataOverview> {
  const row = await sql.dataOverview(db);
  if (!row) throw new Error('DataOverview returned no row');
  return row;
}

export async function latestMigration(db: Db): Promise<number | null> {
  const row = await sql.latestMigration(db);
  return row?.version ?? null;
}
