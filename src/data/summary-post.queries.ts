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

export const takeOverSummaryPost = async (db: Db, row: SummaryPostRow, instance: string, now: Date) =>
  (await sql.takeOverSummaryPost(db, {
    instance,
    now,
    id: row.id,
    seenInstance: row.claimed_by,
    seenAt: row.claimed_at,
  })) === 1;

export const completeSummaryPost = (db: Db, id: number, instance: string, messageId: string, now: Date) =>
  sql.completeSummaryPost(db, { messageId, now, id, instance });

export const failSummaryPost = (db: Db, id: number, instance: string, error: string) =>
  sql.failSummaryPost(db, { error: error.slice(0, 500), id, instance });
