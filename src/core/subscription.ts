import { UserError } from './errors.ts';
import { SUBSCRIPTION_DAYS } from './vocabulary.ts';
import { addDays, atLocal, localDate, localParts, MINUTE_MS } from './time.ts';

/**
 * When a subscription's report is due: local wall-clock times on some days of the week, in the hospital's
 * zone. Daylight-saving days are handled as the daily summary's cron is (src/core/cron.ts): a time the
 * spring-forward change skips does not come that day, and a time the fall-back change repeats comes once,
 * at its first occurrence.
 */
export const DAYS = SUBSCRIPTION_DAYS;
export type Days = (typeof SUBSCRIPTION_DAYS)[number];

export interface SlotSpec {
  /** Minutes after local midnight, ascending, distinct. */
  times: readonly number[];
  days: Days;
}

/** At most this many times a day: a subscription is a report at shift change, not a feed. */
export const MAX_TIMES = 6;

/** "07:00,19:00" as minutes after midnight, or a UserError that says how to write it. */
export function parseTimes(text: string): number[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0)
    throw new UserError('invalid_option', 'at: give one or more local times, such as 07:00,19:00.');
  const minutes = new Set<number>();
  for (const part of parts) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(part);
    const hour = Number(m?.[1]);
    const minute = Number(m?.[2]);
    if (!m || hour > 23 || minute > 59)
      throw new UserError(
        'invalid_option',
        `at: "${part}" is not a time of day; write it as HH:MM on a 24-hour clock, such as 07:00 or 19:30.`,
      );
    minutes.add(hour * 60 + minute);
  }
  if (minutes.size > MAX_TIMES)
    throw new UserError('invalid_option', `at: at most ${MAX_TIMES} times a day.`);
  return [...minutes].sort((a, b) => a - b);
}

/** 420 as "07:00". */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatTimes(times: readonly number[]): string {
  return times.map(formatTime).join(',');
}

export function daysText(days: Days): string {
  return days === 'every' ? 'every day' : days === 'weekdays' ? 'on weekdays' : 'at weekends';
}

function onDay(days: Days, weekday: number): boolean {
  if (days === 'every') return true;
  const weekend = weekday === 0 || weekday === 6;
  return days === 'weekends' ? weekend : !weekend;
}

/** The instant of a local time on a local date, or undefined when the wall clock never reads it that day. */
export function slotOn(timeZone: string, date: string, minutes: number): number | undefined {
  const at = atLocal(timeZone, date, Math.floor(minutes / 60), minutes % 60);
  const p = localParts(timeZone, at);
  return p.hour * 60 + p.minute === minutes && localDate(timeZone, at) === date ? at : undefined;
}

/** The slots in (from, to], oldest first. */
export function slotsBetween(spec: SlotSpec, timeZone: string, from: number, to: number): number[] {
  const slots: number[] = [];
  const last = localDate(timeZone, to);
  for (let date = localDate(timeZone, from); date <= last; date = addDays(date, 1)) {
    if (!onDay(spec.days, localParts(timeZone, atLocal(timeZone, date, 12)).weekday)) continue;
    for (const t of spec.times) {
      const at = slotOn(timeZone, date, t);
      if (at !== undefined && at > from && at <= to) slots.push(at);
    }
  }
  return slots;
}

export type SlotAction = { slot: number; action: 'deliver' | 'missed' };

/**
 * What to do at `now` about the slots since `since` that have no ledger row yet (`known` holds those that
 * have): the newest is delivered when it is at most `catchUpMs` old (a slot just come, or one the bot was
 * down for and is caught up once), every other is recorded as missed.
 */
export function slotActions(
  spec: SlotSpec,
  timeZone: string,
  since: number,
  now: number,
  catchUpMs: number,
  known: ReadonlySet<number>,
): SlotAction[] {
  const slots = slotsBetween(spec, timeZone, since, now);
  return slots
    .map((slot, i): SlotAction => {
      const newest = i === slots.length - 1;
      return { slot, action: newest && now - slot <= Math.max(catchUpMs, MINUTE_MS) ? 'deliver' : 'missed' };
    })
    .filter((a) => !known.has(a.slot));
}
