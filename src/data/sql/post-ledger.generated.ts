// Generated from sql/queries/post-ledger.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { execRows, type Db, type Statement } from '../queries.ts';

export const takeOverSummaryPostQuery: Statement = {
  name: 'TakeOverSummaryPost',
  sql: `UPDATE summary_post SET claimed_by = ?, claimed_at = ?, state = 'claimed', attempts = attempts + 1
WHERE id = ? AND state = ? AND claimed_by = ? AND claimed_at = ?`,
  params: ['instance', 'now', 'id', 'seenState', 'seenInstance', 'seenAt'],
};

export interface TakeOverSummaryPostArgs {
  instance: string;
  now: Date;
  id: number;
  seenState: string;
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

export const takeOverAlertPostQuery: Statement = {
  name: 'TakeOverAlertPost',
  sql: `UPDATE alert_post SET claimed_by = ?, claimed_at = ?, state = 'claimed', attempts = attempts + 1
WHERE id = ? AND state = ? AND claimed_by = ? AND claimed_at = ?`,
  params: ['instance', 'now', 'id', 'seenState', 'seenInstance', 'seenAt'],
};

export interface TakeOverAlertPostArgs {
  instance: string;
  now: Date;
  id: number;
  seenState: string;
  seenInstance: string;
  seenAt: Date;
}

/**
 * Takes a stale claim over; only one process can win: the claim it saw must still be there.
 */
export function takeOverAlertPost(db: Db, args: TakeOverAlertPostArgs): Promise<number> {
  return execRows(db, takeOverAlertPostQuery, args);
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

export const completeAlertPostQuery: Statement = {
  name: 'CompleteAlertPost',
  sql: `UPDATE alert_post SET state = 'posted', message_id = ?, posted_at = ?
WHERE id = ? AND claimed_by = ?`,
  params: ['messageId', 'now', 'id', 'instance'],
};

export interface CompleteAlertPostArgs {
  messageId: string | null;
  now: Date | null;
  id: number;
  instance: string;
}

export function completeAlertPost(db: Db, args: CompleteAlertPostArgs): Promise<number> {
  return execRows(db, completeAlertPostQuery, args);
}

export const failSummaryPostQuery: Statement = {
  name: 'FailSummaryPost',
  sql: `UPDATE summary_post SET state = 'failed', last_error = CONCAT_WS(' ', ?, ?)
WHERE id = ? AND claimed_by = ?`,
  params: ['status', 'error', 'id', 'instance'],
};

export interface FailSummaryPostArgs {
  status: number | null;
  error: string;
  id: number;
  instance: string;
}

/**
 * summary_post has no status column: Discord's status leads the error text.
 */
export function failSummaryPost(db: Db, args: FailSummaryPostArgs): Promise<number> {
  return execRows(db, failSummaryPostQuery, args);
}

export const failAlertPostQuery: Statement = {
  name: 'FailAlertPost',
  sql: `UPDATE alert_post SET state = 'failed', last_status = ?, last_error = ?
WHERE id = ? AND claimed_by = ?`,
  params: ['status', 'error', 'id', 'instance'],
};

export interface FailAlertPostArgs {
  status: number | null;
  error: string | null;
  id: number;
  instance: string;
}

export function failAlertPost(db: Db, args: FailAlertPostArgs): Promise<number> {
  return execRows(db, failAlertPostQuery, args);
}

export const takeOverSubscriptionPostQuery: Statement = {
  name: 'TakeOverSubscriptionPost',
  sql: `UPDATE subscription_post SET claimed_by = ?, claimed_at = ?, state = 'claimed', attempts = attempts + 1
WHERE id = ? AND state = ? AND claimed_by = ? AND claimed_at = ?`,
  params: ['instance', 'now', 'id', 'seenState', 'seenInstance', 'seenAt'],
};

export interface TakeOverSubscriptionPostArgs {
  instance: string;
  now: Date;
  id: number;
  seenState: string;
  seenInstance: string;
  seenAt: Date;
}

/**
 * Takes a stale claim over; only one process can win: the claim it saw must still be there.
 */
export function takeOverSubscriptionPost(db: Db, args: TakeOverSubscriptionPostArgs): Promise<number> {
  return execRows(db, takeOverSubscriptionPostQuery, args);
}

export const completeSubscriptionPostQuery: Statement = {
  name: 'CompleteSubscriptionPost',
  sql: `UPDATE subscription_post SET state = 'posted', message_id = ?, posted_at = ?, last_error = NULL
WHERE id = ? AND claimed_by = ?`,
  params: ['messageId', 'now', 'id', 'instance'],
};

export interface CompleteSubscriptionPostArgs {
  messageId: string | null;
  now: Date | null;
  id: number;
  instance: string;
}

export function completeSubscriptionPost(db: Db, args: CompleteSubscriptionPostArgs): Promise<number> {
  return execRows(db, completeSubscriptionPostQuery, args);
}

export const failSubscriptionPostQuery: Statement = {
  name: 'FailSubscriptionPost',
  sql: `UPDATE subscription_post SET state = 'failed', last_status = ?, last_error = ?
WHERE id = ? AND claimed_by = ?`,
  params: ['status', 'error', 'id', 'instance'],
};

export interface FailSubscriptionPostArgs {
  status: number | null;
  error: string | null;
  id: number;
  instance: string;
}

export function failSubscriptionPost(db: Db, args: FailSubscriptionPostArgs): Promise<number> {
  return execRows(db, failSubscriptionPostQuery, args);
}
