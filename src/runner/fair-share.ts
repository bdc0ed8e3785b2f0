import { DAY_MS } from '../core/time.ts';
import { ROLLING_WINDOWS, resolveWindow, type RollingWindow } from '../core/window.ts';
import type { Context, Subcommand } from './command.ts';

/**
 * Each member's fair share of the databases. Clinical lookups run on connections of their own, so they never
 * queue behind reports (a time window, or aggregates); a report over a long window is "heavy" and counted
 * against a per-member limit; and a member has at most a few commands running at once.
 */

/** A report rather than a clinical lookup: it reads over a time window, or answers in aggregates. */
export function isReport(sub: Subcommand): boolean {
  return sub.sensitivity === 'aggregate' || windowFallback(sub) !== undefined;
}

/**
 * Whether `sub` run with these options (as the member gave them) reads `heavyDays` days or more. Options
 * the command will refuse anyway (a `to` before its `from`...) count as not heavy.
 */
export function isHeavy(
  sub: Subcommand,
  options: Record<string, unknown>,
  heavyDays: number,
  now: number,
  timeZone: string,
): boolean {
  const fallback = windowFallback(sub);
  if (fallback === undefined) return false;
  const given = options.window;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  try {
    const w = resolveWindow(
      {
        window: ROLLING_WINDOWS.find((r) => r === given),
        from: text(options.from),
        to: text(options.to),
      },
      fallback,
      now,
      timeZone,
    );
    // An hour's grace: calendar days across a change to daylight saving are an hour short.
    return w.to.getTime() - w.from.getTime() >= heavyDays * DAY_MS - DAY_MS / 24;
  } catch {
    return false;
  }
}

/** The window a subcommand falls back to, or undefined when it takes no window. */
function windowFallback(sub: Subcommand): RollingWindow | undefined {
  const spec = sub.options.window;
  return spec?.kind === 'window' ? spec.fallback : undefined;
}

/** The context a command runs in: a clinical lookup on the clinical connections, when there are some. */
export function laneContext(ctx: Context, sub: Subcommand): Context {
  return isReport(sub) || ctx.clinical === undefined ? ctx : { ...ctx, ...ctx.clinical };
}

/**
 * Counts each member's commands running in this process. `enter` takes a place, or says no when the
 * member already has `max` running; the place is given back by calling what it returned, once.
 */
export class InFlight {
  private readonly running = new Map<string, number>();

  constructor(private readonly max: number) {}

  enter(memberId: string): (() => void) | undefined {
    const now = this.running.get(memberId) ?? 0;
    if (now >= this.max) return undefined;
    this.running.set(memberId, now + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const n = (this.running.get(memberId) ?? 1) - 1;
      if (n <= 0) this.running.delete(memberId);
      else this.running.set(memberId, n);
    };
  }

  /** How many of the member's commands are running. */
  of(memberId: string): number {
    return this.running.get(memberId) ?? 0;
  }
}

/**
 * Runs each member's work one piece at a time, in order (different members' side by side): the audit rows
 * of a flood's refusals then take the audit chain's lock one at a time, not a whole pool's worth at once.
 */
export class OneAtATime {
  private readonly last = new Map<string, Promise<unknown>>();

  run<T>(memberId: string, work: () => Promise<T>): Promise<T> {
    const mine = (this.last.get(memberId) ?? Promise.resolve()).then(work);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.last.set(memberId, settled);
    void settled.then(() => {
      if (this.last.get(memberId) === settled) this.last.delete(memberId);
    });
    return mine;
  }

  /** How many members have work queued or running. */
  get members(): number {
    return this.last.size;
  }
}
