import { AttachmentBuilder, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { isUserError } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import { renderChart } from '../render/chart.ts';
import { isPrivateAnswer } from '../runner/command.ts';
import type { Actor } from '../runner/execute.ts';
import { pathOf, resolveInvocation, type Invocation, type Resolved } from '../runner/invocation.ts';
import { describeOutcome } from '../runner/outcome.ts';
import { decide, type Member } from './access.ts';
import {
  actorOf,
  answerRejected,
  auditDenied,
  invocationOf,
  memberOf,
  privately,
  type HandlerDeps,
} from './interaction.ts';
import { fairShare } from './fair-share.ts';
import { messageText, replyPages } from './message.ts';
import { pageButtons } from './page-buttons.ts';
import { deliversByLink, sendLink } from './phi-link.ts';

/** Said when the page state of a reply with buttons could not be stored. */
export const BUTTONS_NOT_KEPT =
  'The Previous, Next and CSV buttons of this answer could not be kept (its page state was not stored), so it shows its first page only: run the command again in a minute to page through it.';

/** A command that may go ahead, acknowledged. */
interface Asked {
  member: Member;
  actor: Actor;
  inv: Invocation;
  path: string;
  resolved: Resolved;
  ephemeral: boolean;
}

/**
 * Slash commands: resolve, check the member's access, acknowledge (privately for patient data), apply the
 * member's fair share and the rate limit of patient commands, run, and edit the acknowledgement into the
 * answer. Every edit Discord refuses is followed up privately with a reference (answerRejected).
 */
export function commandHandler(deps: HandlerDeps) {
  const { commands, ctx, config, log, pager } = deps;
  const runFairly = fairShare(deps);

  /**
   * Mistakes and failures are for the asker only, even after a public deferral. They may quote the member's
   * options or the data (several patients match...): escaped as replies are.
   */
  async function answerPrivately(i: ChatInputCommandInteraction, ephemeral: boolean, text: string) {
    const message = messageText(text);
    if (ephemeral) await i.editReply({ content: message });
    else {
      await i.deleteReply();
      await i.followUp(privately(message));
    }
  }

  async function send(i: ChatInputCommandInteraction, reply: Reply, path: string, needsPhi: boolean) {
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
    const buttons = pages.length > 1 || csv;
    const state = buttons
      ? await pager.add({ userId: i.user.id, reply, pages, command: path, needsPhi })
      : undefined;
    await i.editReply({ content, files, components: pageButtons(state, 0, pages.length, csv) });
    // Buttons that could not be kept are not sent (they would answer "expired"): the asker is told why.
    if (buttons && state === undefined) await i.followUp(privately(BUTTONS_NOT_KEPT));
  }

  /** Everything after the acknowledgement; what it sends, Discord may refuse. */
  async function answer(i: ChatInputCommandInteraction, asked: Asked) {
    const { member, actor, inv, path, resolved, ephemeral } = asked;
    const ran = await runFairly(actor, resolved, inv);
    if ('refusal' in ran) return answerPrivately(i, ephemeral, ran.refusal);
    const { outcome } = ran;
    const byLink = deliversByLink(config, resolved.sub.sensitivity);
    if (byLink && (outcome.kind === 'reply' || outcome.kind === 'user_error'))
      return sendLink(deps, i, outcome, path);
    if (outcome.kind === 'reply') {
      const needsPhi = outcome.reply.sensitivity === 'phi' && decide(config, member, 'phi').allowed;
      return send(i, outcome.reply, path, needsPhi);
    }
    const { message, level } = describeOutcome(outcome);
    if (outcome.kind !== 'user_error' && level !== 'none')
      log[level](
        { interactionId: i.id, command: path, reference: outcome.reference, err: outcome.error },
        outcome.kind === 'unavailable' ? 'data temporarily unavailable' : 'command failed',
      );
    return answerPrivately(i, ephemeral, message);
  }

  return async function command(i: ChatInputCommandInteraction): Promise<void> {
    const member = memberOf(i);
    const actor = actorOf(i, member, config);
    const inv = invocationOf(i);
    const path = pathOf(inv);
    let resolved;
    try {
      resolved = resolveInvocation(commands, inv);
    } catch (err) {
      await i.reply(privately(isUserError(err) ? messageText(err.message) : 'Unknown command.'));
      return;
    }
    const decision = decide(config, member, resolved.sub.capability);
    if (!decision.allowed) {
      await auditDenied(ctx, actor, path, decision.reason, inv.options);
      await i.reply(privately(decision.reason));
      return;
    }
    const ephemeral = isPrivateAnswer(resolved.sub, inv.options);
    await i.deferReply({ flags: ephemeral ? MessageFlags.Ephemeral : undefined });
    try {
      await answer(i, { member, actor, inv, path, resolved, ephemeral });
    } catch (err) {
      await answerRejected(deps, i, actor, path, err);
    }
  };
}
