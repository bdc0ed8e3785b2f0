import type { AutocompleteInteraction } from 'discord.js';
import * as audit from '../core/audit-event.ts';
import { sanitizeText } from '../core/text.ts';
import { auditedActor, auditFirst, withTimeout } from '../runner/execute.ts';
import { pathOf } from '../runner/invocation.ts';
import { decide } from './access.ts';
import { actorOf, auditDenied, invocationOf, memberOf, type HandlerDeps } from './interaction.ts';
import { overLimit } from './rate-limit.ts';

/** Discord waits 3 s for an autocomplete answer. */
const AUTOCOMPLETE_BUDGET_MS = 2_500;

/**
 * Suggestions as a member types an option: only to a member allowed the command, within the rate limit,
 * and only once the audit row naming every patient suggested is written. Anything else suggests nothing.
 */
export function autocompleteHandler(deps: HandlerDeps) {
  const { commands, ctx, config, log } = deps;

  return async function autocomplete(i: AutocompleteInteraction): Promise<void> {
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
      await auditDenied(ctx, actor, path, decision.reason, typed);
      await i.respond([]);
      return;
    }
    if ((await overLimit(deps, 'autocomplete', actor, path, typed)) !== undefined) {
      await i.respond([]);
      return;
    }
    let choices: { name: string; value: string }[] = [];
    try {
      // With PHI_DELIVERY=link no patient is named in Discord: the member types the MRN instead.
      const suggested = (await withTimeout(suggest(String(focused.value), ctx), left()))
        .filter((c) => config.phiDelivery.mode !== 'link' || c.patientId === undefined)
        .slice(0, 25);
      // Every patient a suggestion names is disclosed by showing it, and audited first: each choice
      // carries the id of the patient it names.
      const patientIds = [
        ...new Set(suggested.flatMap((c) => (c.patientId === undefined ? [] : [c.patientId]))),
      ];
      choices = suggested.map((c) => ({
        name: sanitizeText(c.name).slice(0, 100),
        value: c.value.slice(0, 100),
      }));
      await auditFirst(
        ctx,
        audit.answered(auditedActor(actor), path, {
          options: typed,
          patientIds,
          rowCount: choices.length,
          latencyMs: Math.round(performance.now() - started),
        }),
        left(),
      );
    } catch (err) {
      // No suggestion goes out without its audit row.
      log.warn({ interactionId: i.id, command: path, err }, 'autocomplete answered with no suggestions');
      choices = [];
    }
    await i.respond(choices);
  };
}
