import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { claimInteraction, deleteOldInteractionClaims } from '../data/pages.queries.ts';
import type { Db } from '../data/queries.ts';
import { TimeoutError, withTimeout } from '../runner/execute.ts';

/** Discord lets an interaction be answered for 15 minutes; a claim is kept a while longer, then dropped. */
const KEEP_CLAIMS_MS = 60 * 60_000;
/** A claim the primary has not answered by then is given up: the interaction is answered anyway. */
const CLAIM_DEADLINE_MS = 1_000;
/** How long the late answer of a claim given up on is kept for stillOurs(). */
const KEEP_UNDECIDED_MS = 60_000;
/** A process that is shutting down waits this long before claiming, so that another one gets there first. */
const SHUTDOWN_YIELD_MS = 1_000;

export interface ClaimOptions {
  /** False once this process has begun shutting down. */
  accepting: () => boolean;
  now?: () => number;
  instance?: string;
  /**
   * The primary failed or did not answer within a second: the interaction is answered anyway (Discord
   * refuses a second acknowledgement, so at worst another process gets 40060).
   */
  onError?: (err: unknown) => void;
}

/**
 * Several processes connected with the same token all receive every interaction: each one claims the
 * interaction id on the primary before acknowledging, and only the process whose INSERT lands answers.
 */
export class InteractionClaims {
  readonly instance: string;
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;
  /** Claims given up on at their deadline, by interaction: what their INSERT says once it lands. */
  private readonly undecided = new Map<string, Promise<boolean>>();

  constructor(
    private readonly db: Db,
    private readonly options: ClaimOptions,
  ) {
    this.instance = options.instance ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => {
      this.removeOld().catch((err: unknown) => options.onError?.(err));
    }, 5 * 60_000);
    this.sweeper.unref();
  }

  /** True when this process is to answer the interaction; false when another process has it. */
  async claim(interactionId: string): Promise<boolean> {
    if (!this.options.accepting()) await sleep(SHUTDOWN_YIELD_MS);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('the claim was not answered within a second')),
        CLAIM_DEADLINE_MS,
      );
    });
    const insert = claimInteraction(this.db, interactionId, this.instance, new Date(this.now()));
    try {
      return await Promise.race([insert, deadline]);
    } catch (err) {
      this.options.onError?.(err);
      // Answered anyway; the INSERT may still land, or find another process's claim: stillOurs() says which.
      const later = insert.catch(() => true);
      this.undecided.set(interactionId, later);
      void later.then(() => {
        setTimeout(() => this.undecided.delete(interactionId), KEEP_UNDECIDED_MS).unref();
      });
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Before writing an audit row: false when this process's claim, given up on at its deadline, has since
   * met another process's (which answers, and audits, the interaction). Waits for it up to `ms`, then says
   * true: the interaction is answered rather than left unanswered. At once when the claim was decided.
   */
  async stillOurs(interactionId: string, ms: number): Promise<boolean> {
    const later = this.undecided.get(interactionId);
    if (!later) return true;
    try {
      return await withTimeout(later, Math.max(0, ms));
    } catch (err) {
      if (err instanceof TimeoutError) return true;
      throw err;
    }
  }

  /** Drops claims older than an hour (of every process): how many went. */
  removeOld(): Promise<number> {
    return deleteOldInteractionClaims(this.db, new Date(this.now() - KEEP_CLAIMS_MS));
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
