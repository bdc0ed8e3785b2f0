import { createHash } from 'node:crypto';

/**
 * The audit trail as a hash chain (migration 004): each row's `hash` is SHA-256 over a canonical
 * serialization of its content and `prev_hash`, the hash of the row before it. Changing, deleting or
 * inserting a row anywhere but at the end breaks a link that `verifyAuditChain` reports (every one, not
 * only the first; migration 009 has the database refuse unlinked rows too). Removing the
 * newest rows is caught against `audit_chain_head` unless that is rewritten too, and in any case against
 * a head hash recorded elsewhere (`knownHead`).
 */

export const GENESIS_HASH = '0'.repeat(64);
const VERSION = 'hers-audit-v1';

/** An audit_event row as the database returns it. */
export interface StoredAuditRow {
  id: number | string;
  occurred_at: Date;
  source: string;
  actor_id: string | null;
  actor_roles: string | null;
  guild_id: string | null;
  channel_id: string | null;
  command: string;
  /** JSON columns: text on MariaDB unless the driver parsed them, a value on MySQL. */
  options: unknown;
  patient_ids: unknown;
  row_count: number | null;
  outcome: string;
  latency_ms: number | null;
  interaction_id: string | null;
  detail: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export type ChainContent = Omit<StoredAuditRow, 'id' | 'prev_hash' | 'hash'>;

/** The hash of a row whose content is `row` and whose predecessor's hash is `prevHash`. */
export function linkHash(prevHash: string, row: ChainContent): string {
  const serialized = canonicalJson([
    VERSION,
    prevHash,
    row.occurred_at.toISOString(),
    row.source,
    row.actor_id,
    row.actor_roles,
    row.guild_id,
    row.channel_id,
    row.command,
    jsonValue(row.options),
    jsonValue(row.patient_ids),
    row.row_count,
    row.outcome,
    row.latency_ms,
    row.interaction_id,
    row.detail,
  ]);
  return createHash('sha256').update(serialized, 'utf8').digest('hex');
}

/** A JSON column's value, whether the driver returned it as text or already parsed. */
function jsonValue(v: unknown): unknown {
  return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
}

/** JSON with object keys sorted at every level, so MySQL's normalized JSON hashes as the text we wrote. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
