import type { AuditEvent } from '../core/audit-event.ts';
import { linkHash, type StoredAuditRow } from './audit-hash.ts';
import {
  advanceChainHead,
  insertAuditEvent,
  insertedAuditEvent,
  lockChainHead,
  type AuditInsert,
} from './audit.queries.ts';
import { maskMessage } from '../log.ts';
import { onOneConnection, type Db } from './queries.ts';
import { auditWriteFailures, commandsTotal } from '../ops/metrics.ts';

export { describeChain, verifyAuditChain, type ChainReport } from './audit-chain.ts';
/** One row of the append-only audit trail, built by src/core/audit-event.ts. */
export type { AuditEvent };

/** Attempts when the row would not be stored as hashed (the server clock moved on too far meanwhile). */
const ATTEMPTS = 3;

/**
 * Seconds the audit transaction waits for the chain head's lock. Another writer holds it for milliseconds;
 * a stalled one (a console suspended mid-audit) would otherwise hold every command for the server's
 * default 50 s. On timeout the transaction is rolled back, before the runner's 3 s audit deadline, so no row
 * commits for an answer that said "unavailable".
 */
export const AUDIT_LOCK_WAIT_S = 2;

/**
 * Appends `e` to the audit chain: in one transaction, locks the chain head, hashes the row with the
 * server's time and the previous hash, inserts it, checks the stored row hashes the same, and moves the
 * head. Several processes can call this at once; the lock keeps one chain. Once `signal` is aborted, the
 * row is rolled back instead of committed.
 */
export async function recordAudit(db: Db, e: AuditEvent, opts: { signal?: AbortSignal } = {}): Promise<void> {
  // Every audited use passes here once: the one place that counts them for /metrics.
  commandsTotal.inc({ command: e.command, source: e.source, outcome: e.outcome });
  try {
    await onOneConnection(db, async (conn) => {
      for (let attempt = 1; ; attempt++) {
        const stored = await appendOnce(conn, e, opts.signal);
        if (stored === 'ok') return;
        if (attempt >= ATTEMPTS) throw new Error(`the audit row was not stored as hashed (${stored})`);
      }
    });
  } catch (err) {
    auditWriteFailures.inc();
    throw err;
  }
}

async function appendOnce(conn: Db, e: AuditEvent, signal: AbortSignal | undefined): Promise<'ok' | string> {
  await conn.query(`SET SESSION innodb_lock_wait_timeout = ${AUDIT_LOCK_WAIT_S}`);
  await conn.query('START TRANSACTION');
  try {
    const head = await lockChainHead(conn);
    if (!head) throw new Error('the audit chain head is missing (run npm run db:migrate)');

    const row = auditRow(e, head.now);
    const hash = linkHash(head.hash, row);
    await insertAuditEvent(conn, row, head.hash, hash);
    const back = await insertedAuditEvent(conn);
    const differs = back ? firstDifference(row, back) : 'the row';
    if (!back || differs !== undefined || linkHash(head.hash, back) !== hash) {
      await conn.query('ROLLBACK');
      return `${differs ?? 'hash'} differs`;
    }
    await advanceChainHead(conn, back.id, hash);
    // Given up on (the answer went out without this row): the row must not say otherwise.
    signal?.throwIfAborted();
    await conn.query('COMMIT');
    return 'ok';
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

type Content = AuditInsert;

/** The row as it will be stored: text the columns hold unchanged, so it hashes the same when read back. */
function auditRow(e: AuditEvent, now: Date): Content {
  return {
    occurred_at: now,
    source: e.source,
    actor_id: e.actorId === null ? null : text(e.actorId, 32),
    actor_roles: e.actorRoles ? text(e.actorRoles.join(','), 1000) : null,
    guild_id: e.guildId ? text(e.guildId, 32) : null,
    channel_id: e.channelId ? text(e.channelId, 32) : null,
    command: text(e.command, 100),
    options: e.options === null ? null : JSON.stringify(e.options, (_key, v: unknown) => wellFormed(v)),
    patient_ids: JSON.stringify(e.patientIds),
    row_count: count(e.rowCount),
    outcome: e.outcome,
    latency_ms: count(e.latencyMs),
    interaction_id: e.interactionId ? text(e.interactionId, 32) : null,
    detail: e.detail ? text(maskMessage(e.detail, true), 500) : null,
  };
}

function firstDifference(row: Content, back: StoredAuditRow): string | undefined {
  if (back.occurred_at.getTime() !== row.occurred_at.getTime()) return 'occurred_at';
  for (const key of ['actor_id', 'actor_roles', 'guild_id', 'channel_id', 'command', 'detail'] as const)
    if (back[key] !== row[key]) return key;
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** At most `max` characters (code points, as VARCHAR counts), without lone surrogates utf8mb4 cannot hold. */
function text(s: string, max: number): string {
  const clean = s.replace(LONE_SURROGATE, '\uFFFD');
  return clean.length <= max ? clean : Array.from(clean).slice(0, max).join('');
}

function wellFormed(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value;
}

/** INT UNSIGNED columns: a whole, non-negative number. */
function count(n: number | null): number | null {
  return n === null || !Number.isFinite(n) ? null : Math.max(0, Math.round(n));
}
