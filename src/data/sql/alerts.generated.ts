// Generated from sql/queries/alerts.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, execRows, many, one, type Db, type Statement } from '../queries.ts';

export const alertCensusQuery: Statement = {
  name: 'AlertCensus',
  sql: `SELECT COUNT(*) AS n FROM er_visit
WHERE arrived_at <= ? AND (departed_at IS NULL OR departed_at > ?)`,
  params: ['at', 'at'],
};

export interface AlertCensusArgs {
  at: Date;
}

export interface AlertCensusRow {
  n: number;
}

/**
 * Patients in the ER at an instant.
 */
export function alertCensus(db: Db, args: AlertCensusArgs): Promise<AlertCensusRow | undefined> {
  return one<AlertCensusRow>(db, alertCensusQuery, args);
}

export const alertWaitingQuery: Statement = {
  name: 'AlertWaiting',
  sql: `SELECT COUNT(*) AS n FROM er_visit v
WHERE v.triage_level <= 2 AND v.arrived_at <= ? AND (v.departed_at IS NULL OR v.departed_at > ?)
  AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id AND t.performed_at <= ?)`,
  params: ['arrivedBy', 'at', 'at'],
};

export interface AlertWaitingArgs {
  arrivedBy: Date;
  at: Date;
}

export interface AlertWaitingRow {
  n: number;
}

/**
 * Patients of triage level 1-2 in the ER at an instant who arrived at or before :arrivedBy and have had no
 * treatment yet.
 */
export function alertWaiting(db: Db, args: AlertWaitingArgs): Promise<AlertWaitingRow | undefined> {
  return one<AlertWaitingRow>(db, alertWaitingQuery, args);
}

export const alertHighDispatchesQuery: Statement = {
  name: 'AlertHighDispatches',
  sql: `SELECT COUNT(*) AS n FROM ambulance_dispatch
WHERE severity = 'high' AND dispatched_at > ? AND dispatched_at <= ?`,
  params: ['from', 'at'],
};

export interface AlertHighDispatchesArgs {
  from: Date;
  at: Date;
}

export interface AlertHighDispatchesRow {
  n: number;
}

/**
 * High-severity dispatches in (from, at].
 */
export function alertHighDispatches(
  db: Db,
  args: AlertHighDispatchesArgs,
): Promise<AlertHighDispatchesRow | undefined> {
  return one<AlertHighDispatchesRow>(db, alertHighDispatchesQuery, args);
}

export const alertRuleStatesQuery: Statement = {
  name: 'AlertRuleStates',
  sql: `SELECT id, channel_id, rule, state, version, transitions, clear_since, measured, evaluated_at, fired_at, cleared_at
FROM alert_rule_state WHERE channel_id = ? ORDER BY rule`,
  params: ['channel'],
};

export interface AlertRuleStatesArgs {
  channel: string;
}

export interface AlertRuleStatesRow {
  id: number;
  channel_id: string;
  rule: 'census' | 'waiting' | 'dispatch_surge';
  state: 'armed' | 'firing' | 'cooling';
  version: number;
  transitions: number;
  clear_since: Date | null;
  measured: number | null;
  evaluated_at: Date | null;
  fired_at: Date | null;
  cleared_at: Date | null;
}

export function alertRuleStates(db: Db, args: AlertRuleStatesArgs): Promise<AlertRuleStatesRow[]> {
  return many<AlertRuleStatesRow>(db, alertRuleStatesQuery, args);
}

export const insertAlertRuleStateQuery: Statement = {
  name: 'InsertAlertRuleState',
  sql: `INSERT INTO alert_rule_state (channel_id, rule, state) VALUES (?, ?, 'armed')`,
  params: ['channel', 'rule'],
};

export interface InsertAlertRuleStateArgs {
  channel: string;
  rule: string;
}

/**
 * A rule seen for the first time in a channel starts armed. Another process may insert it first: the
 * unique key (channel_id, rule) refuses the second insert with a duplicate-key error.
 */
export function insertAlertRuleState(db: Db, args: InsertAlertRuleStateArgs): Promise<number> {
  return execRows(db, insertAlertRuleStateQuery, args);
}

export const updateAlertRuleStateQuery: Statement = {
  name: 'UpdateAlertRuleState',
  sql: `UPDATE alert_rule_state
SET state = ?, version = version + 1, transitions = ?, clear_since = ?,
  measured = ?, evaluated_at = ?, fired_at = ?, cleared_at = ?
WHERE id = ? AND version = ?`,
  params: [
    'state',
    'transitions',
    'clearSince',
    'measured',
    'now',
    'firedAt',
    'clearedAt',
    'id',
    'seenVersion',
  ],
};

