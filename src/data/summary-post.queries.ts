import * as sql from './sql/summary-post.generated.ts';
import type { Db } from './queries.ts';

export type SummaryPostRow = sql.GetSummaryPostRow;

export const getSummaryPost = (db: Db, channel: string, date: string) =>
  sql.getSummaryPost(db, { channel, date });

/**
 * True when this instance now holds the claim; false when another one holds it. (Not an upsert: with the
 * driver's found-rows flag, an upsert that changes nothing still reports a row, which would let every
 * instance believe it had won.)
 */
export async function claimSummaryPost(
  db: Db,
  channel: string,
  date: string,
  instance: string,
  now: Date,
): Promise<boolean> {
  try {
    return (await sql.claimSummaryPost(db, { channel, date, instance, now })) === 1;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}
