import { localParts } from './time.ts';

/** How times read in replies: local to the hospital, 24-hour, no seconds. */
export function when(timeZone: string, d: Date | null | undefined): string {
  if (!d) return '-';
  const p = localParts(timeZone, d.getTime());
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export function timeOfDay(timeZone: string, d: Date): string {
  const p = localParts(timeZone, d.getTime());
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function isoDay(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : '-';
}

export function fullName(r: { first_name: string; last_name: string }): string {
  return `${r.first_name} ${r.last_name}`;
}

/** The footer every reply carries: the window and when the answer was computed. */
export function footer(timeZone: string, now: number, window?: string): string {
  const at = when(timeZone, new Date(now));
  return window ? `${window} · as of ${at} ${timeZone}` : `as of ${at} ${timeZone}`;
}

/** "12 of 340 shown" when a result was cut at the cap. */
export function shownOf(shown: number, total: number | undefined): string {
  return total !== undefined && total > shown ? ` (${shown} of ${total} shown)` : '';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