export interface UpdateAlertRuleStateArgs {
  state: string;
  transitions: number;
  clearSince: Date | null;
  measured: number | null;
  now: Date | null;
  firedAt: Date | null;
  clearedAt: Date | null;
  id: number;
  seenVersion: number;
}

/**
 * Moves a rule on from the version this process read; 0 rows when another process moved it first.
 */
export function updateAlertRuleState(db: Db, args: UpdateAlertRuleStateArgs): Promise<number> {
  return execRows(db, updateAlertRuleStateQuery, args);
}

export const insertAlertPostQuery: Statement = {
  name: 'InsertAlertPost',
  sql: `INSERT INTO alert_post (channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state,
  claimed_by, claimed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'claimed', ?,
  ?)`,
  params: [
    'channel',
    'rule',
    'seq',
    'kind',
    'happenedAt',
    'firedAt',
    'measured',
    'threshold',
    'instance',
    'now',
  ],
};

export interface InsertAlertPostArgs {
  channel: string;
  rule: string;
  seq: number;
  kind: string;
  happenedAt: Date;
  firedAt: Date | null;
  measured: number;
  threshold: number;
  instance: string;
  now: Date;
}

/**
 * Claimed by the process that moved the rule on, in the same transaction; an escalation by the process whose
 * insert lands (the unique key refuses the others).
 */
export function insertAlertPost(db: Db, args: InsertAlertPostArgs): Promise<void> {
  return exec(db, insertAlertPostQuery, args);
}

export const alertPostIdBySeqQuery: Statement = {
  name: 'AlertPostIdBySeq',
  sql: `SELECT id FROM alert_post WHERE channel_id = ? AND rule = ? AND seq = ? AND kind = ?`,
  params: ['channel', 'rule', 'seq', 'kind'],
};

export interface AlertPostIdBySeqArgs {
  channel: string;
  rule: string;
  seq: number;
  kind: string;
}

export interface AlertPostIdBySeqRow {
  id: number;
}

export function alertPostIdBySeq(
  db: Db,
  args: AlertPostIdBySeqArgs,
): Promise<AlertPostIdBySeqRow | undefined> {
  return one<AlertPostIdBySeqRow>(db, alertPostIdBySeqQuery, args);
}

export const firedAlertPostQuery: Statement = {
  name: 'FiredAlertPost',
  sql: `SELECT id, channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state, claimed_by,
  claimed_at, posted_at, message_id, attempts, last_status, last_error, acknowledged_by, acknowledged_name,
  acknowledged_at, resolved_at
FROM alert_post WHERE channel_id = ? AND rule = ? AND seq = ? AND kind = 'fired'`,
  params: ['channel', 'rule', 'seq'],
};

export interface FiredAlertPostArgs {
  channel: string;
  rule: string;
  seq: number;
}

export interface FiredAlertPostRow {
  id: number;
  channel_id: string;
  rule: 'census' | 'waiting' | 'dispatch_surge';
  seq: number;
  kind: 'fired' | 'cleared' | 'escalated';
  happened_at: Date;
  fired_at: Date | null;
  measured: number;
  threshold: number;
  state: 'claimed' | 'posted' | 'failed' | 'superseded';
  claimed_by: string;
  claimed_at: Date;
  posted_at: Date | null;
  message_id: string | null;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  acknowledged_by: string | null;
  acknowledged_name: string | null;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
}

/**
 * The fired post of an episode, which its escalation and its clearing reply to.
 */
export function firedAlertPost(db: Db, args: FiredAlertPostArgs): Promise<FiredAlertPostRow | undefined> {
  return one<FiredAlertPostRow>(db, firedAlertPostQuery, args);
}

export const markAlertResolvedQuery: Statement = {
  name: 'MarkAlertResolved',
  sql: `UPDATE alert_post SET resolved_at = ?
WHERE channel_id = ? AND rule = ? AND seq = ? AND kind = 'fired'`,
  params: ['now', 'channel', 'rule', 'seq'],
};

export interface MarkAlertResolvedArgs {
  now: Date | null;
  channel: string;
  rule: string;
  seq: number;
}

/**
 * The episode of a fired post is over: its post is to be edited to say so (resolution_shown_at still NULL).
 */
export function markAlertResolved(db: Db, args: MarkAlertResolvedArgs): Promise<void> {
  return exec(db, markAlertResolvedQuery, args);
}

export const alertPostByIdQuery: Statement = {
  name: 'AlertPostById',
  sql: `SELECT id, channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state, claimed_by,
  claimed_at, posted_at, message_id, attempts, last_status, last_error, acknowledged_by, acknowledged_name,
  acknowledged_at, resolved_at
FROM alert_post WHERE id = ?`,
  params: ['id'],
};

export interface AlertPostByIdArgs {
  id: number;
}

