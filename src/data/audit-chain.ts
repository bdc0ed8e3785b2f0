import { auditTriggers, chainHead, chainLinkBefore, chainPage } from './audit.queries.ts';
import { onOneConnection, type Db } from './queries.ts';
import { GENESIS_HASH, linkHash } from './audit-hash.ts';

/** Verifying the audit trail's hash chain (audit-hash.ts says how a row is hashed). */

/** What kind of fault a break is. */
export type BreakKind =
  | 'head-missing'
  | 'unhashed'
  | 'link'
  | 'content'
  | 'after-head'
  | 'head-behind'
  | 'head-hash'
  | 'known-head'
  | 'trigger'
  | 'time-order';

export interface ChainBreak {
  /** The audit_event id where the chain breaks (0 when no row is involved). */
  id: number;
  kind: BreakKind;
  problem: string;
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
      /** Rows checked that hash and link as written. */
      rows: number;
      /** The first break's id and problem. */
      id: number;
      problem: string;
      /** Every break in chain order, up to MAX_BREAKS of them; `breakCount` counts them all. */
      breaks: ChainBreak[];
      breakCount: number;
    };

/**
 * The triggers that guard the trail, with the migration that creates each: dropped, the database no
 * longer refuses what they refuse (the chain still shows a changed or deleted row, not a back-dated one).
 */
const GUARDS = [
  {
    name: 'audit_event_no_update',
    on: 'BEFORE UPDATE ON audit_event',
    does: 'refuses changing a row',
    file: '003_audit_append_only.sql',
  },
  {
    name: 'audit_event_no_delete',
    on: 'BEFORE DELETE ON audit_event',
    does: 'refuses deleting a row',
    file: '003_audit_append_only.sql',
  },
  {
    name: 'audit_event_server_time',
    on: 'BEFORE INSERT ON audit_event',
    does: "stamps each row with the server's time",
    file: '004_audit_chain.sql',
  },
  {
    name: 'audit_event_chain_link',
    on: 'BEFORE INSERT ON audit_event',
    does: 'refuses a row not linked to the head',
    file: '009_audit_chain_guard.sql',
  },
  {
    name: 'audit_chain_head_forward',
    on: 'BEFORE UPDATE ON audit_chain_head',
    does: 'lets the head move only forward',
    file: '009_audit_chain_guard.sql',
  },
] as const;

/** How many breaks a report lists; beyond that they are only counted. */
export const MAX_BREAKS = 1_000;

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
 * Walks the chain in one consistent snapshot and reports every broken link, or that it is intact with its
 * head hash.
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

/**
 * Checks every row and goes on past a break: a row that does not link to the one before it is checked
 * against its own prev_hash, a row without a hash is left out (the next row may link past it), and a row
 * whose content fails its hash still anchors the next row by its stored hash (or, if it was forged beside
 * the chain, the next row may link to the row before it). So one rogue row is reported once, and every
 * later break is reported too.
 */
