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

export const takeOverSummaryPostQuery: Statement = {
  name: 'TakeOverSummaryPost',
  sql: `UPDATE summary_post SET claimed_by = ?, claimed_at = ?, state = 'claimed', attempts = attempts + 1
WHERE id = ? AND claimed_by = ? AND claimed_at = ?`,
  params: ['instance', 'now', 'id', 'seenInstance', 'seenAt'],
};

export interface TakeOverSummaryPostArgs {
  instance: string;
  now: Date;
  id: number;
  seenInstance: string;
  seenAt: Date;
}

/**
 * Takes a row over from the claim we saw (a stale claim, a failure, or a forced re-post). Only one
 * instance can win: the claim it saw must still be there.
 */
export function takeOverSummaryPost(db: Db, args: TakeOverSummaryPostArgs): Promise<number> {
  return execRows(db, takeOverSummaryPostQuery, args);
}

export const completeSummaryPostQuery: Statement = {
  name: 'CompleteSummaryPost',
  sql: `UPDATE summary_post SET state = 'posted', message_id = ?, posted_at = ?, last_error = NULL
WHERE id = ? AND claimed_by = ?`,
  params: ['messageId', 'now', 'id', 'instance'],
};

export interface CompleteSummaryPostArgs {
  messageId: string | null;
  now: Date | null;
  id: number;
  instance: string;
}

/**
 * Only the instance holding the claim completes it.
 */
export function completeSummaryPost(db: Db, args: CompleteSummaryPostArgs): Promise<number> {
  return execRows(db, completeSummaryPostQuery, args);
}

export const failSummaryPostQuery: Statement = {
  name: 'FailSummaryPost',
  sql: `UPDATE summary_post SET state = 'failed', last_error = ? WHERE id = ? AND claimed_by = ?`,
  params: ['error', 'id', 'instance'],
};

export interface FailSummaryPostArgs {
  error: string | null;
  id: number;
  instance: string;
}

export function failSummaryPost(db: Db, args: FailSummaryPostArgs): Promise<number> {
  return execRows(db, failSummaryPostQuery, args);
}
