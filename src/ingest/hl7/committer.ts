import type { PoolConnection } from 'mysql2/promise';
import type { Pool } from '../../data/mysql.ts';
import type { Logger } from '../../log.ts';
import type { Outcome } from './ack.ts';
import { applyAdt } from './apply.ts';
import { batchable } from './batch-apply.ts';
import { commitGroup } from './batch-commit.ts';
import type { Header } from './header.ts';
import * as q from '../../data/hl7.queries.ts';
import type { Prepared } from './prepare.ts';
import { Rejection } from './rejection.ts';

/**
 * Group commit: the messages waiting in a lane are applied in one MySQL transaction, each with its raw
 * message, and acknowledged only after that transaction commits. A group is applied with a fixed number of
 * statements (batch-commit.ts: every message validated in memory before anything is written, one multi-row
 * write per table). A group holding an A11 or A40, or one whose multi-row write the database refuses for a
 * value (a constraint, a value out of range), is applied message by message instead, each message undone
 * alone (to its savepoint) and answered AE if it fails. A transaction that fails as a whole (deadlock, lost
 * connection) is tried again, then every message in it is answered AE, and nothing of it is kept. A
 * connection's messages always go to the same lane, so they are applied in the order they came.
 */

interface Job {
  prepared: Prepared;
  receivedAt: number;
  resolve: (outcome: Outcome) => void;
}

const MAX_BATCH = 200;
const ATTEMPTS = 5;
/**
 * Failures of the transaction, not of a message: a deadlock, a lock wait, or a duplicate key (two lanes
 * creating the same new patient at once: tried again, the second finds the first's row).
 */
const RETRIED = ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'ER_DUP_ENTRY'];

/** The pool's connections whose session already reads committed (q.readCommitted). */
const readCommittedSessions = new WeakSet<object>();

export class GroupCommitter {
  private readonly lanes: Lane[];

  constructor(pool: Pool, lanes: number, log: Logger) {
    this.lanes = Array.from({ length: lanes }, () => new Lane(pool, log));
  }

  submit(lane: number, prepared: Prepared, receivedAt = Date.now()): Promise<Outcome> {
    if (!prepared.store) return Promise.resolve(refusal(prepared.rejection));
    const target = this.lanes[lane % this.lanes.length] as Lane;
    return new Promise((resolve) => target.push({ prepared, receivedAt, resolve }));
  }

  /** Resolves once every message submitted so far is answered. */
  async idle(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.idle()));
  }
}

class Lane {
  private queue: Job[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly log: Logger,
  ) {}

  push(job: Job): void {
    this.queue.push(job);
    this.running ??= this.run().finally(() => (this.running = undefined));
  }

  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const outcomes = await this.commit(batch);
      batch.forEach((job, i) => job.resolve(outcomes[i] ?? unavailable));
    }
  }

  private async commit(batch: Job[]): Promise<Outcome[]> {
    let grouped = batch.every((j) => j.prepared.event === undefined || batchable(j.prepared.event));
    for (let attempt = 1; ; attempt++) {
      let conn: PoolConnection | undefined;
      try {
        conn = await this.pool.getConnection();
        if (!readCommittedSessions.has(conn.connection)) {
          await q.readCommitted(conn);
          readCommittedSessions.add(conn.connection);
        }
        await conn.beginTransaction();
        let outcomes: Outcome[] = [];
        if (grouped) outcomes = await commitGroup(conn, batch);
        else for (const job of batch) outcomes.push(await applyOne(conn, job));
        await conn.commit();
        conn.release();
        return outcomes;
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (conn)
          await conn.rollback().then(
            () => conn?.release(),
            () => conn?.destroy(),
          );
        if (grouped && isDataError(err)) {
          // One message's value the database refuses: again one by one, so that only that message fails.
          grouped = false;
          attempt--;
          continue;
        }
        const again = attempt < ATTEMPTS && typeof code === 'string' && RETRIED.includes(code);
        this.log.warn({ code, messages: batch.length, attempt, retry: again }, 'hl7 transaction failed');
        if (!again) return batch.map(() => unavailable);
      }
    }
  }
}

const unavailable: Outcome = {
  ack: 'AE',
  errorCode: '207',
  field: 'MSH',
  reason: 'could not be stored (the database did not commit it): send it again',
};

function refusal(r: Rejection | undefined): Outcome {
  return r === undefined
    ? unavailable
    : { ack: r.ack, errorCode: r.errorCode, field: r.field, reason: r.reason };
}

/** A failure of one message's data (a constraint, a value out of range), not of the transaction. */
function isDataError(err: unknown): boolean {
  if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
  const state = String((err as { sqlState?: unknown }).sqlState ?? '');
  return state.startsWith('22') || state.startsWith('23');
}

async function applyOne(conn: PoolConnection, job: Job): Promise<Outcome> {
  const p = job.prepared;
  const h = p.header as Header;
  if ((await q.previousOutcome(conn, h.sender, h.controlId)) === 'AA') return { ack: 'AA' };
  let outcome: Outcome;
  if (p.event) {
    await q.savepoint(conn);
    try {
      await applyAdt(conn, p.event);
      outcome = { ack: 'AA' };
    } catch (err) {
      if (!(err instanceof Rejection) && !isDataError(err)) throw err;
      await q.rollbackToSavepoint(conn);
      outcome =
        err instanceof Rejection
          ? refusal(err)
          : {
              ack: 'AE',
              errorCode: '207',
              field: 'MSH',
              reason: `could not be applied: the database refused it (${String((err as { code?: unknown }).code)})`,
            };
    }
  } else outcome = refusal(p.rejection);
  await q.saveMessage(conn, {
    sender: h.sender,
    controlId: h.controlId,
    messageType: (h.type ?? '').slice(0, 20),
    eventAt: p.event ? new Date(p.event.eventAt) : null,
    receivedAt: new Date(job.receivedAt),
    outcome: outcome.ack,
    errorField: outcome.ack === 'AA' ? null : outcome.field.slice(0, 20),
    errorReason: outcome.ack === 'AA' ? null : outcome.reason.slice(0, 255),
    raw: p.text,
  });
  return outcome;
}
