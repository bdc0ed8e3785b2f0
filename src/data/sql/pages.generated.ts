// Generated from sql/queries/pages.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, execRows, many, one, type Db, type Statement } from '../queries.ts';

export const addPageStateQuery: Statement = {
  name: 'AddPageState',
  sql: `INSERT INTO page_state (id, user_id, command, body, bytes, used_at, expires_at)
VALUES (?, ?, ?, ?, ?, ?, ?)`,
  params: ['id', 'userId', 'command', 'body', 'bytes', 'now', 'expiresAt'],
};

export interface AddPageStateArgs {
  id: string;
  userId: string;
  command: string;
  body: string;
  bytes: number;
  now: Date;
  expiresAt: Date;
}

export function addPageState(db: Db, args: AddPageStateArgs): Promise<void> {
  return exec(db, addPageStateQuery, args);
}

export const getPageStateQuery: Statement = {
  name: 'GetPageState',
  sql: `SELECT seq, id, user_id, command, body, expires_at FROM page_state WHERE id = ? AND expires_at > ?`,
  params: ['id', 'now'],
};

export interface GetPageStateArgs {
  id: string;
  now: Date;
}

export interface GetPageStateRow {
  seq: number;
  id: string;
  user_id: string;
  command: string;
  body: string;
  expires_at: Date;
}

export function getPageState(db: Db, args: GetPageStateArgs): Promise<GetPageStateRow | undefined> {
  return one<GetPageStateRow>(db, getPageStateQuery, args);
}

export const touchPageStateQuery: Statement = {
  name: 'TouchPageState',
  sql: `UPDATE page_state SET used_at = ? WHERE seq = ? AND used_at < ?`,
  params: ['now', 'seq', 'now'],
};

export interface TouchPageStateArgs {
  now: Date;
  seq: number;
}

/**
 * A read makes the state the most recently used. By primary key alone, so it locks its own row and nothing
 * else (not the id index, not a range): every deletion below locks rows by primary key too, in ascending
 * order, so no two of these statements wait on each other in a cycle.
 */
export function touchPageState(db: Db, args: TouchPageStateArgs): Promise<void> {
  return exec(db, touchPageStateQuery, args);
}

export const expiredPageStatesQuery: Statement = {
  name: 'ExpiredPageStates',
  sql: `SELECT seq FROM page_state WHERE expires_at <= ? ORDER BY seq`,
  params: ['now'],
};

export interface ExpiredPageStatesArgs {
  now: Date;
}

export interface ExpiredPageStatesRow {
  seq: number;
}

/**
 * A plain read (no lock); the caller deletes what it found by primary key.
 */
export function expiredPageStates(db: Db, args: ExpiredPageStatesArgs): Promise<ExpiredPageStatesRow[]> {
  return many<ExpiredPageStatesRow>(db, expiredPageStatesQuery, args);
}

export const pageStatesPastCapsQuery: Statement = {
  name: 'PageStatesPastCaps',
  sql: `SELECT seq FROM (
  SELECT seq,
    ROW_NUMBER() OVER (ORDER BY used_at DESC, seq DESC) AS n,
    SUM(bytes) OVER (ORDER BY used_at DESC, seq DESC ROWS UNBOUNDED PRECEDING) AS total
  FROM page_state
) ranked
WHERE n > ? OR total > ?
ORDER BY seq`,
  params: ['maxEntries', 'maxBytes'],
};

export interface PageStatesPastCapsArgs {
  maxEntries: number;
  maxBytes: number;
}

export interface PageStatesPastCapsRow {
  seq: number | null;
}

/**
 * Past either cap, the least recently used states go first: everything after the most recent ones whose
 * running count and running size stay within both. A plain read (no lock); the caller deletes by primary key.
 */
export function pageStatesPastCaps(db: Db, args: PageStatesPastCapsArgs): Promise<PageStatesPastCapsRow[]> {
  return many<PageStatesPastCapsRow>(db, pageStatesPastCapsQuery, args);
}

export const deletePageStatesQuery: Statement = {
  name: 'DeletePageStates',
  sql: `DELETE FROM page_state WHERE seq IN (?) ORDER BY seq`,
  params: ['seqs'],
};

export interface DeletePageStatesArgs {
  seqs: readonly number[];
}

/**
 * By primary key, in ascending order (see TouchPageState).
 */
export function deletePageStates(db: Db, args: DeletePageStatesArgs): Promise<number> {
  return execRows(db, deletePageStatesQuery, args);
}

export const pageStateTotalsQuery: Statement = {
  name: 'PageStateTotals',
  sql: `SELECT COUNT(*) AS entries, COALESCE(SUM(bytes), 0) AS bytes FROM page_state`,
  params: [],
};

export interface PageStateTotalsRow {
  entries: number;
  bytes: number;
}

export function pageStateTotals(db: Db): Promise<PageStateTotalsRow | undefined> {
  return one<PageStateTotalsRow>(db, pageStateTotalsQuery);
}

export const claimInteractionQuery: Statement = {
  name: 'ClaimInteraction',
  sql: `INSERT INTO interaction_claim (interaction_id, claimed_by, claimed_at) VALUES (?, ?, ?)`,
  params: ['interactionId', 'instance', 'now'],
};

export interface ClaimInteractionArgs {
  interactionId: string;
  instance: string;
  now: Date;
}

/**
 * Takes an interaction on for this process. When another process got there first, the primary key refuses
 * it with a duplicate-key error.
 */
export function claimInteraction(db: Db, args: ClaimInteractionArgs): Promise<number> {
  return execRows(db, claimInteractionQuery, args);
}

export const deleteOldInteractionClaimsQuery: Statement = {
  name: 'DeleteOldInteractionClaims',
  sql: `DELETE FROM interaction_claim WHERE claimed_at < ?`,
  params: ['before'],
};

export interface DeleteOldInteractionClaimsArgs {
  before: Date;
}

export function deleteOldInteractionClaims(db: Db, args: DeleteOldInteractionClaimsArgs): Promise<number> {
  return execRows(db, deleteOldInteractionClaimsQuery, args);
}
