import { commands } from '../../commands/index.ts';
import type { Reply } from '../../src/core/reply.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import type { Context } from '../../src/runner/command.ts';
import { execute, type Actor } from '../../src/runner/execute.ts';

/** Who the command tests act as: the terminal's operator. */
export const TEST_ACTOR: Actor = { source: 'console', actorId: 'test' };

/** The reply to a command line run through the real runner; anything else fails the test with its reason. */
export async function replyTo(ctx: Context, line: string, actor: Actor = TEST_ACTOR): Promise<Reply> {
  const outcome = await execute(commands, parseCommandLine(line, commands), ctx, actor);
  if (outcome.kind !== 'reply')
    throw new Error(
      `${line}: ${outcome.kind === 'user_error' ? outcome.error.message : String(outcome.error)}`,
    );
  return outcome.reply;
}

/** The message of the usage error a command line must end in. */
export async function userErrorOf(ctx: Context, line: string, actor: Actor = TEST_ACTOR): Promise<string> {
  const outcome = await execute(commands, parseCommandLine(line, commands), ctx, actor);
  if (outcome.kind !== 'user_error') throw new Error(`${line}: expected a user error, got ${outcome.kind}`);
  return outcome.error.message;
}
