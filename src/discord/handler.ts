import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  GuildMember,
  MessageFlags,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import type { Config } from '../config.ts';
import { isUserError } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import { sanitizeText } from '../core/text.ts';
import { patientIdsNamedIn } from '../data/disclosure.queries.ts';
import { hitRateLimit, type RateDecision } from '../data/rate-limit.queries.ts';
import type { Logger } from '../log.ts';
import { renderChart } from '../render/chart.ts';
import { toCsv } from '../render/csv.ts';
import { isPrivateAnswer, type Capability, type Command, type Context } from '../runner/command.ts';
import {
  AUDIT_TIMEOUT_MS,
  auditBestEffort,
  auditedActor,
  auditFirst,
  COMMAND_TIMEOUT_MS,
  execute,
  newReference,
  optionsForTheRecord,
  withTimeout,
  type Actor,
} from '../runner/execute.ts';
import { pathOf, resolveInvocation, subcommandAt, type Invocation } from '../runner/invocation.ts';
import { describeOutcome } from '../runner/outcome.ts';
import { decide, type Member } from './access.ts';
import { replyPages } from './message.ts';
import { csvButtonId, pageButtonId, parseButtonId, type Pager } from './pager.ts';

export interface HandlerDeps {
  commands: ReadonlyMap<string, Command>;
  ctx: Context;
  config: Config;
  log: Logger;
  pager: Pager;
  /** True when this process is to answer the interaction (see claims.ts). */
  claim: (interactionId: string) => Promise<boolean>;
  /** False once shutdown has begun. */
  accepting: () => boolean;
}

/** Discord waits 3 s for an autocomplete answer, and for the first answer to a button or a denial. */
const AUTOCOMPLETE_BUDGET_MS = 2_500;
/** Within the 3 s, how long the audit row of an answer that must be given at once may take. */
const QUICK_AUDIT_MS = 1_500;
/** How long a rate limit check may take. */
const RATE_CHECK_MS = 1_000;
/** How long a button waits for its page state before saying the data is unavailable. */
const PAGE_STATE_MS = 1_500;

/** "in 3 minutes", "in 1 minute", "in 40 seconds". */
function waitWords(ms: number): string {
  if (ms >= 60_000) {
    const m = Math.ceil(ms / 60_000);
    return `${m} ${m === 1 ? 'minute' : 'minutes'}`;
  }
  const sec = Math.max(1, Math.ceil(ms / 1_000));
  return `${sec} ${sec === 1 ? 'second' : 'seconds'}`;
}

/** Discord's error code for a rejected request (50035, 10062...), else its HTTP status, else the error's name. */
function discordCode(err: unknown): string {
  if (err instanceof DiscordAPIError) return String(err.code || err.status);
  const e = err as { code?: unknown; status?: unknown; name?: unknown } | null;
  return String(e?.code ?? e?.status ?? e?.name ?? 'unknown');
}

function memberOf(i: Interaction): Member {
  const m = i.member;
  const roleIds = m instanceof GuildMember ? [...m.roles.cache.keys()] : (m?.roles ?? []);
  return { userId: i.user.id, roleIds: Array.isArray(roleIds) ? roleIds : [], channelId: i.channelId };
}

const CAPABILITIES: readonly Capability[] = ['phi', 'reports', 'admin'];

function actorOf(i: Interaction, member: Member, config: Config): Actor {
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

/** The chat-input options as Discord delivered them, flattened under the subcommand. */
function invocationOf(i: ChatInputCommandInteraction | AutocompleteInteraction): Invocation {
  const sub = i.options.getSubcommand(false) ?? '';
  const top = i.options.data;
  const leaves: readonly CommandInteractionOption[] = sub ? (top[0]?.options ?? []) : top;
  const options: Invocation['options'] = {};
  for (const o of leaves) if (o.value !== undefined && o.value !== null) options[o.name] = o.value;
  return { command: i.commandName, subcommand: sub, options };
}

function buttons(
  state: string | undefined,
  page: number,
  pages: number,
  csv: boolean,
): ActionRowBuilder<ButtonBuilder>[] {
  if (!state) return [];
  const row = new ActionRowBuilder<ButtonBuilder>();
  if (pages > 1) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(pageButtonId(state, page - 1))
        .setLabel('◀ Previous')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page === 0),
      new ButtonBuilder()
        .setCustomId(pageButtonId(state, page + 1))
        .setLabel('Next ▶')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page >= pages - 1),
    );
  }
  if (csv)
    row.addComponents(
      new ButtonBuilder().setCustomId(csvButtonId(state)).setLabel('CSV').setStyle(ButtonStyle.Secondary),
    );
  return row.components.length > 0 ? [row] : [];
}

