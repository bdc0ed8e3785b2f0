import type { Command, Context } from '../../commands/shared/command.ts';
import { isUserError } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import { recordAudit, type AuditEvent } from '../data/audit.ts';
import { resolveInvocation, validateOptions, type Invocation } from './invocation.ts';

export interface Actor {
  source: AuditEvent['source'];
  actorId: string | null;
  actorRoles?: string[];
  guildId?: string | null;
  channelId?: string | null;
  interactionId?: string | null;
}

export type Outcome =
  | { kind: 'reply'; reply: Reply }
  | { kind: 'user_error'; error: Error }
  | { kind: 'failure'; error: unknown; reference: string };

/**
 * Runs one invocation: resolve, validate, run, and record it in the audit trail, whatever happens.
 * A reply is only returned once its audit row is written: if the trail cannot be written, nothing is shown.
 */
export async function execute(
  commands: ReadonlyMap<string, Command>,
  inv: Invocation,
  ctx: Context,
  actor: Actor,
): Promise<Outcome> {
  const started = performance.now();
  const base = {
    occurredAt: new Date(ctx.now()),
    ...actor,
    command: `/${inv.command}${inv.subcommand ? ` ${inv.subcommand}` : ''}`,
  };
  let options: Record<string, unknown> | null = inv.options;
  try {
    const resolved = resolveInvocation(commands, inv);
    options = validateOptions(resolved, inv.options) as Record<string, unknown>;
    const reply = await resolved.sub.run(options, ctx);
    const rows = reply.table?.rows.length ?? null;
    await recordAudit(ctx.sql, {
      ...base,
      options,
      patientIds: reply.patientIds,
      rowCount: rows,
      outcome: rows === 0 ? 'empty' : 'ok',
      latencyMs: Math.round(performance.now() - started),
    });
    return { kind: 'reply', reply };
  } catch (error) {
    const user = isUserError(error);
    const reference = `E-${Date.now().toString(36).toUpperCase()}`;
    await recordAudit(ctx.sql, {
      ...base,
      options,
      patientIds: [],
      rowCount: null,
      outcome: user ? 'invalid' : 'error',
      latencyMs: Math.round(performance.now() - started),
      detail: user
        ? (error as Error).message
        : `reference ${reference}: ${error instanceof Error ? error.message : String(error)}`,
    }).catch(() => undefined);
    return user ? { kind: 'user_error', error: error as Error } : { kind: 'failure', error, reference };
  }
}
