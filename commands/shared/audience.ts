import { viewFor } from '#src/core/public-view.ts';
import type { ReplyBody } from '#src/core/reply.ts';
import type { Caller, Context } from '#src/runner/command.ts';

/**
 * An aggregate answer as its audience may see it: in full when private (private:true, a private command,
 * the terminal), else aggregates only with the channel summary's small-cell rule (SUMMARY_MIN_CELL).
 */
export function shownTo(caller: Caller, ctx: Context, body: ReplyBody): ReplyBody {
  return viewFor(body, caller.private, ctx.config.summary.minCell);
}
