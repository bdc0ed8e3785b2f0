import { randomBytes } from 'node:crypto';
import { isUserError, type UserError } from '../core/errors.ts';
import * as audit from '../core/audit-event.ts';
import type { AuditActor, AuditEvent } from '../core/audit-event.ts';
import { sanitizeText } from '../core/text.ts';
import type { Reply } from '../core/reply.ts';
import { recordAudit } from '../data/audit.ts';
import { isPrivateAnswer, type Caller, type Capability, type Command, type Context } from './command.ts';
import {
  pathOf,
  resolveInvocation,
  runOptions,
  validateOptions,
  type Invocation,
  type Resolved,
} from './invocation.ts';

export interface Actor {
  source: AuditEvent['source'];
  actorId: string | null;
  actorRoles?: string[];
  guildId?: string | null;
  channelId?: string | null;
  interactionId?: string | null;
  /**
   * What the member's roles allow (Discord). Absent in the terminal, whose operator runs hers-bot on the
   * database's own credentials and may do everything.
   */
  capabilities?: ReadonlySet<Capability>;
}

/** Who an audit row names: the actor without what their roles allow. */
export function auditedActor(actor: Actor): AuditActor {
  return {
    source: actor.source,
    actorId: actor.actorId,
    actorRoles: actor.actorRoles,
    guildId: actor.guildId,
    channelId: actor.channelId,
    interactionId: actor.interactionId,
  };
}

function callerOf(actor: Actor, answerPrivate: boolean): Caller {
  return {
    id: actor.actorId ?? undefined,
    may: (c) => actor.capabilities?.has(c) ?? true,
    // The terminal shows its answers to its operator only.
    private: actor.source === 'console' || answerPrivate,
    channelId: actor.channelId ?? undefined,
    guildId: actor.guildId ?? undefined,
  };
}

export type Outcome =
  | { kind: 'reply'; reply: Reply }
  | { kind: 'user_error'; error: Error }
  /** A database did not answer, or not in time: worth trying again shortly. */
  | { kind: 'unavailable'; error: unknown; reference: string }
  | { kind: 'failure'; error: unknown; reference: string };

export interface ExecuteOptions {
  /** Give up and answer "temporarily unavailable" after this long. */
  timeoutMs?: number;
}

/** A command must answer within this, in Discord and in the terminal, or it is "temporarily unavailable". */
export const COMMAND_TIMEOUT_MS = 10_000;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
]);
const MONGO_NETWORK = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoTopologyClosedError',
]);

