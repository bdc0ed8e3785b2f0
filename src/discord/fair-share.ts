import { rateLimited } from '../ops/metrics.ts';
import type { Context } from '../runner/command.ts';
import { COMMAND_TIMEOUT_MS, execute, type Actor, type Outcome } from '../runner/execute.ts';
import { InFlight, isHeavy, laneContext, OneAtATime } from '../runner/fair-share.ts';
import { pathOf, type Invocation, type Resolved } from '../runner/invocation.ts';
import { auditDenied, type HandlerDeps } from './interaction.ts';
import { overLimit } from './rate-limit.ts';

/** What a member's command came to: its outcome, or the words telling them to slow down (audited). */
export type Ran = { outcome: Outcome } | { refusal: string };

/**
 * Each member's fair share of a bot process (src/runner/fair-share.ts): at most `RATE_LIMIT_IN_FLIGHT` of
 * their commands at once, heavy reports within `RATE_LIMIT_HEAVY_REPORTS`, and clinical lookups on their
 * own connections. A refusal is audited (outcome denied) and answered privately; its row is written on the
 * shared pool, and a member's refusals one at a time, so a flood of them crowds neither the clinical pool
 * nor the audit chain's lock. Then the rate limit of patient commands, and the command itself.
 */
export function fairShare(deps: Pick<HandlerDeps, 'ctx' | 'config' | 'log'>) {
  const { ctx, config } = deps;
  const inFlight = new InFlight(config.fairShare.inFlight);
  const refusals = new OneAtATime();

  async function admit(
    actor: Actor,
    command: string,
    resolved: Resolved,
    options: Record<string, unknown>,
  ): Promise<{ ctx: Context; leave: () => void } | { refusal: string }> {
    const leave = inFlight.enter(actor.actorId ?? '');
    if (leave === undefined) {
      rateLimited.inc({ command });
      await refusals.run(actor.actorId ?? '', () =>
        auditDenied(ctx, actor, `${command} (rate limited)`, 'too many running at once', options),
      );
      const n = config.fairShare.inFlight;
      return {
        refusal: `Slow down: you already have ${n} ${n === 1 ? 'command' : 'commands'} running. Try again once ${n === 1 ? 'it has' : 'one has'} answered.`,
      };
    }
    if (isHeavy(resolved.sub, options, config.fairShare.heavyDays, ctx.now(), config.timeZone)) {
      const refusal = await overLimit(deps, 'heavy', actor, command, options);
      if (refusal !== undefined) {
        leave();
        return { refusal };
      }
    }
    return { ctx: laneContext(ctx, resolved.sub), leave };
  }

  return async function runFairly(actor: Actor, resolved: Resolved, inv: Invocation): Promise<Ran> {
    const path = pathOf(inv);
    const admitted = await admit(actor, path, resolved, inv.options);
    if ('refusal' in admitted) return admitted;
    try {
      if (resolved.sub.sensitivity === 'phi') {
        const refusal = await overLimit({ ...deps, ctx: admitted.ctx }, 'phi', actor, path, inv.options);
        if (refusal !== undefined) return { refusal };
      }
      return {
        outcome: await execute(resolved, inv, admitted.ctx, actor, { timeoutMs: COMMAND_TIMEOUT_MS }),
      };
    } finally {
      admitted.leave();
    }
  };
}