export interface AlertPostByIdRow {
  id: number;
  channel_id: string;
  rule: 'census' | 'waiting' | 'dispatch_surge';
  seq: number;
  kind: 'fired' | 'cleared' | 'escalated';
  happened_at: Date;
  fired_at: Date | null;
  measured: number;
  threshold: number;
  state: 'claimed' | 'posted' | 'failed' | 'superseded';
  claimed_by: string;
  claimed_at: Date;
  posted_at: Date | null;
  message_id: string | null;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  acknowledged_by: string | null;
  acknowledged_name: string | null;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
}

export function alertPostById(db: Db, args: AlertPostByIdArgs): Promise<AlertPostByIdRow | undefined> {
  return one<AlertPostByIdRow>(db, alertPostByIdQuery, args);
}

export const staleAlertPostsQuery: Statement = {
  name: 'StaleAlertPosts',
  sql: `SELECT id, channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state, claimed_by,
  claimed_at, posted_at, message_id, attempts, last_status, last_error, acknowledged_by, acknowledged_name,
  acknowledged_at, resolved_at
FROM alert_post WHERE channel_id = ? AND state = 'claimed' AND claimed_at < ?
ORDER BY rule, seq`,
  params: ['channel', 'staleBefore'],
};

export interface StaleAlertPostsArgs {
  channel: string;
  staleBefore: Date;
}

export interface StaleAlertPostsRow {
  id: number;
  channel_id: string;
  rule: 'census' | 'waiting' | 'dispatch_surge';
  seq: number;
  kind: 'fired' | 'cleared' | 'escalated';
  happened_at: Date;
  fired_at: Date | null;
  measured: number;
  threshold: number;
  state: 'claimed' | 'posted' | 'failed' | 'superseded';
  claimed_by: string;
  claimed_at: Date;
  posted_at: Date | null;
  message_id: string | null;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  acknowledged_by: string | null;
  acknowledged_name: string | null;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
}

/**
 * Posts claimed by a process that has not finished them within the lease: it died, or never will.
 */
export function staleAlertPosts(db: Db, args: StaleAlertPostsArgs): Promise<StaleAlertPostsRow[]> {
  return many<StaleAlertPostsRow>(db, staleAlertPostsQuery, args);
}

export const newerAlertPostedQuery: Statement = {
  name: 'NewerAlertPosted',
  sql: `SELECT COUNT(*) AS n FROM alert_post
WHERE channel_id = ? AND rule = ? AND seq > ? AND state = 'posted'`,
  params: ['channel', 'rule', 'seq'],
};

export interface NewerAlertPostedArgs {
  channel: string;
  rule: string;
  seq: number;
}

export interface NewerAlertPostedRow {
  n: number;
}

/**
 * Whether a later transition of the same rule is posted already (then an older one is out of date).
 */
export function newerAlertPosted(
  db: Db,
  args: NewerAlertPostedArgs,
): Promise<NewerAlertPostedRow | undefined> {
  return one<NewerAlertPostedRow>(db, newerAlertPostedQuery, args);
}

export const supersedeAlertPostQuery: Statement = {
  name: 'SupersedeAlertPost',
  sql: `UPDATE alert_post SET state = 'superseded' WHERE id = ? AND claimed_by = ?`,
  params: ['id', 'instance'],
};

export interface SupersedeAlertPostArgs {
  id: number;
  instance: string;
}

export function supersedeAlertPost(db: Db, args: SupersedeAlertPostArgs): Promise<number> {
  return execRows(db, supersedeAlertPostQuery, args);
}

export const lastAlertPostsQuery: Statement = {
  name: 'LastAlertPosts',
  sql: `SELECT p.rule, p.kind, p.state, p.happened_at, p.claimed_at, p.posted_at, p.last_status, p.last_error
FROM alert_post p
WHERE p.channel_id = ? AND p.id IN (
  SELECT MAX(id) FROM alert_post WHERE channel_id = ? GROUP BY rule
  UNION
  SELECT MAX(id) FROM alert_post WHERE channel_id = ? AND state = 'failed' GROUP BY rule)
ORDER BY p.rule, p.id`,
  params: ['channel', 'channel', 'channel'],
};

export interface LastAlertPostsArgs {
  channel: string;
}

export interface LastAlertPostsRow {
  rule: 'census' | 'waiting' | 'dispatch_surge';
  kind: 'fired' | 'cleared' | 'escalated';
  state: 'claimed' | 'posted' | 'failed' | 'superseded';
  happened_at: Date;
  claimed_at: Date;
  posted_at: Date | null;
  last_status: number | null;
  last_error: string | null;
}

/**
 * Each rule's latest post in a channel, and its latest delivery failure.
 */
export function lastAlertPosts(db: Db, args: LastAlertPostsArgs): Promise<LastAlertPostsRow[]> {
  return many<LastAlertPostsRow>(db, lastAlertPostsQuery, args);
}
