import * as sql from './sql/disclosure.generated.ts';
import type { Db } from './queries.ts';

const MRN = /\bMRN\d+\b/gi;

/** The MRNs written anywhere in `texts`, upper-cased and each once. */
export function mrnsIn(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap((t) => t.match(MRN) ?? []).map((m) => m.toUpperCase()))];
}

/** The ids of the patients `texts` name by MRN: what showing those texts discloses. */
export async function patientIdsNamedIn(db: Db, texts: readonly string[]): Promise<number[]> {
  const mrns = mrnsIn(texts);
  if (mrns.length === 0) return [];
  const rows = await sql.patientIdsByMrn(db, { mrns });
  return rows.map((r) => Number(r.id));
}
