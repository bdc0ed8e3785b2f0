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
import { recordAudit, type AuditEvent } from '../data/audit.ts';
import type { Logger } from '../log.ts';
import { renderChart } from '../render/chart.ts';
import { toCsv } from '../render/csv.ts';
import { isPrivateAnswer, type Capability, type Command, type Context } from '../runner/command.ts';
import { COMMAND_TIMEOUT_MS, execute, type Actor } from '../runner/execute.ts';
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

const AUTOCOMPLETE_TIMEOUT_MS = 2_000;

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

  const audit = (e: Omit<AuditEvent, 'occurredAt'>) =>
    recordAudit(ctx.sql, { occurredAt: new Date(ctx.now()), ...e }).catch((err: unknown) =>
      log.error({ err }, 'could not write an audit row'),
    );
  const auditDenied = (
    actor: Actor,
    command: string,
    detail: string,
    options: Record<string, unknown> | null = null,
  ) =>
    audit({
      ...actor,
      command,
      options,
      patientIds: [],
      rowCount: null,
      outcome: 'denied',
      latencyMs: null,
      detail,
    });

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
        content: isUserError(err) ? err.message : 'Unknown command.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const decision = decide(config, member, resolved.sub.capability);
    if (!decision.allowed) {
      await i.reply({ content: decision.reason, flags: MessageFlags.Ephemeral });
      await auditDenied(actor, path, decision.reason, inv.options);
      return;
    }
    const ephemeral = isPrivateAnswer(resolved.sub, inv.options);
    await i.deferReply({ flags: ephemeral ? MessageFlags.Ephemeral : undefined });

    const outcome = await execute(resolved, inv, ctx, actor, { timeoutMs: COMMAND_TIMEOUT_MS });
    if (outcome.kind === 'reply') {
      await send(i, outcome.reply, path);
      return;
    }
    const { message, level } = describeOutcome(outcome);
    if (outcome.kind !== 'user_error' && level !== 'none')
      log[level](
        { interactionId: i.id, command: path, reference: outcome.reference, err: outcome.error },
        outcome.kind === 'unavailable' ? 'data temporarily unavailable' : 'command failed',
      );
    // Mistakes and failures are for the asker only, even after a public deferral.
    if (ephemeral) await i.editReply({ content: message });
    else {
      await i.deleteReply();
      await i.followUp({ content: message, flags: MessageFlags.Ephemeral });
    }
  }

  async function send(i: ChatInputCommandInteraction, reply: Reply, path: string): Promise<void> {
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
        ? await pager.add({ userId: i.user.id, reply, pages, command: path })
        : undefined;
    await i.editReply({ content, files, components: buttons(state, 0, pages.length, csv) });
  }

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
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
    const decision = decide(config, member, sub.capability);
    if (!decision.allowed) {
      // Nothing about patients (or anything else) reaches someone without the capability.
      await i.respond([]);
      await auditDenied(actorOf(i, member, config), path, decision.reason);
      return;
    }
    const started = performance.now();
    const choices = await Promise.race([
      suggest(String(focused.value), ctx),
      new Promise<[]>((resolve) => setTimeout(() => resolve([]), AUTOCOMPLETE_TIMEOUT_MS).unref()),
    ]).catch((err: unknown) => {
      log.warn({ err, interactionId: i.id }, 'autocomplete failed');
      return [];
    });
    await i.respond(
      choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) })),
    );
    await audit({
      ...actorOf(i, member, config),
      command: path,
      options: { [focused.name]: focused.value },
      patientIds: [],
      rowCount: choices.length,
      outcome: choices.length === 0 ? 'empty' : 'ok',
      latencyMs: Math.round(performance.now() - started),
    });
  }

  async function button(i: ButtonInteraction): Promise<void> {
    const parsed = parseButtonId(i.customId);
    if (!parsed) return;
    const state = await pager.get(parsed.state);
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
      await i.reply({
        content: 'Only the person who ran this command can use its buttons.',
        flags: MessageFlags.Ephemeral,
      });
      await auditDenied(actor, action, 'not the invoker');
      return;
    }
    // Roles can change after the command ran: check again, against what the command declares.
    const sub = subcommandAt(commands, state.command);
    const decision = sub
      ? decide(config, member, sub.capability)
      : ({ allowed: false, reason: 'This command no longer exists.' } as const);
    if (!decision.allowed) {
      await i.reply({ content: decision.reason, flags: MessageFlags.Ephemeral });
      await auditDenied(actor, action, decision.reason);
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
    if (!state.reply.table) return;
    const name = `${state.command.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-')}.csv`;
    await i.reply({
      files: [new AttachmentBuilder(Buffer.from(toCsv(state.reply.table)), { name })],
      flags: MessageFlags.Ephemeral,
    });
    await audit({
      ...actor,
      command: action,
      options: null,
      patientIds: state.reply.patientIds,
      rowCount: state.reply.table.rows.length,
      outcome: 'ok',
      latencyMs: null,
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
