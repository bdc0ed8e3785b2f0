import { randomBytes } from 'node:crypto';
import type { Reply } from '../core/reply.ts';
import {
  addPageState,
  deleteExpiredPageStates,
  evictPageStates,
  getPageState,
  pageStateTotals,
  touchPageState,
} from '../data/pages.queries.ts';
import type { Db } from '../data/queries.ts';

/**
 * Page state for replies with buttons, kept in MySQL (never in the message, never in one process's memory)
 * and forgotten after `ttlMs`, or sooner when the store is full: after that the buttons answer that they
 * have expired. Any process connected to the same database can answer a button, also after a restart.
 */
export interface PagedReply {
  userId: string;
  reply: Reply;
  pages: string[];
  /** For the audit trail of a CSV download. */
  command: string;
  /**
   * The answer was made for someone holding the patient-records role, so it may show patient identifiers:
   * its buttons answer only while the presser still holds it.
   */
  needsPhi: boolean;
  expiresAt: number;
}

/** How much the store may hold, for the whole database; past either limit the least recently used go first. */
export interface PagerLimits {
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_PAGER_LIMITS: PagerLimits = { maxEntries: 1_000, maxBytes: 32 * 1024 * 1024 };

/** Fixed cost of one state beyond its text: the id, the row and its index entries. */
const ENTRY_OVERHEAD_BYTES = 256;

/** About what a state occupies: its text counted as UTF-16, plus a fixed overhead. */
export function approximateBytes(state: Omit<PagedReply, 'expiresAt'>): number {
  let chars = JSON.stringify(state.reply).length + state.command.length + state.userId.length;
  for (const page of state.pages) chars += page.length;
  return 2 * chars + ENTRY_OVERHEAD_BYTES;
}

export interface PagerOptions {
  ttlMs: number;
  limits?: Partial<PagerLimits>;
  now?: () => number;
  /** A state that could not be stored: the reply goes out without buttons. Never given the state itself. */
  onError?: (err: unknown) => void;
}

export class Pager {
  private readonly limits: PagerLimits;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;

  /** `db` is the primary: page state is written on every reply with buttons. */
  constructor(
    private readonly db: Db,
    private readonly options: PagerOptions,
  ) {
    this.limits = { ...DEFAULT_PAGER_LIMITS, ...options.limits };
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(
      () => {
        deleteExpiredPageStates(this.db, new Date(this.now())).catch((err: unknown) =>
          options.onError?.(err),
        );
      },
      Math.min(this.ttlMs, 60_000),
    );
    this.sweeper.unref();
  }

  /**
   * Keeps `state` and returns its id, or undefined when it alone is larger than the whole store or the
   * database did not take it.
   */
  async add(state: Omit<PagedReply, 'expiresAt'>): Promise<string | undefined> {
    const bytes = approximateBytes(state);
    if (bytes > this.limits.maxBytes || this.limits.maxEntries < 1) return undefined;
    const id = randomBytes(6).toString('hex');
    const now = this.now();
    try {
      await addPageState(this.db, {
        id,
        userId: state.userId,
        command: state.command,
        body: JSON.stringify({ reply: state.reply, pages: state.pages, needsPhi: state.needsPhi }),
        bytes,
        now: new Date(now),
        expiresAt: new Date(now + this.ttlMs),
      });
    } catch (err) {
      this.options.onError?.(err);
      return undefined;
    }
    // The state is kept: should this housekeeping fail, its buttons still work, and the next add (or the
    // sweep) brings the store back within its caps.
    try {
      await deleteExpiredPageStates(this.db, new Date(now));
      await evictPageStates(this.db, this.limits.maxEntries, this.limits.maxBytes);
    } catch (err) {
      this.options.onError?.(err);
    }
    return id;
  }

  /** The state, if it has not expired or been evicted; a read makes it the most recently used. */
  async get(id: string): Promise<PagedReply | undefined> {
    const now = new Date(this.now());
    const row = await getPageState(this.db, id, now);
    if (!row) return undefined;
    await touchPageState(this.db, row.seq, now);
    const body = JSON.parse(row.body) as { reply: Reply; pages: string[]; needsPhi?: boolean };
    return {
      userId: row.user_id,
      command: row.command,
      reply: body.reply,
      pages: body.pages,
      // A state stored before the flag existed is treated as showing identifiers.
      needsPhi: body.needsPhi ?? true,
      expiresAt: row.expires_at.getTime(),
    };
  }

  /** What the store holds now, across every process. */
  stats(): Promise<{ entries: number; bytes: number }> {
    return pageStateTotals(this.db);
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}

/** Button ids: `hers:page:<state>:<page>` and `hers:csv:<state>`. */
export function pageButtonId(state: string, page: number): string {
  return `hers:page:${state}:${page}`;
}
export function csvButtonId(state: string): string {
  return `hers:csv:${state}`;
}
export function parseButtonId(
  id: string,
): { kind: 'page'; state: string; page: number } | { kind: 'csv'; state: string } | undefined {
  const m = /^hers:(page|csv):([0-9a-f]{12})(?::(\d{1,4}))?$/.exec(id);
  if (!m) return undefined;
  if (m[1] === 'page' && m[3] !== undefined) return { kind: 'page', state: m[2] ?? '', page: Number(m[3]) };
  if (m[1] === 'csv') return { kind: 'csv', state: m[2] ?? '' };
  return undefined;
}
