import { isUserError } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import { recordAudit, type AuditEvent } from '../data/audit.ts';
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

function callerOf(actor: Actor, answerPrivate: boolean): Caller {
  return {
    id: actor.actorId ?? undefined,
    may: (c) => actor.capabilities?.has(c) ?? true,
    // The terminal shows its answers to its operator only.
    private: actor.source === 'console' || answerPrivate,
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
const AUDIT_TIMEOUT_MS = 3_000;

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Whether an error means a store is unreachable or too slow, rather than a bug. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; errno?: unknown } | null;
  if (err instanceof TimeoutError) return true;
  if (isUserError(err)) return err.code === 'unavailable';
  return (
    (typeof e?.code === 'string' && NETWORK_CODES.has(e.code)) ||
    (typeof e?.name === 'string' && MONGO_NETWORK.has(e.name))
  );
}

function withTimeout<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs one invocation: resolve, validate, run, and record it in the audit trail, whatever happens.
 * A reply is only returned once its audit row is written: if the trail cannot be written, nothing is shown.
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
  const base = {
    occurredAt: new Date(ctx.now()),
    ...actor,
    command: pathOf(inv),
  };
  let options: Record<string, unknown> | null = inv.options;
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
    const reply: Reply = {
      ...answer,
      sensitivity: resolved.sub.sensitivity,
      patientIds: answer.patientIds ?? [],
    };
    const rows = reply.table?.rows.length ?? null;
    await withTimeout(
      recordAudit(ctx.sql, {
        ...base,
        options,
        patientIds: reply.patientIds,
        rowCount: rows,
        outcome: rows === 0 ? 'empty' : 'ok',
        latencyMs: Math.round(performance.now() - started),
      }),
      AUDIT_TIMEOUT_MS,
    );
    return { kind: 'reply', reply };
  } catch (error) {
    const unavailable = isUnavailable(error);
    const user = isUserError(error) && !unavailable;
    const reference = `E-${Date.now().toString(36).toUpperCase()}`;
    const written = withTimeout(
      recordAudit(ctx.sql, {
        ...base,
        options,
        patientIds: [],
        rowCount: null,
        outcome: user ? 'invalid' : 'error',
        latencyMs: Math.round(performance.now() - started),
        detail: user
          ? (error as Error).message
          : `reference ${reference}: ${error instanceof Error ? error.message : String(error)}`,
      }),
      AUDIT_TIMEOUT_MS,
    ).catch(() => undefined); // the trail's own store may be the one that is down
    // Nothing was shown, so the answer need not wait for a store that is not answering.
    if (unavailable) return { kind: 'unavailable', error, reference };
    await written;
    return user ? { kind: 'user_error', error: error as Error } : { kind: 'failure', error, reference };
  }
}
