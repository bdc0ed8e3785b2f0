import { z } from 'zod';
import {
  Cron,
  HttpUrl,
  IntFromEnv,
  IntOrOff,
  MongoUri,
  MysqlUrl,
  MysqlUrlList,
  optional,
  Snowflake,
  SnowflakeList,
  TimeZone,
} from './fields.ts';

/**
 * The settings, in named groups: each shape maps environment keys to their types and defaults.
 * src/config.ts joins them into one schema; a feature with settings of its own adds its shape there.
 */

export const RuntimeShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TZ: TimeZone.default('UTC'),
};

export const DatabaseShape = {
  MYSQL_URL: MysqlUrl.default('mysql://root@127.0.0.1:3306/hers'),
  MYSQL_POOL_SIZE: IntFromEnv(1, 100).default(10),
  MYSQL_CLINICAL_POOL_SIZE: IntFromEnv(1, 100).default(4),
  MYSQL_READ_URLS: MysqlUrlList,
  MYSQL_READ_RETRY_SECONDS: IntFromEnv(1, 3600).default(30),
  MONGODB_URI: MongoUri.default('mongodb://127.0.0.1:27017/'),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a database name (letters, digits, _ and -)')
    .default('hers'),
};

/** The Discord application, and who may see what in it. */
export const DiscordShape = {
  DISCORD_TOKEN: optional(z.string().min(50, 'does not look like a bot token')),
  DISCORD_APPLICATION_ID: optional(Snowflake),
  DISCORD_GUILD_ID: optional(Snowflake),
  DISCORD_API_BASE: optional(HttpUrl),

  ROLE_PHI_IDS: SnowflakeList,
  ROLE_REPORT_IDS: SnowflakeList,
  ROLE_ADMIN_IDS: SnowflakeList,
  /** Who may acknowledge an alert; empty: the report roles. */
  ROLE_ALERT_IDS: SnowflakeList,
  PHI_CHANNEL_IDS: SnowflakeList,
};

/** What the bot posts on its own: the ER daily summary, ER surge alerts and members' subscriptions. */
export const PostingShape = {
  SUMMARY_CHANNEL_ID: optional(Snowflake),
  SUMMARY_CRON: Cron.default('0 7 * * *'),
  // 1 and 2 would suppress nothing (or only 1s), though posts would say counts are suppressed.
  SUMMARY_MIN_CELL: IntFromEnv(0, 1000)
    .refine((n) => n === 0 || n >= 3, 'must be 0 (no suppression) or at least 3')
    .default(5),
  SUMMARY_CATCHUP_DAYS: IntFromEnv(0, 31).default(3),
  SUBSCRIPTION_CATCHUP_MINUTES: IntFromEnv(0, 1_440).default(60),

  ALERT_CHANNEL_ID: optional(Snowflake),
  ALERT_CENSUS_AT: optional(IntOrOff(1, 100_000)),
  ALERT_WAIT_MINUTES: IntOrOff(1, 1_440).prefault('30'),
  ALERT_DISPATCH_AT: IntOrOff(1, 10_000).prefault('5'),
  ALERT_REARM_MINUTES: IntFromEnv(1, 1_440).default(30),
  ALERT_ESCALATE_MINUTES: IntOrOff(1, 1_440).prefault('10'),
  ALERT_ONCALL_ROLE_ID: optional(Snowflake),
  ALERT_CHECK_SECONDS: IntFromEnv(1, 3_600).default(60),
};

/** Charts, the console's files and the store of paged replies. */
export const OutputShape = {
  CHART_RENDERER: z.enum(['local', 'quickchart']).default('local'),
  QUICKCHART_URL: HttpUrl.default('https://quickchart.io'),

  CONSOLE_OUTPUT_DIR: z.string().min(1).default('.hers/charts'),

  PAGE_STORE_MAX_ENTRIES: IntFromEnv(1, 1_000_000).default(1_000),
  PAGE_STORE_MAX_MB: IntFromEnv(1, 65_536).default(32),
};

/** The health and metrics listener, and each member's limits (rate limits and fair share). */
export const ServiceShape = {
  HTTP_PORT: optional(IntFromEnv(1, 65_535)),
  HTTP_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'must be a host name or an IP address, such as 127.0.0.1')
    .default('127.0.0.1'),
  HEALTH_GATEWAY_GRACE_SECONDS: IntFromEnv(1, 3_600).default(60),
  RATE_LIMIT_PHI_READS: IntFromEnv(1, 10_000).default(30),
  RATE_LIMIT_PHI_WINDOW_MINUTES: IntFromEnv(1, 1_440).default(10),
  RATE_LIMIT_AUTOCOMPLETE: IntFromEnv(1, 10_000).default(60),
  RATE_LIMIT_AUTOCOMPLETE_WINDOW_SECONDS: IntFromEnv(1, 3_600).default(60),
  RATE_LIMIT_HEAVY_REPORTS: IntFromEnv(1, 10_000).default(10),
  RATE_LIMIT_HEAVY_WINDOW_MINUTES: IntFromEnv(1, 1_440).default(10),
  RATE_LIMIT_HEAVY_DAYS: IntFromEnv(1, 1_098).default(90),
  RATE_LIMIT_IN_FLIGHT: IntFromEnv(1, 100).default(3),
};

/** Rules between the keys above, checked on the raw values so they are reported alongside every other problem. */
export function coreKeyProblems(env: Record<string, string | undefined>): Map<string, string> {
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

/**
 * How patient answers reach a member: `discord` (in the private reply) or `link` (a one-time link to
 * hers-bot's own page, behind the hospital's OpenID Connect sign-in; see README, "Who sees what").
 */
export const PhiDeliveryShape = {
  PHI_DELIVERY: z.enum(['discord', 'link']).default('discord'),
  PUBLIC_BASE_URL: optional(HttpUrl),
  PHI_LINK_MINUTES: IntFromEnv(1, 60).default(5),
  OIDC_ISSUER: optional(HttpUrl),
  OIDC_CLIENT_ID: optional(z.string().min(1).max(255)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
};

/** Plain http is for this machine only (a test, a demo); anywhere else sign-in and cookies need https. */
export const isLoopbackUrl = (url: string) =>
  URL.canParse(url) && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(new URL(url).hostname);

/** With PHI_DELIVERY=link, the page's listener, its address and the sign-in are all required. */
export function phiDeliveryProblems(env: Record<string, string | undefined>): Map<string, string> {
  const problems = new Map<string, string>();
  if (env.PHI_DELIVERY !== 'link') return problems;
  const set = (key: string) => (env[key] ?? '') !== '';
  for (const key of ['HTTP_PORT', 'PUBLIC_BASE_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'])
    if (!set(key)) problems.set(key, 'is required when PHI_DELIVERY=link');
  for (const key of ['PUBLIC_BASE_URL', 'OIDC_ISSUER']) {
    const url = env[key] ?? '';
    if (URL.canParse(url) && new URL(url).protocol === 'http:' && !isLoopbackUrl(url))
      problems.set(key, 'must be an https URL (http is accepted for 127.0.0.1 and localhost only)');
  }
  return problems;
}
