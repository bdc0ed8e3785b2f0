import { localToUtc } from '../../core/time.ts';

/**
 * An HL7 DTM (YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]) as an instant, in ms. A time without an offset is
 * wall-clock time in `timeZone`. Undefined when the text is not a DTM or names an impossible date or time.
 */
export function parseHl7Time(text: string, timeZone: string): number | undefined {
  const m = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
    m[i] === undefined ? undefined : Number(m[i]),
  );
  const y = year as number;
  const mo = month ?? 1;
  const d = day ?? 1;
  const h = hour ?? 0;
  const mi = minute ?? 0;
  const s = second ?? 0;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return undefined;
  if (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const offset = m[8];
  if (offset === undefined) return localToUtc(timeZone, y, mo, d, h, mi) + s * 1000 + ms;
  const sign = offset.startsWith('-') ? -1 : 1;
  const oh = Number(offset.slice(1, 3));
  const om = Number(offset.slice(3, 5));
  if (oh > 14 || om > 59) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - sign * (oh * 60 + om) * 60_000;
}

/** An HL7 date (the date part of a DT or DTM) as YYYY-MM-DD; undefined when it is not one. */
export function parseHl7Date(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(text);
  if (!m || !/^\d{8}(\d{2,6}(\.\d{1,4})?)?([+-]\d{4})?$/.test(text)) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return undefined;
  if (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Now as an HL7 DTM in UTC, for the acknowledgement's MSH-7. */
export function hl7Now(ms = Date.now()): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+0000`;
}
