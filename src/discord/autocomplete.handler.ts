import type { AutocompleteInteraction } from 'discord.js';
import * as audit from '../core/audit-event.ts';
import { sanitizeText } from '../core/text.ts';
import { auditedActor, auditFirst, withTimeout } from '../runner/execute.ts';
import { pathOf } from '../runner/invocation.ts';
import { decide } from './access.ts';
import {
  actorOf,
  answerUnavailable,
  auditDenied,
  invocationOf,
  memberOf,
  type HandlerDeps,
} from './interaction.ts';
import { overLimit } from './rate-limit.ts';

/** Discord waits 3 s for an autocomplete answer: this long from its arrival, for everything. */
const AUTOCOMPLETE_BUDGET_MS = 2_500;
/** Of the budget, what is kept for the work itself when waiting for a claim given up on. */
const WORK_RESERVE_MS = 700;

/**
 * Suggestions as a member types an option: only to a member allowed the command, within the rate limit,
 * and only once the audit row naming every patient suggested is written. Anything else suggests nothing.
 * The budget counts from the interaction's arrival (`receivedAt`, performance.now()), claim included; and
 * when the claim was given up on, the process that turns out not to hold it leaves it alone, so the
 * interaction has one audit row.
 */
export function autocompleteHandler(deps: HandlerDeps) {
  const { commands, ctx, config } = deps;

  return async function autocomplete(i: AutocompleteInteraction, receivedAt: number): Promise<void> {
    const left = () => Math.max(0, AUTOCOMPLETE_BUDGET_MS - (performance.now() - receivedAt));
    // Another process answers (and audits) it.
    if (!(await deps.stillOurs(i.id, left() - WORK_RESERVE_MS))) return;
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
    // A check that outlasts the budget is a refusal too (its row is written when it ends).
    const refused = await withTimeout(overLimit(deps, 'autocomplete', actor, path, typed), left()).catch(
      () => 'not checked in time',
    );
    if (refused !== undefined) {
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
          latencyMs: Math.round(performance.now() - receivedAt),
        }),
        left(),
      );
    } catch (err) {
      // No suggestion goes out without its audit row; the empty answer has its own (if the trail takes it).
      choices = [];
      answerUnavailable(deps, actor, path, {
        what: 'no suggestions',
        err,
        logMessage: 'autocomplete answered with no suggestions',
        options: typed,
      });
    }
    await i.respond(choices);
  };
}
