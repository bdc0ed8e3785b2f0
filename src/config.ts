import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseCron } from './core/cron.ts';

/**
 * Every setting hers-bot reads, parsed once at start-up. Nothing else reads process.env:
 * entry points call `loadConfig(processEnv())` and pass the result down.
 */

const Snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

/** A comma-separated list of Discord ids; empty means none. */
const SnowflakeList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(Snowflake));

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/London');

const MysqlUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^mysql:$/.test(new URL(s).protocol), 'must be a mysql:// URL')
  .refine(
    (s) => URL.canParse(s) && /^\/[A-Za-z0-9_]{1,64}$/.test(new URL(s).pathname),
    'must name a database (letters, digits, underscore), e.g. mysql://root@127.0.0.1:3306/hers',
  );

/** Comma-separated MySQL URLs, each naming a database; empty means none. */
const MysqlUrlList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(MysqlUrl));

const MongoUri = z
  .string()
  .refine((s) => /^mongodb(\+srv)?:\/\/[^/]+/.test(s), 'must be a mongodb:// or mongodb+srv:// URI');

const HttpUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http(s) URL');

/** Five-field cron (minute hour day month weekday), with numbers: the same rules the scheduler applies. */
const Cron = z
  .string()
  .refine(
    (s) => parseCron(s) !== undefined,
    'must be a five-field cron expression with numbers, such as "0 7 * * *"',
  );

const IntFromEnv = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A whole number in [min, max], or `off`. (Give a default with `prefault`: `default` would replace `off` too.) */
const IntOrOff = (min: number, max: number) =>
  z
    .string()
    .regex(/^(\d+|off)$/, 'must be a whole number or off')
    .transform((s) => (s === 'off' ? undefined : Number(s)))
    .pipe(z.number().int().min(min).max(max).optional());

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TZ: TimeZone.default('UTC'),

  MYSQL_URL: MysqlUrl.default('mysql://root@127.0.0.1:3306/hers'),
  MYSQL_POOL_SIZE: IntFromEnv(1, 100).default(10),
  MYSQL_READ_URLS: MysqlUrlList,
  MYSQL_READ_RETRY_SECONDS: IntFromEnv(1, 3600).default(30),
  MONGODB_URI: MongoUri.default('mongodb://127.0.0.1:27017/'),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a database name (letters, digits, _ and -)')
    .default('hers'),

  DISCORD_TOKEN: optional(z.string().min(50, 'does not look like a bot token')),
  DISCORD_APPLICATION_ID: optional(Snowflake),
  DISCORD_GUILD_ID: optional(Snowflake),
  DISCORD_API_BASE: optional(HttpUrl),

  ROLE_PHI_IDS: SnowflakeList,
  ROLE_REPORT_IDS: SnowflakeList,
  ROLE_ADMIN_IDS: SnowflakeList,
  PHI_CHANNEL_IDS: SnowflakeList,

  SUMMARY_CHANNEL_ID: optional(Snowflake),
  SUMMARY_CRON: Cron.default('0 7 * * *'),
  SUMMARY_MIN_CELL: IntFromEnv(0, 1000).default(5),
  SUMMARY_CATCHUP_DAYS: IntFromEnv(0, 31).default(3),

  ALERT_CHANNEL_ID: optional(Snowflake),
  ALERT_CENSUS_AT: optional(IntOrOff(1, 100_000)),
  ALERT_WAIT_MINUTES: IntOrOff(1, 1_440).prefault('30'),
  ALERT_DISPATCH_AT: IntOrOff(1, 10_000).prefault('5'),
  ALERT_REARM_MINUTES: IntFromEnv(1, 1_440).default(30),

  CHART_RENDERER: z.enum(['local', 'quickchart']).default('local'),
  QUICKCHART_URL: HttpUrl.default('https://quickchart.io'),

  CONSOLE_OUTPUT_DIR: z.string().min(1).default('.hers/charts'),

  PAGE_STORE_MAX_ENTRIES: IntFromEnv(1, 1_000_000).default(1_000),
  PAGE_STORE_MAX_MB: IntFromEnv(1, 65_536).default(32),

  HTTP_PORT: optional(IntFromEnv(1, 65_535)),
  HTTP_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'must be a host name or an IP address, such as 127.0.0.1')
    .default('127.0.0.1'),
  RATE_LIMIT_PHI_READS: IntFromEnv(1, 10_000).default(30),
  RATE_LIMIT_PHI_WINDOW_MINUTES: IntFromEnv(1, 1_440).default(10),
  RATE_LIMIT_AUTOCOMPLETE: IntFromEnv(1, 10_000).default(60),
  RATE_LIMIT_AUTOCOMPLETE_WINDOW_SECONDS: IntFromEnv(1, 3_600).default(60),
});

/** Rules between keys, checked on the raw values so they are reported alongside every other problem. */
function crossKeyProblems(env: Record<string, string | undefined>): Map<string, string> {
  const problems = new Map<string, string>();
  if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
    problems.set('DISCORD_APPLICATION_ID', 'is required when DISCORD_TOKEN is set');
  }
  const database = (url: string) => (URL.canParse(url) ? new URL(url).pathname : undefined);
  const primary = database(env.MYSQL_URL ?? 'mysql://127.0.0.1/hers');
  const replicas = (env.MYSQL_READ_URLS ?? '').split(',').map((s) => s.trim());
  if (replicas.some((r) => r !== '' && database(r) !== undefined && database(r) !== primary)) {
    problems.set(
      'MYSQL_READ_URLS',
      'must name the same database as MYSQL_URL (a replica holds a copy of it)',
    );
  }
  return problems;
}

