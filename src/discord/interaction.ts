import {
  DiscordAPIError,
  GuildMember,
  MessageFlags,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import type { Config } from '../config.ts';
import * as audit from '../core/audit-event.ts';
import type { Logger } from '../log.ts';
import type { Capability, Command, Context } from '../runner/command.ts';
import {
  AUDIT_TIMEOUT_MS,
  auditBestEffort,
  auditedActor,
  newReference,
  type Actor,
} from '../runner/execute.ts';
import type { Invocation } from '../runner/invocation.ts';
import { describeOutcome } from '../runner/outcome.ts';
import { decide, type Member } from './access.ts';
import type { Pager } from './pager.ts';

/**
 * What the handlers of every interaction kind share: who is asking and what they may do, the flags of a
 * private answer, the row of a refusal, and what happens when Discord refuses an answer.
 */

export interface HandlerDeps {
  commands: ReadonlyMap<string, Command>;
  ctx: Context;
  config: Config;
  log: Logger;
  pager: Pager;
  /** True when this process is to answer the interaction (see claims.ts). */
  claim: (interactionId: string) => Promise<boolean>;
  /**
   * Before an audit row of an interaction whose claim was given up on: false once another process turns out
   * to hold it (see InteractionClaims.stillOurs); waits `ms` at most.
   */
  stillOurs: (interactionId: string, ms: number) => Promise<boolean>;
  /** False once shutdown has begun. */
  accepting: () => boolean;
}

/** Within Discord's 3 s, how long the audit row of an answer that must be given at once may take. */
export const QUICK_AUDIT_MS = 1_500;

/** A message only the asker sees. */
export const privately = (content: string) => ({ content, flags: MessageFlags.Ephemeral }) as const;

/** Discord's error code for a rejected request (50035, 10062...), else its HTTP status, else the error's name. */
export function discordCode(err: unknown): string {
  if (err instanceof DiscordAPIError) return String(err.code || err.status);
  const e = err as { code?: unknown; status?: unknown; name?: unknown } | null;
  return String(e?.code ?? e?.status ?? e?.name ?? 'unknown');
}

/** The interaction expired before it was answered: nothing more can be sent for it. */
export const isExpired = (err: unknown) =>
  err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction;

export function memberOf(i: Interaction): Member {
  const m = i.member;
  const roleIds = m instanceof GuildMember ? [...m.roles.cache.keys()] : (m?.roles ?? []);
  return { userId: i.user.id, roleIds: Array.isArray(roleIds) ? roleIds : [], channelId: i.channelId };
}

const CAPABILITIES: readonly Capability[] = ['phi', 'reports', 'admin'];

export function actorOf(i: Interaction, member: Member, config: Config): Actor {
  return {
    source: 'discord',
    actorId: i.user.id,
    actorRoles: [...member.roleIds],
    guildId: i.guildId,
    channelId: i.channelId,
    interactionId: i.id,
    // What the member may do here and now, channel restrictions included.
    capabilities: new Set(CAPABILITIES.filter((c) => decide(config, member, c).allowed)),
  };
}

/** The chat-input options as Discord delivered them, flattened under the subcommand (and its group). */
export function invocationOf(i: ChatInputCommandInteraction | AutocompleteInteraction): Invocation {
  const group = i.options.getSubcommandGroup(false);
  const sub = i.options.getSubcommand(false) ?? '';
  const top = i.options.data;
  const leaves: readonly CommandInteractionOption[] = group
    ? (top[0]?.options?.[0]?.options ?? [])
    : sub
      ? (top[0]?.options ?? [])
      : top;
  const options: Invocation['options'] = {};
  for (const o of leaves) if (o.value !== undefined && o.value !== null) options[o.name] = o.value;
  return { command: i.commandName, subcommand: group ? `${group} ${sub}` : sub, options };
}

/** The row of a refusal (no role, not the invoker, rate limited): it shows nothing, so it waits briefly. */
export const auditDenied = (
  ctx: Pick<Context, 'sql'>,
  actor: Actor,
  command: string,
  reason: string,
  options: Record<string, unknown> | null = null,
) => auditBestEffort(ctx, audit.denied(auditedActor(actor), command, reason, options), QUICK_AUDIT_MS);

/**
 * Something an answer needed could not be had (`what`: the rate limit, the page state, the answer's link):
 * the log line gets a new reference and the error (through the log's serializer), the audit trail an
 * `unavailable` row it does not wait for (nothing is shown), and the member the message naming the
 * reference, which this returns.
 */
export function answerUnavailable(
  deps: Pick<HandlerDeps, 'ctx' | 'log'>,
  actor: Actor,
  command: string,
  outage: { what: string; err: unknown; logMessage: string; options?: Record<string, unknown> | null },
): string {
  const reference = newReference();
  deps.log.warn(
    { interactionId: actor.interactionId, command, reference, err: outage.err },
    outage.logMessage,
  );
  void auditBestEffort(
    deps.ctx,
    audit.unavailable(auditedActor(actor), command, {
      reference,
      what: outage.what,
      options: outage.options,
    }),
    AUDIT_TIMEOUT_MS,
  );
  return describeOutcome({ kind: 'unavailable', error: outage.err, reference }).message;
}

/**
 * Discord refused an answer to a command (a 400 for a message it will not take, a 5xx...): the person is
 * told so privately, with a reference; the log line and the audit row say which interaction, command and
 * error, and nothing of what the answer held. An expired interaction (10062) cannot be told anything.
 */
export async function answerRejected(
  deps: Pick<HandlerDeps, 'ctx' | 'log'>,
  i: ChatInputCommandInteraction,
  actor: Actor,
  path: string,
  err: unknown,
): Promise<void> {
  if (isExpired(err)) throw err;
  const reference = newReference();
  const code = discordCode(err);
  deps.log.error({ interactionId: i.id, command: path, code, reference }, 'Discord rejected the reply');
  await auditBestEffort(
    deps.ctx,
    audit.rejectedByDiscord(auditedActor(actor), path, reference, code),
    AUDIT_TIMEOUT_MS,
  );
  await i.deleteReply().catch(() => undefined);
  await i.followUp(
    privately(
      `Discord did not accept the answer (error ${code}), so it could not be shown. Please try again; if it happens again, quote reference ${reference}.`,
    ),
  );
}
