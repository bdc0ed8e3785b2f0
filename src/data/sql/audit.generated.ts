// Generated from sql/queries/audit.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, many, one, type Db, type Statement } from '../queries.ts';

export const lockAuditChainHeadQuery: Statement = {
  name: 'LockAuditChainHead',
  sql: `SELECT hash, CONVERT_TZ(SYSDATE(3), @@session.time_zone, '+00:00') AS now
FROM audit_chain_head
WHERE id = 1
FOR UPDATE`,
  params: [],
};

export interface LockAuditChainHeadRow {
  hash: string;
  now: Date;
}

/**
 * The newest link of the audit chain, locked until the transaction ends so writers take turns, and the
 * server's clock in UTC read once the lock is held: the row is hashed with this time, which the
 * audit_event trigger keeps (migration 004).
 */
export function lockAuditChainHead(db: Db): Promise<LockAuditChainHeadRow | undefined> {
  return one<LockAuditChainHeadRow>(db, lockAuditChainHeadQuery);
}

export const insertAuditEventQuery: Statement = {
  name: 'InsertAuditEvent',
  sql: `INSERT INTO audit_event (occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options,
  patient_ids, row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?,
  ?, ?, ?, ?, ?, ?, ?, ?)`,
  params: [
    'occurredAt',
    'source',
    'actorId',
    'actorRoles',
    'guildId',
    'channelId',
    'command',
    'options',
    'patientIds',
    'rowCount',
    'outcome',
    'latencyMs',
    'interactionId',
    'detail',
    'prevHash',
    'hash',
  ],
};

export interface InsertAuditEventArgs {
  occurredAt: Date;
  source: string;
  actorId: string | null;
  actorRoles: string | null;
  guildId: string | null;
  channelId: string | null;
  command: string;
  options: string | null;
  patientIds: string | null;
  rowCount: number | null;
  outcome: string;
  latencyMs: number | null;
  interactionId: string | null;
  detail: string | null;
  prevHash: string | null;
  hash: string | null;
}

export function insertAuditEvent(db: Db, args: InsertAuditEventArgs): Promise<void> {
  return exec(db, insertAuditEventQuery, args);
}

export const insertedAuditEventQuery: Statement = {
  name: 'InsertedAuditEvent',
  sql: `SELECT id, occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options, patient_ids,
  row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash
FROM audit_event
WHERE id = LAST_INSERT_ID()`,
  params: [],
};

