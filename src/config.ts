import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { describeIssue } from './config/fields.ts';
import { Hl7EnvShape, hl7Problems, hl7Settings, type Hl7Settings } from './config/hl7.ts';
import {
  coreKeyProblems,
  DatabaseShape,
  DiscordShape,
  OutputShape,
  PhiDeliveryShape,
  phiDeliveryProblems,
  PostingShape,
  RuntimeShape,
  ServiceShape,
} from './config/shapes.ts';

/**
 * Every setting hers-bot reads, parsed once at start-up. Nothing else reads process.env:
 * entry points call `loadConfig(processEnv())` and pass the result down.
 *
 * The schema is the named shapes of src/config/shapes.ts, joined. A feature with settings of its own
 * exports its shape (environment keys typed with src/config/fields.ts) next to its code; it is spread in
 * here, its rules between keys (if any) join CROSS_KEY_RULES, and `loadConfig` gives it its section of
 * `Config`. .env.example lists every key.
 */
export const EnvSchema = z.object({
  ...RuntimeShape,
  ...DatabaseShape,
  ...DiscordShape,
  ...PostingShape,
  ...OutputShape,
  ...ServiceShape,
  ...PhiDeliveryShape,
  ...Hl7EnvShape,
});

/** Rules between keys: each maps the raw environment to the keys it finds wrong, with why. */
const CROSS_KEY_RULES: ((env: Record<string, string | undefined>) => Iterable<[string, string]>)[] = [
  coreKeyProblems,
  phiDeliveryProblems,
  hl7Problems,
];

type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  timeZone: string;
  mysql: {
    url: string;
    database: string;
    poolSize: number;
    /** Connections of patient lookups, apart from poolSize's: they never queue behind reports or refusals. */
    clinicalPoolSize: number;
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
  /** Role ids per capability; `alert` (who may acknowledge an alert) empty means the report roles. */
  roles: { phi: string[]; reports: string[]; admin: string[]; alert: string[] };
  phiChannelIds: string[];
  summary: { channelId: string | undefined; cron: string; minCell: number; catchUpDays: number };
  /** Members' subscriptions: a slot missed while no bot ran is delivered late if at most this old. */
  subscriptions: { catchUpMinutes: number };
  /** ER surge alerts: a rule whose setting is undefined is off; no channel turns them all off. */
  alerts: {
    channelId: string | undefined;
    censusAt: number | undefined;
    waitMinutes: number | undefined;
    dispatchAt: number | undefined;
    rearmMinutes: number;
    /** An alert nobody acknowledged for this long is escalated to the on-call role; undefined: never. */
    escalateMinutes: number | undefined;
    /** The only role an escalation mentions; without it there is no escalation. */
    onCallRoleId: string | undefined;
    /** How often the rules are evaluated. */
    checkMs: number;
  };
  charts: { renderer: 'local' | 'quickchart'; quickchartUrl: string };
  consoleOutputDir: string;
  /** The in-process store of paged replies (Previous/Next and CSV buttons). */
  pages: { maxEntries: number; maxBytes: number };
  /**
   * The /healthz, /readyz and /metrics listener; off without a port. /healthz fails once the Discord gateway
   * has not been connected for `gatewayGraceMs`.
   */
  http: { port: number | undefined; host: string; gatewayGraceMs: number };
  /** Per-user limits in Discord: patient commands (PHI reads), autocomplete, and heavy reports. */
  rateLimits: {
    phi: { max: number; windowMs: number };
    autocomplete: { max: number; windowMs: number };
    heavy: { max: number; windowMs: number };
  };
  /**
   * Each member's fair share in Discord: a report over `heavyDays` days or more counts against
   * rateLimits.heavy, and at most `inFlight` of a member's commands run at once in a bot process.
   */
  fairShare: { heavyDays: number; inFlight: number };
  /** The HL7 ADT listener (npm run hl7). */
  hl7: Hl7Settings;
  /**
   * Where patient answers go: in the private Discord reply, or (`link`) behind a one-time link to hers-bot's
   * own page (served on `http`), opened after the hospital's OpenID Connect sign-in.
   */
  phiDelivery: PhiDelivery;
}

