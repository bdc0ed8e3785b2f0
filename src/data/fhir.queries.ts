import type { Connection } from './mysql.ts';
import * as sql from './sql/fhir.generated.ts';

/** The FHIR import's named queries (sql/queries/fhir.sql); its batched upserts are in src/ingest/fhir/. */

/** Decides every imported ER visit's disposition again and writes the decisions that changed. */
export async function settleDispositions(conn: Connection): Promise<void> {
  await sql.fhirDecideDispositions(conn);
  await sql.fhirWriteDispositions(conn);
  await sql.fhirDropDispositions(conn);
}

export async function startRun(
  conn: Connection,
  run: { startedAt: Date; since: Date | null; files: number },
): Promise<number> {
  await sql.fhirStartRun(conn, run);
  const row = await sql.fhirLastRunId(conn);
  return Number(row?.id);
}

export async function finishRun(conn: Connection, id: number, counts: unknown): Promise<void> {
  await sql.fhirFinishRun(conn, { id, finishedAt: new Date(), counts: JSON.stringify(counts) });
}
