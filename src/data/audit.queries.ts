import * as sql from './sql/audit.generated.ts';
import type { ChainContent } from './audit-hash.ts';
import type { Db } from './queries.ts';

export type AuditRow = sql.RecentAuditEventsRow;

export const recentAuditEvents = (
  db: Db,
  p: { actorId: string | null; patientId: number | null; limit: number },
) => sql.recentAuditEvents(db, p);

// ---- The chain: each call below runs on the transaction's own connection -------------------------------

/** The chain head, locked until the transaction ends, and the server's clock (UTC) read under the lock. */
export const lockChainHead = (conn: Db) => sql.lockAuditChainHead(conn);

/** A row's stored form (`options` and `patient_ids` as JSON text). */
export type AuditInsert = Omit<ChainContent, 'options' | 'patient_ids'> & {
  options: string | null;
  patient_ids: string;
};

export const insertAuditEvent = (conn: Db, row: AuditInsert, prevHash: string, hash: string) =>
  sql.insertAuditEvent(conn, {
    occurredAt: row.occurred_at,
    source: row.source,
    actorId: row.actor_id,
    actorRoles: row.actor_roles,
    guildId: row.guild_id,
    channelId: row.channel_id,
    command: row.command,
    options: row.options,
    patientIds: row.patient_ids,
    rowCount: row.row_count,
    outcome: row.outcome,
    latencyMs: row.latency_ms,
    interactionId: row.interaction_id,
    detail: row.detail,
    prevHash,
    hash,
  });

/** The row this connection just inserted, as stored. */
export const insertedAuditEvent = (conn: Db) => sql.insertedAuditEvent(conn);

export const advanceChainHead = (conn: Db, lastEventId: number, hash: string) =>
  sql.advanceAuditChainHead(conn, { lastEventId, hash });

export const chainHead = (db: Db) => sql.auditChainHead(db);

export const chainPage = (db: Db, after: number, limit: number) => sql.auditChainPage(db, { after, limit });

/** The chained row `back` rows before the head. */
export const chainLinkBefore = (db: Db, headId: number, back: number) =>
  sql.auditChainLinkBefore(db, { headId, back });

/** The triggers of audit_event and audit_chain_head that the server lists. */
export const auditTriggers = (db: Db) => sql.auditTriggers(db);

export const auditRowCount = (db: Db) => sql.auditRowCount(db);
