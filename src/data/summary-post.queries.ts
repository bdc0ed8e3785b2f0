import { execRows, one, type Db } from './queries.ts';

export interface SummaryPostRow {
  id: number;
  channel_id: string;
  summary_date: Date;
  state: 'claimed' | 'posted' | 'failed';
  claimed_by: string;
  claimed_at: Date;
  posted_at: Date | null;
  message_id: string | null;
  attempts: number;
  last_error: string | null;
}

export const getSummaryPost = (db: Db, channel: string, date: string) =>
  one<SummaryPostRow>(db, 'GetSummaryPost', { channel, date });

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
    return (await execRows(db, 'ClaimSummaryPost', { channel, date, instance, now })) === 1;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}
