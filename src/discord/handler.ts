import { DiscordAPIError, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import { autocompleteHandler } from './autocomplete.handler.ts';
import { buttonHandler } from './button.handler.ts';
import { commandHandler } from './command.handler.ts';
import { isExpired, privately, type HandlerDeps } from './interaction.ts';

export type { HandlerDeps };

/**
 * The one entry point for every interaction: claims it (another process may have received it too), says
 * so while shutting down, hands it to the handler of its kind, and maps what Discord answers with to a log
 * line. It never throws.
 */
export function createHandler(deps: HandlerDeps) {
  const { log } = deps;
  const command = commandHandler(deps);
  const autocomplete = autocompleteHandler(deps);
  const button = buttonHandler(deps);

  /** `receivedAt`: performance.now() when the interaction arrived. */
  return async function handle(i: Interaction, receivedAt = performance.now()): Promise<void> {
    try {
      // Only the process whose claim lands answers, and audits.
      if (!(await deps.claim(i.id))) return;
      if (!deps.accepting()) {
        if (i.isRepliable())
          await i.reply(privately('hers-bot is restarting; please try again in a moment.'));
        return;
      }
      if (i.isChatInputCommand()) await command(i);
      else if (i.isAutocomplete()) await autocomplete(i, receivedAt);
      else if (i.isButton()) await button(i);
    } catch (err) {
      if (isExpired(err)) {
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
