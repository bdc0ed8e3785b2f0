import { sanitizeText } from './text.ts';

/**
 * The one place audit rows are built: every front end, job and tool describes what it did with these
 * functions, and src/data/audit.ts appends the result to the chain. Pure: no I/O, no clock.
 */

/** One row of the append-only audit trail: every command run, allowed or not. */
export interface AuditEvent {
  /**
   * Ignored: the database stamps each row with its own clock (migration 004), so no client can
   * back-date one. Callers may stop passing it.
   */
  occurredAt?: Date;
  source: 'discord' | 'console' | 'scheduler' | 'web';
  actorId: string | null;
  actorRoles?: string[];
  guildId?: string | null;
  channelId?: string | null;
  command: string;
  options: Record<string, unknown> | null;
  patientIds: number[];
  rowCount: number | null;
  outcome: 'ok' | 'empty' | 'denied' | 'invalid' | 'error';
  latencyMs: number | null;
  interactionId?: string | null;
  /**
   * What went wrong, for people reading the trail. Rows can never be removed, so it is stored masked as
   * logs are (quoted values, MRNs, a database's statement after "near") and short; a reference is kept.
   */
  detail?: string | null;
}

/** Who acted, as a row names them: a member in Discord, the terminal's operator, or the scheduler. */
export type AuditActor = Pick<
  AuditEvent,
  'source' | 'actorId' | 'actorRoles' | 'guildId' | 'channelId' | 'interactionId'
>;

/** Option values as the trail stores them: text without control characters or lone surrogates. */
export function optionsForTheRecord(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(options).map(([k, v]) => [k, typeof v === 'string' ? sanitizeText(v) : v]),
  );
}

const recorded = (options: Record<string, unknown> | null) =>
  options === null ? null : optionsForTheRecord(options);

/** An answer that was shown: every patient it names, and how many rows (0 is "empty"). */
export function answered(
  actor: AuditActor,
  command: string,
  shown: {
    options: Record<string, unknown> | null;
    patientIds: readonly number[];
    rowCount: number | null;
    latencyMs: number | null;
  },
): AuditEvent {
  return {
    ...actor,
    command,
    options: recorded(shown.options),
    patientIds: [...shown.patientIds],
    rowCount: shown.rowCount,
    outcome: shown.rowCount === 0 ? 'empty' : 'ok',
    latencyMs: shown.latencyMs,
  };
}

/** A refusal (no role, not the invoker, rate limited): it shows nothing. */
export function denied(
  actor: AuditActor,
  command: string,
  reason: string,
  options: Record<string, unknown> | null = null,
): AuditEvent {
  return {
    ...actor,
    command,
    options: recorded(options),
    patientIds: [],
    rowCount: null,
    outcome: 'denied',
    latencyMs: null,
    detail: reason,
  };
}

/** A mistake of the asker's ("invalid", naming any patients its message names) or a failure ("error"). */
export function failed(
  actor: AuditActor,
  command: string,
  failure: {
    outcome: 'invalid' | 'error';
    detail: string;
    options?: Record<string, unknown> | null;
    patientIds?: readonly number[];
    latencyMs?: number | null;
  },
): AuditEvent {
  return {
    ...actor,
    command,
    options: recorded(failure.options ?? null),
    patientIds: [...(failure.patientIds ?? [])],
    rowCount: null,
    outcome: failure.outcome,
    latencyMs: failure.latencyMs ?? null,
    detail: failure.detail,
  };
}

/**
 * An answer of "temporarily unavailable" given because something it needed could not be had (`what`: the
 * rate limit could not be checked, the page state could not be read): it shows nothing.
 */
export function unavailable(
  actor: AuditActor,
  command: string,
  outage: { reference: string; what: string; options?: Record<string, unknown> | null },
): AuditEvent {
  return failed(actor, command, {
    outcome: 'error',
    options: outage.options ?? null,
    detail: `reference ${outage.reference}: temporarily unavailable (${outage.what})`,
  });
}

/** Discord refused an answer (a 400, a 5xx...), so it was not shown; `code` is Discord's error code. */
export function rejectedByDiscord(
  actor: AuditActor,
  command: string,
  reference: string,
  code: string,
): AuditEvent {
  return failed(actor, command, {
    outcome: 'error',
    detail: `reference ${reference}: Discord rejected the reply (error ${code}); it was not shown`,
  });
}

/**
 * What became of one post of the scheduler's (the daily summary, an alert) in a channel. `forcedBy` names
 * the member who asked for it (an administrator's re-post); otherwise the scheduler instance acted.
 */
export function channelPost(post: {
  instance: string;
  forcedBy?: string;
  channelId: string;
  command: string;
  options: Record<string, unknown>;
  outcome: 'ok' | 'error';
  detail: string;
}): AuditEvent {
  return {
    source: post.forcedBy ? 'discord' : 'scheduler',
    actorId: post.forcedBy ?? post.instance,
    channelId: post.channelId,
    command: post.command,
    options: post.options,
    patientIds: [],
    rowCount: null,
    outcome: post.outcome,
    latencyMs: null,
    detail: post.detail,
  };
}

/** An operator's command in the terminal (a data load, a migration) that reads no patient. */
export function operatorAction(
  actorId: string,
  command: string,
  options: Record<string, unknown>,
  detail: string,
): AuditEvent {
  return {
    source: 'console',
    actorId,
    command,
    options,
    patientIds: [],
    rowCount: null,
    outcome: 'ok',
    latencyMs: null,
    detail,
  };
}
