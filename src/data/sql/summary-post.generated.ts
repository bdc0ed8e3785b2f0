// Generated from sql/queries/summary-post.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { execRows, one, type Db, type Statement } from '../queries.ts';

export const claimSummaryPostQuery: Statement = {
  name: 'ClaimSummaryPost',
  sql: `INSERT INTO summary_post (channel_id, summary_date, state, claimed_by, claimed_at)
VALUES (?, ?, 'claimed', ?, ?)`,
  params: ['channel', 'date', 'instance', 'now'],
};

export interface ClaimSummaryPostArgs {
  channel: string;
  date: string;
  instance: string;
  now: Date;
}

/**
 * Claims (channel, day) for this instance. When another instance got there first, the unique key
 * (channel_id, summary_date) refuses it with a duplicate-key error.
 */
export function claimSummaryPost(db: Db, args: ClaimSummaryPostArgs): Promise<number> {
  return execRows(db, claimSummaryPostQuery, args);
}

export const getSummaryPostQuery: Statement = {
  name: 'GetSummaryPost',
  sql: `SELECT id, channel_id, summary_date, state, claimed_by, claimed_at, posted_at, message_id, attempts, last_error
FROM summary_post WHERE channel_id = ? AND summary_date = ?`,
  params: ['channel', 'date'],
};

export interface GetSummaryPostArgs {
  channel: string;
  date: string;
}

export interface GetSummaryPostRow {
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

export function getSummaryPost(db: Db, args: GetSummaryPostArgs): Promise<GetSummaryPostRow | undefined> {
  return one<GetSummaryPostRow>(db, getSummaryPostQuery, args);
}
