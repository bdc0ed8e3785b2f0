import { randomBytes } from 'node:crypto';
import type { Reply } from '../core/reply.ts';

/**
 * Page state for replies with buttons, kept in the bot process (never in the message) and forgotten after
 * `ttlMs`, or sooner when the store is full: after that the buttons answer that they have expired.
 */
export interface PagedReply {
  userId: string;
  reply: Reply;
  pages: string[];
  /** For the audit trail of a CSV download. */
  command: string;
  expiresAt: number;
}

/** How much the store may hold; past either limit the least recently used states go first. */
export interface PagerLimits {
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_PAGER_LIMITS: PagerLimits = { maxEntries: 1_000, maxBytes: 32 * 1024 * 1024 };

interface Entry {
  state: PagedReply;
  bytes: number;
}

/** Fixed cost of one state beyond its text: the id, the entry and map slots. */
const ENTRY_OVERHEAD_BYTES = 256;

/** About what a state occupies in memory: its text as UTF-16, plus a fixed overhead. */
export function approximateBytes(state: Omit<PagedReply, 'expiresAt'>): number {
  let chars = JSON.stringify(state.reply).length + state.command.length + state.userId.length;
  for (const page of state.pages) chars += page.length;
  return 2 * chars + ENTRY_OVERHEAD_BYTES;
}

export class Pager {
  /** In order of use, least recent first (a Map keeps insertion order; a read re-inserts). */
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;
  private readonly limits: PagerLimits;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    limits: Partial<PagerLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_PAGER_LIMITS, ...limits };
    this.sweeper = setInterval(() => this.sweep(), Math.min(ttlMs, 60_000));
    this.sweeper.unref();
  }

  /** Keeps `state` and returns its id, or undefined when it alone is larger than the whole store. */
  add(state: Omit<PagedReply, 'expiresAt'>): string | undefined {
    const bytes = approximateBytes(state);
    if (bytes > this.limits.maxBytes || this.limits.maxEntries < 1) return undefined;
    const id = randomBytes(6).toString('hex');
    this.entries.set(id, { state: { ...state, expiresAt: this.now() + this.ttlMs }, bytes });
    this.totalBytes += bytes;
    this.evict();
    return id;
  }

  get(id: string): PagedReply | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.delete(id);
    if (entry.state.expiresAt <= this.now()) return undefined;
    this.entries.set(id, entry);
    this.totalBytes += entry.bytes;
    return entry.state;
  }

  /** What the store holds now. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.totalBytes };
  }

  private evict(): void {
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.totalBytes <= this.limits.maxBytes) return;
      this.delete(id);
    }
  }

  private delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.totalBytes -= entry.bytes;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, e] of this.entries) if (e.state.expiresAt <= now) this.delete(id);
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
