import type { Connection } from './mysql.ts';
import { exec, execRows, one } from './queries.ts';

/** The FHIR import's named queries (sql/queries/fhir.sql); its batched upserts are in src/ingest/fhir/. */

/** Decides every imported ER visit's disposition again and writes the decisions that changed. */
export async function settleDispositions(conn: Connection): Promise<void> {
  await exec(conn, 'FhirDecideDispositions');
  await exec(conn, 'FhirWriteDispositions');
  await exec(conn, 'FhirDropDispositions');
}

export async function startRun(
  conn: Connection,
  run: { startedAt: Date; since: Date | null; files: number },
): Promise<number> {
  await execRows(conn, 'FhirStartRun', run);
  const row = await one<{ id: number }>(conn, 'FhirLastRunId');
  return Number(row?.id);
}

export async function finishRun(conn: Connection, id: number, counts: unknown): Promise<void> {
  await exec(conn, 'FhirFinishRun', { id, finishedAt: new Date(), counts: JSON.stringify(counts) });
}