export type PhiDelivery =
  | { mode: 'discord' }
  | {
      mode: 'link';
      /** How staff reach the page, e.g. https://hers-bot.hospital.internal (no trailing slash). */
      publicBaseUrl: string;
      linkTtlMs: number;
      oidc: { issuer: string; clientId: string; clientSecret: string };
    };

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
  const problems = new Map(CROSS_KEY_RULES.flatMap((rule) => [...rule(env)]));
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
      clinicalPoolSize: e.MYSQL_CLINICAL_POOL_SIZE,
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
    roles: {
      phi: e.ROLE_PHI_IDS,
      reports: e.ROLE_REPORT_IDS,
      admin: e.ROLE_ADMIN_IDS,
      alert: e.ROLE_ALERT_IDS,
    },
    phiChannelIds: e.PHI_CHANNEL_IDS,
    summary: {
      channelId: e.SUMMARY_CHANNEL_ID,
      cron: e.SUMMARY_CRON,
      minCell: e.SUMMARY_MIN_CELL,
      catchUpDays: e.SUMMARY_CATCHUP_DAYS,
    },
    subscriptions: { catchUpMinutes: e.SUBSCRIPTION_CATCHUP_MINUTES },
    alerts: {
      channelId: e.ALERT_CHANNEL_ID,
      censusAt: e.ALERT_CENSUS_AT,
      waitMinutes: e.ALERT_WAIT_MINUTES,
      dispatchAt: e.ALERT_DISPATCH_AT,
      rearmMinutes: e.ALERT_REARM_MINUTES,
      escalateMinutes: e.ALERT_ESCALATE_MINUTES,
      onCallRoleId: e.ALERT_ONCALL_ROLE_ID,
      checkMs: e.ALERT_CHECK_SECONDS * 1000,
    },
    charts: { renderer: e.CHART_RENDERER, quickchartUrl: e.QUICKCHART_URL },
    consoleOutputDir: e.CONSOLE_OUTPUT_DIR,
    pages: { maxEntries: e.PAGE_STORE_MAX_ENTRIES, maxBytes: e.PAGE_STORE_MAX_MB * 1024 * 1024 },
    http: { port: e.HTTP_PORT, host: e.HTTP_HOST, gatewayGraceMs: e.HEALTH_GATEWAY_GRACE_SECONDS * 1_000 },
    rateLimits: {
      phi: { max: e.RATE_LIMIT_PHI_READS, windowMs: e.RATE_LIMIT_PHI_WINDOW_MINUTES * 60_000 },
      autocomplete: {
        max: e.RATE_LIMIT_AUTOCOMPLETE,
        windowMs: e.RATE_LIMIT_AUTOCOMPLETE_WINDOW_SECONDS * 1_000,
      },
      heavy: { max: e.RATE_LIMIT_HEAVY_REPORTS, windowMs: e.RATE_LIMIT_HEAVY_WINDOW_MINUTES * 60_000 },
    },
    fairShare: { heavyDays: e.RATE_LIMIT_HEAVY_DAYS, inFlight: e.RATE_LIMIT_IN_FLIGHT },
    hl7: hl7Settings(e),
    phiDelivery: phiDeliverySettings(e),
  };
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

/**
 * Where patient answers go. The keys link mode needs were checked with the others (phiDeliveryProblems):
 * one missing here is a mistake in this file, and fails rather than sending patient details to Discord.
 */
function phiDeliverySettings(e: Env): Config['phiDelivery'] {
  if (e.PHI_DELIVERY !== 'link') return { mode: 'discord' };
  const { PUBLIC_BASE_URL: base, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId } = e;
  const clientSecret = e.OIDC_CLIENT_SECRET;
  if (!base || !issuer || !clientId || !clientSecret)
    throw new Error(
      'PHI_DELIVERY=link without PUBLIC_BASE_URL and OIDC_* (not caught by phiDeliveryProblems)',
    );
  return {
    mode: 'link',
    publicBaseUrl: base.replace(/\/+$/, ''),
    linkTtlMs: e.PHI_LINK_MINUTES * 60_000,
    oidc: { issuer, clientId, clientSecret },
  };
}