export function createHandler(deps: HandlerDeps) {
  const { commands, ctx, config, log, pager } = deps;

  /** The row of a refusal (no role, not the invoker, rate limited): it shows nothing, so it waits briefly. */
  const auditDenied = (
    actor: Actor,
    command: string,
    detail: string,
    options: Record<string, unknown> | null = null,
  ) =>
    auditBestEffort(
      ctx,
      {
        ...auditedActor(actor),
        command,
        options: options === null ? null : optionsForTheRecord(options),
        patientIds: [],
        rowCount: null,
        outcome: 'denied',
        latencyMs: null,
        detail,
      },
      QUICK_AUDIT_MS,
    );

  /**
   * Counts one use against the person's limit for `bucket`. Refused (over the limit, or the count could not
   * be kept): audited, and the words for the person returned; undefined when the use may go ahead.
   */
  async function overLimit(
    bucket: 'phi' | 'autocomplete',
    actor: Actor,
    command: string,
    options: Record<string, unknown> | null,
  ): Promise<string | undefined> {
    const limit = config.rateLimits[bucket];
    let decision: RateDecision;
    try {
      decision = await withTimeout(
        hitRateLimit(ctx.sql, { bucket, ...limit }, actor.actorId ?? ''),
        RATE_CHECK_MS,
      );
    } catch (err) {
      // Without a count there is no limit: refuse rather than read patients unmetered.
      const reference = newReference();
      log.warn(
        { interactionId: actor.interactionId, command, reference, err },
        'rate limit could not be checked',
      );
      return describeOutcome({ kind: 'unavailable', error: err, reference }).message;
    }
    if (decision.allowed) return undefined;
    await auditDenied(actor, `${command} (rate limited)`, 'rate limited', options);
    const what = bucket === 'phi' ? 'patient commands' : 'suggestions';
    return `Slow down: you have reached the limit of ${limit.max} ${what} in ${waitWords(limit.windowMs)}. Try again in ${waitWords(decision.retryAfterMs)}.`;
  }

  /** Mistakes and failures are for the asker only, even after a public deferral. */
  async function answerPrivately(i: ChatInputCommandInteraction, ephemeral: boolean, message: string) {
    if (ephemeral) await i.editReply({ content: message });
    else {
      await i.deleteReply();
      await i.followUp({ content: message, flags: MessageFlags.Ephemeral });
    }
  }

  async function command(i: ChatInputCommandInteraction): Promise<void> {
    const member = memberOf(i);
    const actor = actorOf(i, member, config);
    const inv = invocationOf(i);
    const path = pathOf(inv);
    let resolved;
    try {
      resolved = resolveInvocation(commands, inv);
    } catch (err) {
      await i.reply({
        content: isUserError(err) ? sanitizeText(err.message) : 'Unknown command.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const decision = decide(config, member, resolved.sub.capability);
    if (!decision.allowed) {
      await auditDenied(actor, path, decision.reason, inv.options);
      await i.reply({ content: decision.reason, flags: MessageFlags.Ephemeral });
      return;
    }
    const ephemeral = isPrivateAnswer(resolved.sub, inv.options);
    await i.deferReply({ flags: ephemeral ? MessageFlags.Ephemeral : undefined });

    if (resolved.sub.sensitivity === 'phi') {
      const refusal = await overLimit('phi', actor, path, inv.options);
      if (refusal !== undefined) {
        await answerPrivately(i, ephemeral, refusal);
        return;
      }
    }

    const outcome = await execute(resolved, inv, ctx, actor, { timeoutMs: COMMAND_TIMEOUT_MS });
    if (outcome.kind === 'reply') {
      const needsPhi = outcome.reply.sensitivity === 'phi' && decide(config, member, 'phi').allowed;
      try {
        await send(i, outcome.reply, path, needsPhi);
      } catch (err) {
        await replyRejected(i, actor, path, err);
      }
      return;
    }
    const { message, level } = describeOutcome(outcome);
    if (outcome.kind !== 'user_error' && level !== 'none')
      log[level](
        { interactionId: i.id, command: path, reference: outcome.reference, err: outcome.error },
        outcome.kind === 'unavailable' ? 'data temporarily unavailable' : 'command failed',
      );
    await answerPrivately(i, ephemeral, message);
  }

  /**
   * Discord refused the reply (a 400 for a message it will not take, a 5xx...): the person is told so
   * privately, with a reference; the log line and the audit row say which interaction, command and error,
   * and nothing of what the reply held.
   */
  async function replyRejected(
    i: ChatInputCommandInteraction,
    actor: Actor,
    path: string,
    err: unknown,
  ): Promise<void> {
    if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction) throw err;
    const reference = newReference();
    const code = discordCode(err);
    log.error({ interactionId: i.id, command: path, code, reference }, 'Discord rejected the reply');
    await auditBestEffort(
      ctx,
      {
        ...auditedActor(actor),
        command: path,
        options: null,
        patientIds: [],
        rowCount: null,
        outcome: 'error',
        latencyMs: null,
        detail: `reference ${reference}: Discord rejected the reply (error ${code}); it was not shown`,
      },
      AUDIT_TIMEOUT_MS,
    );
    await i.deleteReply().catch(() => undefined);
    await i.followUp({
      content: `Discord did not accept the answer (error ${code}), so it could not be shown. Please try again; if it happens again, quote reference ${reference}.`,
      flags: MessageFlags.Ephemeral,
    });
  }

  async function send(
    i: ChatInputCommandInteraction,
    reply: Reply,
    path: string,
    needsPhi: boolean,
  ): Promise<void> {
    const pages = replyPages(reply);
    let files: AttachmentBuilder[] = [];
    let content = pages[0] ?? '';
    if (reply.chart) {
      try {
        files = [new AttachmentBuilder(await renderChart(reply.chart, config.charts), { name: 'chart.png' })];
      } catch (err) {
        log.warn({ err, interactionId: i.id }, 'chart not drawn');
        content = `${content}\n-# (the chart could not be drawn)`.slice(0, 2000);
      }
    }
    const csv = reply.sensitivity === 'aggregate' && (reply.table?.rows.length ?? 0) > 0;
    const state =
      pages.length > 1 || csv
        ? await pager.add({ userId: i.user.id, reply, pages, command: path, needsPhi })
        : undefined;
    await i.editReply({ content, files, components: buttons(state, 0, pages.length, csv) });
  }

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const started = performance.now();
    const left = () => Math.max(0, AUTOCOMPLETE_BUDGET_MS - (performance.now() - started));
    const member = memberOf(i);
    const inv = invocationOf(i);
    const sub = commands.get(inv.command)?.subcommands.get(inv.subcommand);
    const focused = i.options.getFocused(true);
    const suggest = sub?.options[focused.name]?.suggest;
    if (!sub || !suggest) {
      await i.respond([]);
      return;
    }
    const path = `${pathOf(inv)} (autocomplete)`;
    const actor = actorOf(i, member, config);
    const typed = { [focused.name]: String(focused.value) };
    const decision = decide(config, member, sub.capability);
    if (!decision.allowed) {
      // Nothing about patients (or anything else) reaches someone without the capability.
      await auditDenied(actor, path, decision.reason, typed);
      await i.respond([]);
      return;
    }
    if ((await overLimit('autocomplete', actor, path, typed)) !== undefined) {
      await i.respond([]);
      return;
    }
    let choices: { name: string; value: string }[] = [];
    let patientIds: number[] = [];
    try {
      choices = (await withTimeout(suggest(String(focused.value), ctx), left()))
        .slice(0, 25)
        .map((c) => ({ name: sanitizeText(c.name).slice(0, 100), value: c.value.slice(0, 100) }));
      // Every patient a suggestion names is disclosed by showing it, and audited first.
      patientIds = await withTimeout(
        patientIdsNamedIn(
          ctx.sql,
          choices.flatMap((c) => [c.name, c.value]),
        ),
        left(),
      );
      await auditFirst(
        ctx,
        {
          ...auditedActor(actor),
          command: path,
          options: optionsForTheRecord(typed),
          patientIds,
          rowCount: choices.length,
          outcome: choices.length === 0 ? 'empty' : 'ok',
          latencyMs: Math.round(performance.now() - started),
        },
        left(),
      );
    } catch (err) {
      // No suggestion goes out without its audit row.
      log.warn({ interactionId: i.id, command: path, err }, 'autocomplete answered with no suggestions');
      choices = [];
    }
    await i.respond(choices);
  }

  async function button(i: ButtonInteraction): Promise<void> {
    const parsed = parseButtonId(i.customId);
    if (!parsed) return;
    let state;
    try {
      // Within Discord's 3 seconds, so that a hung store still gets the person an answer.
      state = await withTimeout(pager.get(parsed.state), PAGE_STATE_MS);
    } catch (err) {
      const reference = newReference();
      log.warn({ interactionId: i.id, reference, err }, 'button not answered: page state unavailable');
      await i.reply({
        content: describeOutcome({ kind: 'unavailable', error: err, reference }).message,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (!state) {
      await i.reply({
        content: 'These buttons have expired: run the command again.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const member = memberOf(i);
    const actor = actorOf(i, member, config);
    const action = `${state.command} (${parsed.kind === 'csv' ? 'CSV' : 'page'})`;
    if (state.userId !== i.user.id) {
      await auditDenied(actor, action, 'not the invoker');
      await i.reply({
        content: 'Only the person who ran this command can use its buttons.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    // Roles can change after the command ran: check again, against what the command declares, and for an
    // answer made with the patient-records role (it may show identifiers), that role too.
    const sub = subcommandAt(commands, state.command);
    const decision = !sub
      ? ({ allowed: false, reason: 'This command no longer exists.' } as const)
      : ([sub.capability, ...(state.needsPhi ? (['phi'] as const) : [])]
          .map((needed) => decide(config, member, needed))
          .find((d) => !d.allowed) ?? { allowed: true as const });
    if (!decision.allowed) {
      await auditDenied(actor, action, decision.reason);
      await i.reply({ content: decision.reason, flags: MessageFlags.Ephemeral });
      return;
    }
    if (parsed.kind === 'page') {
      const page = Math.max(0, Math.min(parsed.page, state.pages.length - 1));
      await i.update({
        content: state.pages[page] ?? '',
        components: buttons(parsed.state, page, state.pages.length, state.reply.sensitivity === 'aggregate'),
      });
      return;
    }
    // CSV is offered for aggregate tables only; a stored patient reply never becomes a file.
    if (!state.reply.table || state.reply.sensitivity !== 'aggregate') {
      await i.reply({ content: 'CSV is offered for report tables only.', flags: MessageFlags.Ephemeral });
      return;
    }
    const name = `${state.command.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-')}.csv`;
    try {
      await auditFirst(
        ctx,
        {
          ...auditedActor(actor),
          command: action,
          options: null,
          patientIds: state.reply.patientIds,
          rowCount: state.reply.table.rows.length,
          outcome: 'ok',
          latencyMs: null,
        },
        QUICK_AUDIT_MS,
      );
    } catch (err) {
      // The file is not sent without its audit row.
      const reference = newReference();
      log.warn(
        { interactionId: i.id, command: action, reference, err },
        'CSV not sent: audit row not written',
      );
      await i.reply({
        content: describeOutcome({ kind: 'unavailable', error: err, reference }).message,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await i.reply({
      files: [new AttachmentBuilder(Buffer.from(toCsv(state.reply.table)), { name })],
      flags: MessageFlags.Ephemeral,
    });
  }

  /** The one entry point for every interaction; it never throws. */
  return async function handle(i: Interaction): Promise<void> {
    try {
      // Another process may have received it too: only the one whose claim lands answers, and audits.
      if (!(await deps.claim(i.id))) return;
      if (!deps.accepting()) {
        if (i.isRepliable())
          await i.reply({
            content: 'hers-bot is restarting; please try again in a moment.',
            flags: MessageFlags.Ephemeral,
          });
        return;
      }
      if (i.isChatInputCommand()) await command(i);
      else if (i.isAutocomplete()) await autocomplete(i);
      else if (i.isButton()) await button(i);
    } catch (err) {
      if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction) {
        log.warn({ interactionId: i.id }, 'interaction expired before it was answered (10062)');
      } else if (
        err instanceof DiscordAPIError &&
        err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged
      ) {
        log.warn({ interactionId: i.id }, 'interaction was already acknowledged (40060)');
      } else {
        log.error({ err, interactionId: i.id }, 'interaction failed');
      }
    }
  };
}