type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  timeZone: string;
  mysql: {
    url: string;
    database: string;
    poolSize: number;
    /** Replicas for report and lookup queries; empty sends them to the primary, `url`. */
    readUrls: string[];
    /** How long a replica that failed is left out before it is tried again. */
    readRetryMs: number;
  };
  mongo: { uri: string; database: string };
  discord: {
    token: string | undefined;
    applicationId: string | undefined;
    guildId: string | undefined;
    apiBase: string | undefined;
  };
  roles: { phi: string[]; reports: string[]; admin: string[] };
  phiChannelIds: string[];
  summary: { channelId: string | undefined; cron: string; minCell: number; catchUpDays: number };
  /** ER surge alerts: a rule whose setting is undefined is off; no channel turns them all off. */
  alerts: {
    channelId: string | undefined;
    censusAt: number | undefined;
    waitMinutes: number | undefined;
    dispatchAt: number | undefined;
    rearmMinutes: number;
  };
  charts: { renderer: 'local' | 'quickchart'; quickchartUrl: string };
  consoleOutputDir: string;
  /** The in-process store of paged replies (Previous/Next and CSV buttons). */
  pages: { maxEntries: number; maxBytes: number };
  /** The /healthz, /readyz and /metrics listener; off without a port. */
  http: { port: number | undefined; host: string };
  /** Per-user limits in Discord: patient commands (PHI reads), and autocomplete. */
  rateLimits: { phi: { max: number; windowMs: number }; autocomplete: { max: number; windowMs: number } };
}

export class ConfigError extends Error {
  constructor(readonly problems: { key: string; message: string }[]) {
    super(
      `Configuration is invalid (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
        problems.map((p) => `  - ${p.key} ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses settings from an environment-like record. Pure: the caller decides where `env` comes from.
 * Throws ConfigError naming every bad key; messages never contain the values themselves.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = crossKeyProblems(env);
  for (const issue of parsed.error?.issues ?? []) {
    const key = String(issue.path[0] ?? '(environment)');
    if (!problems.has(key)) problems.set(key, describeIssue(issue));
  }
  if (!parsed.success || problems.size > 0) {
    throw new ConfigError([...problems].map(([key, message]) => ({ key, message })));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TZ,
    mysql: {
      url: e.MYSQL_URL,
      database: new URL(e.MYSQL_URL).pathname.slice(1),
      poolSize: e.MYSQL_POOL_SIZE,
      readUrls: e.MYSQL_READ_URLS,
      readRetryMs: e.MYSQL_READ_RETRY_SECONDS * 1000,
    },
    mongo: { uri: e.MONGODB_URI, database: e.MONGODB_DB },
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiBase: e.DISCORD_API_BASE,
    },
    roles: { phi: e.ROLE_PHI_IDS, reports: e.ROLE_REPORT_IDS, admin: e.ROLE_ADMIN_IDS },
    phiChannelIds: e.PHI_CHANNEL_IDS,
    summary: {
      channelId: e.SUMMARY_CHANNEL_ID,
      cron: e.SUMMARY_CRON,
      minCell: e.SUMMARY_MIN_CELL,
      catchUpDays: e.SUMMARY_CATCHUP_DAYS,
    },
    alerts: {
      channelId: e.ALERT_CHANNEL_ID,
      censusAt: e.ALERT_CENSUS_AT,
      waitMinutes: e.ALERT_WAIT_MINUTES,
      dispatchAt: e.ALERT_DISPATCH_AT,
      rearmMinutes: e.ALERT_REARM_MINUTES,
    },
    charts: { renderer: e.CHART_RENDERER, quickchartUrl: e.QUICKCHART_URL },
    consoleOutputDir: e.CONSOLE_OUTPUT_DIR,
    pages: { maxEntries: e.PAGE_STORE_MAX_ENTRIES, maxBytes: e.PAGE_STORE_MAX_MB * 1024 * 1024 },
    http: { port: e.HTTP_PORT, host: e.HTTP_HOST },
    rateLimits: {
      phi: { max: e.RATE_LIMIT_PHI_READS, windowMs: e.RATE_LIMIT_PHI_WINDOW_MINUTES * 60_000 },
      autocomplete: {
        max: e.RATE_LIMIT_AUTOCOMPLETE,
        windowMs: e.RATE_LIMIT_AUTOCOMPLETE_WINDOW_SECONDS * 1_000,
      },
    },
  };
}

/** zod's own messages can quote the input (enum and literal errors); keep only what names the rule. */
function describeIssue(issue: z.core.$ZodIssue): string {
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

/**
 * The process environment, for entry points only, over the values of a `.env` file in the working
 * directory if there is one (the real environment wins). Tests (NODE_ENV=test) never read `.env`.
 */
export function processEnv(): Record<string, string | undefined> {
  if (process.env.NODE_ENV === 'test' || !existsSync('.env')) return process.env;
  return { ...parseEnv(readFileSync('.env', 'utf8')), ...process.env };
}

/** Connection settings with any password removed, for logs and messages. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return '(unparseable URL)';
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
