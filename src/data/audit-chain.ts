import { createHash } from 'node:crypto';
import { chainHead, chainLinkBefore, chainPage } from './audit.queries.ts';
import type { Db } from './queries.ts';

/**
 * The audit trail as a hash chain (migration 004): each row's `hash` is SHA-256 over a canonical
 * serialization of its content and `prev_hash`, the hash of the row before it. Changing, deleting or
 * inserting a row anywhere but at the end breaks a link that `verifyAuditChain` reports. Removing the
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

export type ChainReport =
  | {
      intact: true;
      /** Rows in the chain. */
      rows: number;
      /** Rows written before the chain began (migration 004), which it does not cover. */
      legacyRows: number;
      head: string;
      /** Only the newest rows were checked (the `newest` option). */
      partial: boolean;
    }
  | {
      intact: false;
      /** Rows checked and found sound before the first broken link. */
      rows: number;
      /** The audit_event id where the chain breaks. */
      id: number;
      problem: string;
    };

const PAGE = 2_000;
const short = (hash: string) => hash.slice(0, 12);

export interface VerifyOptions {
  /** A head hash recorded earlier, which must still be in the chain. */
  knownHead?: string;
  /**
   * Check only the links of the newest rows (and the head): quick enough to run on demand, as
   * `/admin audit` does; `npm run audit:verify` checks the whole chain.
   */
  newest?: number;
}

/**
 * Walks the chain in one consistent snapshot and reports the first broken link, or that it is intact with
 * its head hash.
 */
export function verifyAuditChain(db: Db, opts: VerifyOptions = {}): Promise<ChainReport> {
  return onOneConnection(db, async (conn) => {
    await conn.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
    try {
      return await walk(conn, opts.knownHead?.toLowerCase(), opts.newest);
    } finally {
      await conn.query('COMMIT');
    }
  });
}

/** Runs `fn` on one connection (a transaction needs one): `db` itself, or one taken from the pool. */
export async function onOneConnection<T>(db: Db, fn: (conn: Db) => Promise<T>): Promise<T> {
  if (!('getConnection' in db)) return fn(db);
  const conn = await db.getConnection();
  try {
    return await fn(conn);
  } finally {
    conn.release();
  }
}

async function walk(db: Db, knownHead: string | undefined, newest: number | undefined): Promise<ChainReport> {
  const head = await chainHead(db);
  if (!head)
    return { intact: false, rows: 0, id: 0, problem: 'the chain head (audit_chain_head) is missing' };
  const headId = head.last_event_id === null ? null : Number(head.last_event_id);
  const legacyLastId = head.legacy_last_id === null ? 0 : Number(head.legacy_last_id);

  let rows = 0;
  let legacyRows = 0;
  let previous: { id: number; hash: string } | undefined;
  let knownHeadSeen = knownHead === undefined || knownHead === GENESIS_HASH;
  const broken = (id: number, problem: string): ChainReport => ({ intact: false, rows, id, problem });

  let after = 0;
  let partial = false;
  if (newest !== undefined && headId !== null) {
    // Start after the chained row `newest` rows before the head, taking its stored hash as given.
    const start = await chainLinkBefore(db, headId, newest);
    if (start?.hash) {
      after = Number(start.id);
      previous = { id: after, hash: start.hash };
      partial = true;
    }
  }
  for (;;) {
    const page = await chainPage(db, after, PAGE);
    for (const row of page) {
      const id = Number(row.id);
      after = id;
      if (row.hash === null) {
        if (previous === undefined && id <= legacyLastId) {
          legacyRows++;
          continue;
        }
        return broken(id, `row ${id} has no hash: it was written outside the bot's audit chain`);
      }
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      if (row.prev_hash !== expectedPrev) {
        return broken(
          id,
          previous === undefined
            ? `row ${id} is the first row but links to a row that is not there: earlier rows were deleted or the table was truncated`
            : `row ${id} does not link to row ${previous.id} before it: rows between them were deleted, or row ${id} was written outside the chain`,
        );
      }
      if (linkHash(row.prev_hash, row) !== row.hash) {
        return broken(
          id,
          `row ${id}'s contents do not match its hash: it was changed after it was written, or written outside the bot`,
        );
      }
      if (headId === null || id > headId) {
        return broken(
          id,
          `row ${id} comes after the chain head (${headId === null ? 'no rows' : `row ${headId}`}): it was written outside the chain`,
        );
      }
      if (row.hash === knownHead) knownHeadSeen = true;
      previous = { id, hash: row.hash };
      rows++;
    }
    if (page.length < PAGE) break;
  }

  if (headId !== null && previous?.id !== headId) {
    const id = previous?.id ?? headId;
    return broken(
      id,
      previous === undefined
        ? `the chain head records row ${headId}, but no chained rows are left: the table was emptied (TRUNCATE) or its rows deleted`
        : `the chain head records row ${headId}, but the chain ends at row ${previous.id}: the newest rows were deleted`,
    );
  }
  const last = previous?.hash ?? GENESIS_HASH;
  if (head.hash !== last) {
    return broken(
      previous?.id ?? 0,
      `the chain head's hash ${short(head.hash)}… does not match the last row's ${short(last)}…: the head or that row was rewritten`,
    );
  }
  if (!knownHeadSeen && knownHead !== undefined && !partial) {
    return broken(
      previous?.id ?? 0,
      `the recorded head ${short(knownHead)}… is not in the chain: rows were removed or the chain was rewritten`,
    );
  }
  return { intact: true, rows, legacyRows, head: last, partial };
}

/** One line for people: "intact: N rows, head <hash>" or "broken at id X: what is wrong". */
export function describeChain(report: ChainReport): string {
  if (!report.intact) return `broken at id ${report.id}: ${report.problem}`;
  const legacy =
    report.legacyRows > 0
      ? ` (${report.legacyRows} earlier ${report.legacyRows === 1 ? 'row predates' : 'rows predate'} the chain and are not covered)`
      : '';
  const rows = `${report.partial ? 'the newest ' : ''}${report.rows} ${report.rows === 1 ? 'row' : 'rows'}`;
  return `intact: ${rows}, head ${report.head}${legacy}`;
}
