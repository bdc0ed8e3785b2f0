import type { ChatInputCommandInteraction } from 'discord.js';
import type { Config } from '../config.ts';
import { addLink, type PageBody } from '../data/phi-links.queries.ts';
import type { Outcome } from '../runner/execute.ts';
import { describeOutcome } from '../runner/outcome.ts';
import { actorOf, answerUnavailable, memberOf, type HandlerDeps } from './interaction.ts';

/**
 * PHI_DELIVERY=link: a patient answer (or a mistake, which may echo what the member typed or list the
 * patients that matched) stays in hers-bot's database, and Discord gets only the command's name and a
 * one-time link to hers-bot's page. True when the outcome was delivered so.
 */
export const deliversByLink = (config: Config, sensitivity: 'phi' | 'aggregate') =>
  config.phiDelivery.mode === 'link' && sensitivity === 'phi';

export async function sendLink(
  deps: Pick<HandlerDeps, 'ctx' | 'config' | 'log'>,
  i: ChatInputCommandInteraction,
  outcome: Extract<Outcome, { kind: 'reply' | 'user_error' }>,
  path: string,
): Promise<void> {
  const delivery = deps.config.phiDelivery;
  if (delivery.mode !== 'link') throw new Error('sendLink needs PHI_DELIVERY=link');
  const body: PageBody =
    outcome.kind === 'reply'
      ? { kind: 'reply', reply: outcome.reply }
      : { kind: 'message', title: path, message: describeOutcome(outcome).message };
  const patientIds =
    outcome.kind === 'reply'
      ? outcome.reply.patientIds
      : [...((outcome.error as { patientIds?: readonly number[] }).patientIds ?? [])];
  let token: string;
  try {
    token = await addLink(deps.ctx.sql, {
      kind: 'answer',
      userId: i.user.id,
      interactionId: i.id,
      command: path,
      patientIds,
      body,
      now: deps.ctx.now(),
      ttlMs: delivery.linkTtlMs,
    });
  } catch (err) {
    // The answer's own row says it was given: this one says it never reached the member.
    const actor = actorOf(i, memberOf(i), deps.config);
    const content = answerUnavailable(deps, actor, path, {
      what: 'the answer link could not be stored',
      err,
      logMessage: 'answer link not stored',
    });
    await i.editReply({ content });
    return;
  }
  const minutes = Math.round(delivery.linkTtlMs / 60_000);
  const what = outcome.kind === 'reply' ? 'Your answer' : 'The reason there is no answer';
  // Angle brackets: Discord shows no preview of the link (and fetches nothing from it).
  await i.editReply({
    content: `**${path}**\n${what} is on hers-bot's page, for you only, once, within ${minutes} min (patient details never go through Discord): <${delivery.publicBaseUrl}/l/${token}>`,
  });
}
