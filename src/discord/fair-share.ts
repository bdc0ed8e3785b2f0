import { rateLimited } from '../ops/metrics.ts';
import type { Context, Subcommand } from '../runner/command.ts';
import type { Actor } from '../runner/execute.ts';
import { InFlight, isHeavy, laneContext } from '../runner/fair-share.ts';
import { auditDenied, type HandlerDeps } from './interaction.ts';
import { overLimit } from './rate-limit.ts';

/** A command may go ahead in `ctx` (its lane) and gives its place back with `leave`; or the member is told to slow down. */
export type Admission = { ctx: Context; leave: () => void } | { refusal: string };

/**
 * Each member's fair share of a bot process (src/runner/fair-share.ts): at most `RATE_LIMIT_IN_FLIGHT` of
 * their commands at once, heavy reports within `RATE_LIMIT_HEAVY_REPORTS`, and clinical lookups on their
 * own connections. A refusal is audited (outcome denied) and answered privately; its row is written on the
 * shared pool, so a flood of refusals does not crowd the clinical one either.
 */
export function fairShare(deps: Pick<HandlerDeps, 'ctx' | 'config' | 'log'>) {
  const { ctx, config } = deps;
  const inFlight = new InFlight(config.fairShare.inFlight);

  return async function admit(
    actor: Actor,
    command: string,
    sub: Subcommand,
    options: Record<string, unknown>,
  ): Promise<Admission> {
    const leave = inFlight.enter(actor.actorId ?? '');
    if (leave === undefined) {
      rateLimited.inc({ command });
      await auditDenied(ctx, actor, `${command} (rate limited)`, 'too many running at once', options);
      const n = config.fairShare.inFlight;
      return {
        refusal: `Slow down: you already have ${n} ${n === 1 ? 'command' : 'commands'} running. Try again once ${n === 1 ? 'it has' : 'one has'} answered.`,
      };
    }
    if (isHeavy(sub, options, config.fairShare.heavyDays, ctx.now(), config.timeZone)) {
      const refusal = await overLimit(deps, 'heavy', actor, command, options);
      if (refusal !== undefined) {
        leave();
        return { refusal };
      }
    }
    return { ctx: laneContext(ctx, sub), leave };
  };
}