async function walk(db: Db, knownHead: string | undefined, newest: number | undefined): Promise<ChainReport> {
  const head = await chainHead(db);
  const breaks: ChainBreak[] = [];
  let breakCount = 0;
  const broken = (id: number, kind: BreakKind, problem: string) => {
    breakCount++;
    if (breaks.length < MAX_BREAKS) breaks.push({ id, kind, problem });
  };
  const present = new Set(
    (await auditTriggers(db)).map((t) => `${t.name} ${t.timing} ${t.event} ON ${t.table_name}`),
  );
  for (const g of GUARDS)
    if (!present.has(`${g.name} ${g.on}`))
      broken(
        0,
        'trigger',
        `the trigger ${g.name} (${g.on}), which ${g.does}, is missing: it was dropped; recreate it as sql/migrations/${g.file} defines it`,
      );
  if (!head) {
    broken(0, 'head-missing', 'the chain head (audit_chain_head) is missing');
    return brokenReport(0, breaks, breakCount);
  }
  const headId = head.last_event_id === null ? null : Number(head.last_event_id);
  const legacyLastId = head.legacy_last_id === null ? 0 : Number(head.legacy_last_id);

  let rows = 0;
  let legacyRows = 0;
  let previous: { id: number; hash: string } | undefined;
  /** The time of the chained row before: the server stamps rows in chain order, so times never go back. */
  let previousTime: { id: number; at: Date } | undefined;
  /** The row before a row whose content fails its hash: if that row was forged, the next links here. */
  let beforeBad: { id: number; hash: string } | undefined;
  let knownHeadSeen = knownHead === undefined || knownHead === GENESIS_HASH;

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
        if (previous === undefined && id <= legacyLastId) legacyRows++;
        else broken(id, 'unhashed', `row ${id} has no hash: it was written outside the bot's audit chain`);
        continue;
      }
      let sound = true;
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      if (row.prev_hash !== expectedPrev && row.prev_hash !== beforeBad?.hash) {
        sound = false;
        broken(
          id,
          'link',
          previous === undefined
            ? `row ${id} is the first row but links to a row that is not there: earlier rows were deleted or the table was truncated`
            : `row ${id} does not link to row ${previous.id} before it: rows between them were deleted, or row ${id} was written outside the chain`,
        );
      }
      beforeBad = undefined;
      if (row.prev_hash === null || linkHash(row.prev_hash, row) !== row.hash) {
        sound = false;
        beforeBad = previous ?? { id: 0, hash: GENESIS_HASH };
        broken(
          id,
          'content',
          `row ${id}'s contents do not match its hash: it was changed after it was written, or written outside the bot`,
        );
      }
      if (headId === null || id > headId) {
        sound = false;
        broken(
          id,
          'after-head',
          `row ${id} comes after the chain head (${headId === null ? 'no rows' : `row ${headId}`}): it was written outside the chain`,
        );
      }
      if (previousTime && row.occurred_at.getTime() < previousTime.at.getTime()) {
        sound = false;
        broken(
          id,
          'time-order',
          `row ${id} is dated ${row.occurred_at.toISOString()}, before row ${previousTime.id} (${previousTime.at.toISOString()}) ahead of it in the chain: a row was back- or forward-dated with the server-time trigger dropped, or the server's clock was set back`,
        );
      }
      previousTime = { id, at: row.occurred_at };
      if (row.hash === knownHead) knownHeadSeen = true;
      previous = { id, hash: row.hash };
      if (sound) rows++;
    }
    if (page.length < PAGE) break;
  }

  const last = previous?.hash ?? GENESIS_HASH;
  const rowsAfterHead = headId === null ? previous !== undefined : (previous?.id ?? 0) > headId;
  const headBehind = headId !== null && (previous === undefined || previous.id < headId);
  if (headId !== null && headBehind) {
    broken(
      previous?.id ?? headId,
      'head-behind',
      previous === undefined
        ? `the chain head records row ${headId}, but no chained rows are left: the table was emptied (TRUNCATE) or its rows deleted`
        : `the chain head records row ${headId}, but the chain ends at row ${previous.id}: the newest rows were deleted`,
    );
  } else if (head.hash !== last && !rowsAfterHead) {
    broken(
      previous?.id ?? 0,
      'head-hash',
      `the chain head's hash ${short(head.hash)}… does not match the last row's ${short(last)}…: the head or that row was rewritten`,
    );
  }
  if (!knownHeadSeen && knownHead !== undefined && !partial) {
    broken(
      previous?.id ?? 0,
      'known-head',
      `the recorded head ${short(knownHead)}… is not in the chain: rows were removed or the chain was rewritten`,
    );
  }
  if (breakCount > 0) return brokenReport(rows, breaks, breakCount);
  return { intact: true, rows, legacyRows, head: last, partial };
}

function brokenReport(rows: number, breaks: ChainBreak[], breakCount: number): ChainReport {
  const first = breaks[0] ?? { id: 0, problem: 'the chain is broken' };
  return { intact: false, rows, id: first.id, problem: first.problem, breaks, breakCount };
}

/**
 * One line for people: "intact: N rows, head <hash>", "broken at id X: what is wrong", or with several
 * breaks "broken at id X: what is wrong (and N more breaks, the last at id Y)".
 */
export function describeChain(report: ChainReport): string {
  if (!report.intact) {
    const first = `broken at id ${report.id}: ${report.problem}`;
    const more = report.breakCount - 1;
    if (more <= 0) return first;
    const last = report.breaks.length === report.breakCount ? report.breaks.at(-1) : undefined;
    return `${first} (and ${more} more ${more === 1 ? 'break' : 'breaks'}${last ? `, the last at id ${last.id}` : ''})`;
  }
  const legacy =
    report.legacyRows > 0
      ? ` (${report.legacyRows} earlier ${report.legacyRows === 1 ? 'row predates' : 'rows predate'} the chain and are not covered)`
      : '';
  const rows = `${report.partial ? 'the newest ' : ''}${report.rows} ${report.rows === 1 ? 'row' : 'rows'}`;
  return `intact: ${rows}, head ${report.head}${legacy}`;
}