/** An audit write that takes longer means the database is in trouble: the answer must not wait on it. */
export const AUDIT_TIMEOUT_MS = 3_000;
/** After giving up on an audit write, how long a COMMIT already sent may take to say whether it landed. */
const COMMIT_GRACE_MS = 1_000;

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * A statement stopped by the server's per-statement limit (MariaDB max_statement_time 1969, MySQL
 * max_execution_time 3024), or one that gave up waiting for a lock another session holds (1205, e.g. the
 * audit chain's head, whose wait is bounded in src/data/audit.ts): the database is busy, not broken.
 */
const STATEMENT_TIMEOUT_ERRNOS = new Set([1969, 3024, 1205]);

/** Whether an error means a store is unreachable or too slow, rather than a bug. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; errno?: unknown } | null;
  if (err instanceof TimeoutError) return true;
  if (isUserError(err)) return err.code === 'unavailable';
  return (
    (typeof e?.code === 'string' && NETWORK_CODES.has(e.code)) ||
    (typeof e?.errno === 'number' && STATEMENT_TIMEOUT_ERRNOS.has(e.errno)) ||
    (typeof e?.name === 'string' && MONGO_NETWORK.has(e.name))
  );
}

/** `work`, or a TimeoutError after `ms` (the work itself goes on). */
export function withTimeout<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A reference a person can quote and an operator can find in the logs and the audit trail. */
export function newReference(): string {
  return `E-${Date.now().toString(36).toUpperCase()}${randomBytes(2).toString('hex').toUpperCase()}`;
}

/**
 * Writes an audit row that must be on the record before its answer is shown, within `ms`. Past that the
 * write is called off (rolled back, not committed late), unless its COMMIT was already on its way: then
 * the answer follows what the trail says. Rejects when the row was not written.
 */
export async function auditFirst(ctx: Pick<Context, 'sql'>, event: AuditEvent, ms: number): Promise<void> {
  const controller = new AbortController();
  const write = recordAudit(ctx.sql, event, { signal: controller.signal });
  try {
    await withTimeout(write, ms);
  } catch (err) {
    if (!(err instanceof TimeoutError)) throw err;
    controller.abort();
    await withTimeout(write, COMMIT_GRACE_MS).catch(() => {
      throw err;
    });
  }
}

/** Writes an audit row for an answer that shows nothing of a patient: waited for within `ms`, never required. */
export async function auditBestEffort(
  ctx: Pick<Context, 'sql'>,
  event: AuditEvent,
  ms: number,
): Promise<boolean> {
  return withTimeout(recordAudit(ctx.sql, event), ms).then(
    () => true,
    () => false, // the trail's own store may be the one that is down
  );
}

/**
 * Runs one invocation: resolve, validate, run, and record it in the audit trail, whatever happens.
 * A reply, or a mistake naming patients, is only returned once its audit row is written: if the trail cannot
 * be written, the answer is "temporarily unavailable" and shows nothing. Past the deadline (`timeoutMs`) the
 * answer is "temporarily unavailable", and so is the audit row: a reply that comes later is not recorded.
 */
export async function execute(
  /** The catalogue to resolve `inv` in, or the subcommand a front end has already resolved. */
  target: ReadonlyMap<string, Command> | Resolved,
  inv: Invocation,
  ctx: Context,
  actor: Actor,
  opts: ExecuteOptions = {},
): Promise<Outcome> {
  const started = performance.now();
  const who = auditedActor(actor);
  const command = pathOf(inv);
  const latencyMs = () => Math.round(performance.now() - started);
  let options: Record<string, unknown> | null = inv.options;
  let error: unknown;
  try {
    const resolved = target instanceof Map ? resolveInvocation(target, inv) : (target as Resolved);
    options = validateOptions(resolved, inv.options);
    const answer = await withTimeout(
      resolved.sub.run(
        runOptions(resolved.sub, options, ctx),
        ctx,
        callerOf(actor, isPrivateAnswer(resolved.sub, options)),
      ),
      opts.timeoutMs,
    );
    // The declaration, not the answer, says how sensitive it is.
    const { recorded, ...body } = answer;
    const reply: Reply = {
      ...body,
      sensitivity: resolved.sub.sensitivity,
      patientIds: answer.patientIds ?? [],
    };
    const rows = reply.table?.rows.length ?? null;
    await auditFirst(
      ctx,
      audit.answered(who, command, {
        options: recorded ? { ...options, ...recorded } : options,
        patientIds: reply.patientIds,
        rowCount: rows,
        latencyMs: latencyMs(),
      }),
      AUDIT_TIMEOUT_MS,
    );
    return { kind: 'reply', reply };
  } catch (err) {
    error = err;
  }
  const unavailable = isUnavailable(error);
  const user = isUserError(error) && !unavailable;
  const reference = newReference();
  const message = error instanceof Error ? error.message : String(error);
  const named = user ? [...(error as UserError).patientIds] : [];
  const event = audit.failed(who, command, {
    outcome: user ? 'invalid' : 'error',
    options,
    patientIds: named,
    latencyMs: latencyMs(),
    detail: user
      ? sanitizeText(message)
      : `reference ${reference}: ${unavailable ? 'temporarily unavailable' : 'failed'} (${sanitizeText(message)})`,
  });
  if (named.length > 0) {
    // The answer names patients: it is shown only once the trail says so.
    try {
      await auditFirst(ctx, event, AUDIT_TIMEOUT_MS);
    } catch (auditError) {
      await auditBestEffort(
        ctx,
        audit.failed(who, command, {
          outcome: 'error',
          options,
          latencyMs: event.latencyMs,
          detail: `reference ${reference}: temporarily unavailable (the audit row of an answer naming patients was not written)`,
        }),
        AUDIT_TIMEOUT_MS,
      );
      return { kind: 'unavailable', error: auditError, reference };
    }
    return { kind: 'user_error', error: error as Error };
  }
  // Nothing of a patient is shown, so the answer goes out regardless of its row. An outage's row is written
  // once the store answers (a hung statement stops itself at the server's limit): the answer does not wait.
  const written = auditBestEffort(ctx, event, AUDIT_TIMEOUT_MS);
  if (unavailable) return { kind: 'unavailable', error, reference };
  await written;
  return user ? { kind: 'user_error', error: error as Error } : { kind: 'failure', error, reference };
}
