import { AttachmentBuilder, MessageFlags, type ButtonInteraction } from 'discord.js';
import * as audit from '../core/audit-event.ts';
import { toCsv } from '../render/csv.ts';
import { auditedActor, auditFirst, newReference, withTimeout } from '../runner/execute.ts';
import { subcommandAt } from '../runner/invocation.ts';
import { describeOutcome } from '../runner/outcome.ts';
import { parseAckButtonId } from '../core/alert-posts.ts';
import { decide } from './access.ts';
import { alertButtonHandler } from './alert-button.ts';
import {
  actorOf,
  answerUnavailable,
  auditDenied,
  memberOf,
  privately,
  QUICK_AUDIT_MS,
  type HandlerDeps,
} from './interaction.ts';
import { pageButtons } from './page-buttons.ts';
import { parseButtonId } from './pager.ts';

/** A button's kind as its audit rows name it. */
const kindWord = (parsed: { kind: 'page' | 'csv' }) => (parsed.kind === 'csv' ? 'CSV' : 'page');

/** How long a button waits for its page state before saying the data is unavailable. */
const PAGE_STATE_MS = 1_500;

/**
 * The buttons under a stored reply (previous, next, CSV): only for the person who ran the command, while
 * they still hold what it needed; a CSV file only with its audit row written first. Discord waits 3 s.
 */
export function buttonHandler(deps: HandlerDeps) {
  const { commands, ctx, config, log, pager } = deps;
  const acknowledge = alertButtonHandler(deps);

  return async function button(i: ButtonInteraction): Promise<void> {
    const alertPost = parseAckButtonId(i.customId);
    if (alertPost !== undefined) return acknowledge(i, alertPost);
    const parsed = parseButtonId(i.customId);
    if (!parsed) {
      // Not one of ours, or from a version that named buttons otherwise: still answered, within 3 s, and
      // the refusal has its audit row like every other.
      await auditDenied(ctx, actorOf(i, memberOf(i), config), 'button', 'unrecognised button');
      await i.reply(privately('This button no longer works: run the command again.'));
      return;
    }
    let state;
    try {
      // Within Discord's 3 seconds, so that a hung store still gets the person an answer.
      state = await withTimeout(pager.get(parsed.state), PAGE_STATE_MS);
    } catch (err) {
      // Which command the buttons belong to is in the state that could not be read.
      const message = answerUnavailable(
        deps,
        actorOf(i, memberOf(i), config),
        `button (${kindWord(parsed)})`,
        {
          what: 'the page state could not be read',
          err,
          logMessage: 'button not answered: page state unavailable',
        },
      );
      await i.reply(privately(message));
      return;
    }
    if (!state) {
      // Which command they belonged to went with the state.
      await auditDenied(
        ctx,
        actorOf(i, memberOf(i), config),
        `button (${kindWord(parsed)})`,
        'buttons expired',
      );
      await i.reply(privately('These buttons have expired: run the command again.'));
      return;
    }
    const member = memberOf(i);
    const actor = actorOf(i, member, config);
    const action = `${state.command} (${kindWord(parsed)})`;
    if (state.userId !== i.user.id) {
      await auditDenied(ctx, actor, action, 'not the invoker');
      await i.reply(privately('Only the person who ran this command can use its buttons.'));
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
      await auditDenied(ctx, actor, action, decision.reason);
      await i.reply(privately(decision.reason));
      return;
    }
    if (parsed.kind === 'page') {
      const page = Math.max(0, Math.min(parsed.page, state.pages.length - 1));
      await i.update({
        content: state.pages[page] ?? '',
        components: pageButtons(
          parsed.state,
          page,
          state.pages.length,
          state.reply.sensitivity === 'aggregate',
        ),
      });
      return;
    }
    // CSV is offered for aggregate tables only; a stored patient reply never becomes a file.
    if (!state.reply.table || state.reply.sensitivity !== 'aggregate') {
      await auditDenied(ctx, actor, action, 'CSV is offered for report tables only');
      await i.reply(privately('CSV is offered for report tables only.'));
      return;
    }
    const name = `${state.command.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-')}.csv`;
    // A claim given up on may turn out to be another process's: that one sends the file and audits it.
    if (!(await deps.stillOurs(i.id, QUICK_AUDIT_MS))) return;
    try {
      // The button is offered for tables with rows only, so the row says "ok".
      await auditFirst(
        ctx,
        audit.answered(auditedActor(actor), action, {
          options: null,
          patientIds: state.reply.patientIds,
          rowCount: state.reply.table.rows.length,
          latencyMs: null,
        }),
        QUICK_AUDIT_MS,
      );
    } catch (err) {
      // The file is not sent without its audit row.
      const reference = newReference();
      log.warn(
        { interactionId: i.id, command: action, reference, err },
        'CSV not sent: audit row not written',
      );
      await i.reply(privately(describeOutcome({ kind: 'unavailable', error: err, reference }).message));
      return;
    }
    await i.reply({
      flags: MessageFlags.Ephemeral,
      files: [new AttachmentBuilder(Buffer.from(toCsv(state.reply.table)), { name })],
    });
  };
}
