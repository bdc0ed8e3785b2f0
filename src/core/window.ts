import { UserError } from './errors.ts';
import { DAY_MS, HOUR_MS, addDays, atLocal, dateProblem } from './time.ts';

/** Rolling windows end now; explicit from/to are calendar dates in the hospital time zone. */
export const ROLLING_WINDOWS = ['24h', '7d', '30d', '90d', '1y'] as const;
export type RollingWindow = (typeof ROLLING_WINDOWS)[number];

const ROLLING_MS: Record<RollingWindow, number> = {
  '24h': 24 * HOUR_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '90d': 90 * DAY_MS,
  '1y': 365 * DAY_MS,
};

const ROLLING_LABEL: Record<RollingWindow, string> = {
  '24h': 'last 24 hours',
  '7d': 'last 7 days',
  '30d': 'last 30 days',
  '90d': 'last 90 days',
  '1y': 'last 12 months',
};

/** The longest explicit range a command accepts. */
const MAX_RANGE_DAYS = 3 * 366;

export interface TimeWindow {
  from: Date;
  to: Date;
  /** Stands alone: "last 7 days", "2026-03-01 to 2026-03-07". */
  label: string;
  /** Reads in a sentence: "in the last 7 days", "from 2026-03-01 to 2026-03-07", "on 2026-03-01". */
  phrase: string;
  /** Rolling up to now (`window:`), rather than whole calendar days (`from:`/`to:`). */
  rolling: boolean;
}

export interface WindowOptions {
  window?: RollingWindow | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The [from, to) interval for a command's window options. `from`/`to` win over `window`; both are
 * needed; `from` runs from its local midnight, `to` to the local midnight after it.
 */
export function resolveWindow(
  o: WindowOptions,
  fallback: RollingWindow,
  now: number,
  timeZone: string,
): TimeWindow {
  if (o.from !== undefined || o.to !== undefined) {
    if (o.from === undefined || o.to === undefined) {
      throw new UserError(
        'invalid_option',
        `Give both \`from\` and \`to\` (YYYY-MM-DD), or neither and a \`window\`.`,
      );
    }
    if (o.window !== undefined) {
      throw new UserError('invalid_option', 'Give either `window` or `from`/`to`, not both.');
    }
    checkDate('from', o.from);
    checkDate('to', o.to);
    if (o.to < o.from)
      throw new UserError('invalid_option', `Option \`to\` (${o.to}) is before \`from\` (${o.from}).`);
    const from = atLocal(timeZone, o.from);
    const to = atLocal(timeZone, addDays(o.to, 1));
    if (to - from > MAX_RANGE_DAYS * DAY_MS) {
      throw new UserError(
        'invalid_option',
        `The range ${o.from} to ${o.to} is longer than ${MAX_RANGE_DAYS} days.`,
      );
    }
    const single = o.from === o.to;
    return {
      from: new Date(from),
      to: new Date(to),
      label: single ? o.from : `${o.from} to ${o.to}`,
      phrase: single ? `on ${o.from}` : `from ${o.from} to ${o.to}`,
      rolling: false,
    };
  }
  const key = o.window ?? fallback;
  return {
    from: new Date(now - ROLLING_MS[key]),
    to: new Date(now),
    label: ROLLING_LABEL[key],
    phrase: `in the ${ROLLING_LABEL[key]}`,
    rolling: true,
  };
}

/** The local calendar day [midnight, next midnight) of a YYYY-MM-DD date: 23 or 25 hours on DST changes. */
export function localDay(date: string, timeZone: string): TimeWindow {
  checkDate('date', date);
  return resolveWindow({ from: date, to: date }, '24h', 0, timeZone);
}

/** A date option must be a real date in the years the arithmetic serves, before any arithmetic runs. */
function checkDate(option: string, value: string): void {
  const problem = dateProblem(value);
  if (problem) throw new UserError('invalid_option', `Option \`${option}\`: ${problem}.`);
}