export interface InsertedAuditEventRow {
  id: number;
  occurred_at: Date;
  source: 'discord' | 'console' | 'scheduler' | 'web';
  actor_id: string | null;
  actor_roles: string | null;
  guild_id: string | null;
  channel_id: string | null;
  command: string;
  options: string | null;
  patient_ids: string | null;
  row_count: number | null;
  outcome: 'ok' | 'empty' | 'denied' | 'invalid' | 'error';
  latency_ms: number | null;
  interaction_id: string | null;
  detail: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/**
 * The row this connection just inserted, as stored, to check it hashes as it was hashed before commit.
 */
export function insertedAuditEvent(db: Db): Promise<InsertedAuditEventRow | undefined> {
  return one<InsertedAuditEventRow>(db, insertedAuditEventQuery);
}

export const advanceAuditChainHeadQuery: Statement = {
  name: 'AdvanceAuditChainHead',
  sql: `UPDATE audit_chain_head SET last_event_id = ?, hash = ? WHERE id = 1`,
  params: ['lastEventId', 'hash'],
};

export interface AdvanceAuditChainHeadArgs {
  lastEventId: number | null;
  hash: string;
}

export function advanceAuditChainHead(db: Db, args: AdvanceAuditChainHeadArgs): Promise<void> {
  return exec(db, advanceAuditChainHeadQuery, args);
}

export const auditChainHeadQuery: Statement = {
  name: 'AuditChainHead',
  sql: `SELECT last_event_id, hash, legacy_last_id FROM audit_chain_head WHERE id = 1`,
  params: [],
};

export interface AuditChainHeadRow {
  last_event_id: number | null;
  hash: string;
  legacy_last_id: number | null;
}

export function auditChainHead(db: Db): Promise<AuditChainHeadRow | undefined> {
  return one<AuditChainHeadRow>(db, auditChainHeadQuery);
}

export const auditChainPageQuery: Statement = {
  name: 'AuditChainPage',
  sql: `SELECT id, occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options, patient_ids,
  row_count, outcome, latency_ms, interaction_id, detail, prev_hash, hash
FROM audit_event
WHERE id > ?
ORDER BY id
LIMIT ?`,
  params: ['after', 'limit'],
};

export interface AuditChainPageArgs {
  after: number;
  limit: number;
}

export interface AuditChainPageRow {
  id: number;
  occurred_at: Date;
  source: 'discord' | 'console' | 'scheduler' | 'web';
  actor_id: string | null;
  actor_roles: string | null;
  guild_id: string | null;
  channel_id: string | null;
  command: string;
  options: string | null;
  patient_ids: string | null;
  row_count: number | null;
  outcome: 'ok' | 'empty' | 'denied' | 'invalid' | 'error';
  latency_ms: number | null;
  interaction_id: string | null;
  detail: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/**
 * The audit rows after an id, in chain order.
 */
export function auditChainPage(db: Db, args: AuditChainPageArgs): Promise<AuditChainPageRow[]> {
  return many<AuditChainPageRow>(db, auditChainPageQuery, args);
}

export const auditChainLinkBeforeQuery: Statement = {
  name: 'AuditChainLinkBefore',
  sql: `SELECT id, hash
FROM audit_event
WHERE id <= ? AND hash IS NOT NULL
ORDER BY id DESC
LIMIT 1 OFFSET ?`,
  params: ['headId', 'back'],
};

export interface AuditChainLinkBeforeArgs {
  headId: number;
  back: number;
}

export interface AuditChainLinkBeforeRow {
  id: number;
  hash: string | null;
}

/**
 * The chained row `back` rows before the head, where a check of the newest rows starts.
 */
export function auditChainLinkBefore(
  db: Db,
  args: AuditChainLinkBeforeArgs,
): Promise<AuditChainLinkBeforeRow | undefined> {
  return one<AuditChainLinkBeforeRow>(db, auditChainLinkBeforeQuery, args);
}

export const auditTriggersQuery: Statement = {
  name: 'AuditTriggers',
  sql: `SELECT TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS table_name, ACTION_TIMING AS timing,
  EVENT_MANIPULATION AS event
FROM information_schema.TRIGGERS
WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE IN ('audit_event', 'audit_chain_head')
ORDER BY TRIGGER_NAME`,
  params: [],
};

export interface AuditTriggersRow {
  name: string;
  table_name: string;
  timing: string;
  event: string;
}

/**
 * The triggers of the audit tables as the server lists them (migrations 003, 004 and 009 create them): one
 * that is missing was dropped. Any user with a privilege on a table sees its triggers' names.
 */
export function auditTriggers(db: Db): Promise<AuditTriggersRow[]> {
  return many<AuditTriggersRow>(db, auditTriggersQuery);
}

export const auditRowCountQuery: Statement = {
  name: 'AuditRowCount',
  sql: `SELECT COUNT(*) AS n FROM audit_event`,
  params: [],
};

export interface AuditRowCountRow {
  n: number;
}

export function auditRowCount(db: Db): Promise<AuditRowCountRow | undefined> {
  return one<AuditRowCountRow>(db, auditRowCountQuery);
}

export const recentAuditEventsQuery: Statement = {
  name: 'RecentAuditEvents',
  sql: `SELECT id, occurred_at, source, actor_id, channel_id, command, outcome, row_count, latency_ms, patient_ids, detail
FROM audit_event
WHERE (? IS NULL OR actor_id = ?)
  AND (? IS NULL OR JSON_CONTAINS(patient_ids, CAST(? AS CHAR)))
ORDER BY id DESC
LIMIT ?`,
  params: ['actorId', 'actorId', 'patientId', 'patientId', 'limit'],
};

export interface RecentAuditEventsArgs {
  actorId: string | null;
  patientId: number | null;
  limit: number;
}

export interface RecentAuditEventsRow {
  id: number;
  occurred_at: Date;
  source: 'discord' | 'console' | 'scheduler' | 'web';
  actor_id: string | null;
  channel_id: string | null;
  command: string;
  outcome: 'ok' | 'empty' | 'denied' | 'invalid' | 'error';
  row_count: number | null;
  latency_ms: number | null;
  patient_ids: string | null;
  detail: string | null;
}

/**
 * The latest audit events, optionally for one actor and/or one disclosed patient id.
 */
export function recentAuditEvents(db: Db, args: RecentAuditEventsArgs): Promise<RecentAuditEventsRow[]> {
  return many<RecentAuditEventsRow>(db, recentAuditEventsQuery, args);
}
