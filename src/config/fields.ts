import { z } from 'zod';
import { cronEverFires, parseCron } from '../core/cron.ts';

/**
 * Reusable zod types for settings, each parsing one environment value (a string) into what the program
 * uses. A feature's settings are a shape built from these (see src/config/shapes.ts); messages name the
 * rule, never the value.
 */

export const Snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

/** A comma-separated list of Discord ids; empty means none. */
export const SnowflakeList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(Snowflake));

/** The setting may be left out or empty; both mean unset. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/London');

export const MysqlUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^mysql:$/.test(new URL(s).protocol), 'must be a mysql:// URL')
  .refine(
    (s) => URL.canParse(s) && /^\/[A-Za-z0-9_]{1,64}$/.test(new URL(s).pathname),
    'must name a database (letters, digits, underscore), e.g. mysql://root@127.0.0.1:3306/hers',
  );

/** Comma-separated MySQL URLs, each naming a database; empty means none. */
export const MysqlUrlList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(MysqlUrl));

export const MongoUri = z
  .string()
  .refine((s) => /^mongodb(\+srv)?:\/\/[^/]+/.test(s), 'must be a mongodb:// or mongodb+srv:// URI');

export const HttpUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http(s) URL');

/**
 * Five-field cron (minute hour day month weekday), with numbers: the same rules the scheduler applies. One
 * that can never fire (30 February) is refused: its job would silently never run.
 */
export const Cron = z
  .string()
  .refine(
    (s) => parseCron(s) !== undefined,
    'must be a five-field cron expression with numbers, such as "0 7 * * *"',
  )
  .refine((s) => {
    const cron = parseCron(s);
    return cron === undefined || cronEverFires(cron);
  }, 'never fires: none of its months has that day of the month (such as 30 February)');

/** A whole number in [min, max]. */
export const IntFromEnv = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A whole number in [min, max], or `off`. (Give a default with `prefault`: `default` would replace `off` too.) */
export const IntOrOff = (min: number, max: number) =>
  z
    .string()
    .regex(/^(\d+|off)$/, 'must be a whole number or off')
    .transform((s) => (s === 'off' ? undefined : Number(s)))
    .pipe(z.number().int().min(min).max(max).optional());

/** zod's own messages can quote the input (enum and literal errors); keep only what names the rule. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'string' ? 'is required' : `must be a ${issue.expected}`;
    case 'too_small':
    case 'too_big':
    case 'custom':
    case 'invalid_format':
      return issue.message.replace(/^Invalid input:?\s*/, '') || 'is invalid';
    default:
      return 'is invalid';
  }
}
