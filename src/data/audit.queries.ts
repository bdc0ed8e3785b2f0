import type { ChainContent, StoredAuditRow } from './audit-chain.ts';
import { exec, many, one, type Db } from './queries.ts';

export interface AuditRow {
  id: number;
  occurred_at: Date;
  source: string;
  actor_id: string | null;
  channel_id: string | null;
  command: string;
  outcome: string;
  row_count: number | null;
  latency_ms: number | null;
  patient_ids: number[] | string | null;
  detail: string | null;
}

export const recentAuditEvents = (
  db: Db,
  p: { actorId: string | null; patientId: number | null; limit: number },
) => many<AuditRow>(db, 'RecentAuditEvents', p);

// ---- The chain: each call below runs on the transaction's own connection -------------------------------

/** The chain head, locked until the transaction ends, and the server's clock (UTC) read under the lock. */
export const lockChainHead = (conn: Db) => one<{ hash: string; now: Date }>(conn, 'LockAuditChainHead');

/** A row's stored form (`options` and `patient_ids` as JSON text). */
export type AuditInsert = Omit<ChainContent, 'options' | 'patient_ids'> & {
  options: string | null;
  patient_ids: string;
};

export const insertAuditEvent = (conn: Db, row: AuditInsert, prevHash: string, hash: string) =>
  exec(conn, 'InsertAuditEvent', {
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
export const insertedAuditEvent = (conn: Db) => one<StoredAuditRow>(conn, 'InsertedAuditEvent');

export const advanceChainHead = (conn: Db, lastEventId: number | string, hash: string) =>
  exec(conn, 'AdvanceAuditChainHead', { lastEventId, hash });

export const chainHead = (db: Db) =>
  one<{ last_event_id: number | string | null; hash: string; legacy_last_id: number | string | null }>(
    db,
    'AuditChainHead',
  );

export const chainPage = (db: Db, after: number, limit: number) =>
  many<StoredAuditRow>(db, 'AuditChainPage', { after, limit });

/** The chained row `back` rows before the head. */
export const chainLinkBefore = (db: Db, headId: number, back: number) =>
  one<Pick<StoredAuditRow, 'id' | 'hash'>>(db, 'AuditChainLinkBefore', { headId, back });

export const auditRowCount = (db: Db) => one<{ n: number }>(db, 'AuditRowCount');
