import { randomBytes } from 'node:crypto';
import type { Reply } from '../core/reply.ts';

/**
 * Page state for replies with buttons, kept in the bot process (never in the message) and forgotten after
 * `ttlMs`: after that the buttons answer that they have expired.
 */
export interface PagedReply {
  userId: string;
  reply: Reply;
  pages: string[];
  /** For the audit trail of a CSV download. */
  command: string;
  expiresAt: number;
}

export class Pager {
  private readonly states = new Map<string, PagedReply>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(ttlMs, 60_000));
    this.sweeper.unref();
  }

  add(state: Omit<PagedReply, 'expiresAt'>): string {
    const id = randomBytes(6).toString('hex');
    this.states.set(id, { ...state, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  get(id: string): PagedReply | undefined {
    const s = this.states.get(id);
    if (s && s.expiresAt <= this.now()) {
      this.states.delete(id);
      return undefined;
    }
    return s;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.states) if (s.expiresAt <= now) this.states.delete(id);
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
