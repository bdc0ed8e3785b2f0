import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

function problemsOf(env: Record<string, string>): { key: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('with an empty environment, gives safe local defaults', () => {
    const c = loadConfig({});
    expect(c.mysql).toEqual({
      url: 'mysql://root@127.0.0.1:3306/hers',
      database: 'hers',
      poolSize: 10,
      clinicalPoolSize: 4,
      readUrls: [],
      readRetryMs: 30_000,
    });
    expect(c.http).toEqual({ port: undefined, host: '127.0.0.1', gatewayGraceMs: 60_000 });
    expect(c.mongo).toEqual({ uri: 'mongodb://127.0.0.1:27017/', database: 'hers' });
    expect(c.timeZone).toBe('UTC');
    expect(c.discord.token).toBeUndefined();
    expect(c.summary).toEqual({ channelId: undefined, cron: '0 7 * * *', minCell: 5, catchUpDays: 3 });
    expect(c.charts).toEqual({ renderer: 'local', quickchartUrl: 'https://quickchart.io' });
  });

  it('with full Discord settings and role lists, parses them', () => {
    const c = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '123456789012345678',
      ROLE_PHI_IDS: '111111111111111111, 222222222222222222',
      SUMMARY_MIN_CELL: '0',
      TZ: 'Europe/London',
    });
    expect(c.discord.token).toBe(TOKEN);
    expect(c.roles.phi).toEqual(['111111111111111111', '222222222222222222']);
    expect(c.roles.admin).toEqual([]);
    expect(c.summary.minCell).toBe(0);
    expect(c.timeZone).toBe('Europe/London');
  });

  it('with several bad values, names every bad key once', () => {
    const problems = problemsOf({
      MYSQL_URL: 'postgres://x@y/z',
      TZ: 'Mars/Olympus',
      CHART_RENDERER: 'gnuplot',
      SUMMARY_MIN_CELL: '-3',
      ROLE_ADMIN_IDS: '123,abc',
      DISCORD_TOKEN: TOKEN,
    });
    expect(problems.map((p) => p.key).sort()).toEqual([
      'CHART_RENDERER',
      'DISCORD_APPLICATION_ID',
      'MYSQL_URL',
      'ROLE_ADMIN_IDS',
      'SUMMARY_MIN_CELL',
      'TZ',
    ]);
    expect(problems.find((p) => p.key === 'CHART_RENDERER')?.message).toBe(
      'must be one of: local, quickchart',
    );
  });

  it('with a bad secret, never repeats the secret in the message', () => {
    const secretToken = 'short-but-secret-token';
    const secretPassword = 'hunter2-very-secret';
    try {
      loadConfig({ DISCORD_TOKEN: secretToken, MYSQL_URL: `mysql://root:${secretPassword}@db:3306/` });
      expect.unreachable();
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('DISCORD_TOKEN');
      expect(message).toContain('MYSQL_URL');
      expect(message).not.toContain(secretToken);
      expect(message).not.toContain(secretPassword);
    }
  });

  it('without rate limit settings, limits patient commands to 30 per 10 minutes, autocomplete to 60 a minute and heavy reports to 10 per 10 minutes', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      phi: { max: 30, windowMs: 600_000 },
      autocomplete: { max: 60, windowMs: 60_000 },
      heavy: { max: 10, windowMs: 600_000 },
    });
  });

  it('without fair share settings, counts reports of 90 days or more as heavy and lets 3 commands run at once', () => {
    expect(loadConfig({}).fairShare).toEqual({ heavyDays: 90, inFlight: 3 });
  });

  it('with fair share set, uses it', () => {
    const c = loadConfig({
      RATE_LIMIT_HEAVY_REPORTS: '4',
      RATE_LIMIT_HEAVY_WINDOW_MINUTES: '30',
      RATE_LIMIT_HEAVY_DAYS: '30',
      RATE_LIMIT_IN_FLIGHT: '1',
      MYSQL_CLINICAL_POOL_SIZE: '2',
    });
    expect(c.rateLimits.heavy).toEqual({ max: 4, windowMs: 1_800_000 });
    expect(c.fairShare).toEqual({ heavyDays: 30, inFlight: 1 });
    expect(c.mysql.clinicalPoolSize).toBe(2);
  });

  it('with rate limits set, uses them', () => {
    const c = loadConfig({
      RATE_LIMIT_PHI_READS: '5',
      RATE_LIMIT_PHI_WINDOW_MINUTES: '60',
      RATE_LIMIT_AUTOCOMPLETE: '120',
      RATE_LIMIT_AUTOCOMPLETE_WINDOW_SECONDS: '30',
    });
    expect(c.rateLimits).toEqual({
      phi: { max: 5, windowMs: 3_600_000 },
      autocomplete: { max: 120, windowMs: 30_000 },
      heavy: { max: 10, windowMs: 600_000 },
    });
  });

  it.each([
    ['RATE_LIMIT_PHI_READS', '0', 'Too small: expected number to be >=1'],
    ['RATE_LIMIT_PHI_READS', 'thirty', 'must be a whole number'],
    ['RATE_LIMIT_PHI_WINDOW_MINUTES', '1.5', 'must be a whole number'],
    ['RATE_LIMIT_PHI_WINDOW_MINUTES', '1441', 'Too big: expected number to be <=1440'],
    ['RATE_LIMIT_AUTOCOMPLETE', '-1', 'must be a whole number'],
    ['RATE_LIMIT_AUTOCOMPLETE_WINDOW_SECONDS', '3601', 'Too big: expected number to be <=3600'],
    ['RATE_LIMIT_HEAVY_REPORTS', '0', 'Too small: expected number to be >=1'],
    ['RATE_LIMIT_HEAVY_WINDOW_MINUTES', 'ten', 'must be a whole number'],
    ['RATE_LIMIT_HEAVY_DAYS', '1099', 'Too big: expected number to be <=1098'],
    ['RATE_LIMIT_IN_FLIGHT', '0', 'Too small: expected number to be >=1'],
    ['MYSQL_CLINICAL_POOL_SIZE', '101', 'Too big: expected number to be <=100'],
  ])('with %s=%s, names the key and the rule', (key, value, message) => {
    expect(problemsOf({ [key]: value })).toEqual([{ key, message }]);
  });

  it('with an empty optional value, treats it as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', SUMMARY_CHANNEL_ID: '' }).discord.token).toBeUndefined();
  });

  it('with read replicas of the same database, lists them in order', () => {
    const c = loadConfig({
      MYSQL_URL: 'mysql://bot:pw@primary:3306/hers',
      MYSQL_READ_URLS: 'mysql://bot:pw@replica-a:3306/hers, mysql://bot:pw@replica-b:3307/hers',
      MYSQL_READ_RETRY_SECONDS: '5',
    });
    expect(c.mysql.readUrls).toEqual([
      'mysql://bot:pw@replica-a:3306/hers',
      'mysql://bot:pw@replica-b:3307/hers',
    ]);
    expect(c.mysql.readRetryMs).toBe(5_000);
  });

  it('with a replica of another database or not a mysql URL, names MYSQL_READ_URLS', () => {
    expect(
      problemsOf({ MYSQL_URL: 'mysql://h/hers', MYSQL_READ_URLS: 'mysql://r/other' }).map((p) => p),
    ).toEqual([
      {
        key: 'MYSQL_READ_URLS',
        message: 'must name the same database as MYSQL_URL (a replica holds a copy of it)',
      },
    ]);
    expect(problemsOf({ MYSQL_READ_URLS: 'mysql://r/hers,http://r/hers' })).toEqual([
      { key: 'MYSQL_READ_URLS', message: 'must be a mysql:// URL' },
    ]);
  });

  it('with an HTTP port and host, serves health and metrics there; a bad port is named', () => {
    expect(loadConfig({ HTTP_PORT: '9464', HTTP_HOST: '0.0.0.0' }).http).toEqual({
      port: 9464,
      host: '0.0.0.0',
      gatewayGraceMs: 60_000,
    });
    expect(loadConfig({ HTTP_PORT: '' }).http.port).toBeUndefined();
    expect(problemsOf({ HTTP_PORT: '70000', HTTP_HOST: 'a b' }).map((p) => p.key)).toEqual([
      'HTTP_PORT',
      'HTTP_HOST',
    ]);
  });

  it('takes the gateway grace of /healthz in seconds; zero, a fraction or words are refused', () => {
    expect(loadConfig({ HEALTH_GATEWAY_GRACE_SECONDS: '15' }).http.gatewayGraceMs).toBe(15_000);
    for (const bad of ['0', '1.5', 'soon', '3601'])
      expect(problemsOf({ HEALTH_GATEWAY_GRACE_SECONDS: bad }).map((p) => p.key)).toEqual([
        'HEALTH_GATEWAY_GRACE_SECONDS',
      ]);
  });

  it('catches up a missed subscription slot up to an hour old by default; SUBSCRIPTION_CATCHUP_MINUTES sets it, words are refused', () => {
    expect(loadConfig({}).subscriptions).toEqual({ catchUpMinutes: 60 });
    expect(loadConfig({ SUBSCRIPTION_CATCHUP_MINUTES: '0' }).subscriptions.catchUpMinutes).toBe(0);
    expect(problemsOf({ SUBSCRIPTION_CATCHUP_MINUTES: 'soon' }).map((p) => p.key)).toEqual([
      'SUBSCRIPTION_CATCHUP_MINUTES',
    ]);
  });

  it('without PHI_DELIVERY, shows patient answers in Discord', () => {
    expect(loadConfig({}).phiDelivery).toEqual({ mode: 'discord' });
  });

  const LINK = {
    PHI_DELIVERY: 'link',
    HTTP_PORT: '9464',
    PUBLIC_BASE_URL: 'https://hers-bot.hospital.internal/',
    OIDC_ISSUER: 'https://login.hospital.internal/realms/staff',
    OIDC_CLIENT_ID: 'hers-bot',
    OIDC_CLIENT_SECRET: 'client-secret-never-shown',
  };

  it('with PHI_DELIVERY=link and its settings, links for 5 minutes by default to the page at PUBLIC_BASE_URL', () => {
    expect(loadConfig(LINK).phiDelivery).toEqual({
      mode: 'link',
      publicBaseUrl: 'https://hers-bot.hospital.internal',
      linkTtlMs: 5 * 60_000,
      oidc: {
        issuer: 'https://login.hospital.internal/realms/staff',
        clientId: 'hers-bot',
        clientSecret: 'client-secret-never-shown',
      },
    });
    expect(loadConfig({ ...LINK, PHI_LINK_MINUTES: '2' }).phiDelivery).toMatchObject({ linkTtlMs: 120_000 });
  });

  it('with PHI_DELIVERY=link but no listener, address or sign-in, names each missing key', () => {
    expect(problemsOf({ PHI_DELIVERY: 'link' })).toEqual(
      ['HTTP_PORT', 'PUBLIC_BASE_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].map((key) => ({
        key,
        message: 'is required when PHI_DELIVERY=link',
      })),
    );
  });

  it('with plain http off this machine, or a bad mode or duration, names the key and never the secret', () => {
    const problems = problemsOf({
      ...LINK,
      PUBLIC_BASE_URL: 'http://hers-bot.hospital.internal',
      OIDC_ISSUER: 'http://login.hospital.internal',
      PHI_LINK_MINUTES: '0',
    });
    expect(problems.map((p) => p.key).sort()).toEqual(['OIDC_ISSUER', 'PHI_LINK_MINUTES', 'PUBLIC_BASE_URL']);
    expect(JSON.stringify(problems)).not.toContain('client-secret-never-shown');
    expect(problemsOf({ PHI_DELIVERY: 'email' })).toEqual([
      { key: 'PHI_DELIVERY', message: 'must be one of: discord, link' },
    ]);
    // A test or a demo on this machine may use plain http.
    expect(
      loadConfig({ ...LINK, PUBLIC_BASE_URL: 'http://127.0.0.1:9464', OIDC_ISSUER: 'http://localhost:8080' })
        .phiDelivery.mode,
    ).toBe('link');
  });

  it('with no alert settings, keeps alerts off and the other rules at their defaults', () => {
    expect(loadConfig({}).alerts).toEqual({
      channelId: undefined,
      censusAt: undefined,
      waitMinutes: 30,
      dispatchAt: 5,
      rearmMinutes: 30,
      escalateMinutes: 10,
      onCallRoleId: undefined,
      checkMs: 60_000,
    });
    expect(loadConfig({}).roles.alert).toEqual([]);
  });

  it('with alert settings, parses them, and off turns a rule off', () => {
    const c = loadConfig({
      ALERT_CHANNEL_ID: '123456789012345678',
      ALERT_CENSUS_AT: '40',
      ALERT_WAIT_MINUTES: 'off',
      ALERT_DISPATCH_AT: '8',
      ALERT_REARM_MINUTES: '15',
      ALERT_ESCALATE_MINUTES: '5',
      ALERT_ONCALL_ROLE_ID: '223456789012345678',
      ALERT_CHECK_SECONDS: '20',
      ROLE_ALERT_IDS: '323456789012345678, 423456789012345678',
    });
    expect(c.alerts).toEqual({
      channelId: '123456789012345678',
      censusAt: 40,
      waitMinutes: undefined,
      dispatchAt: 8,
      rearmMinutes: 15,
      escalateMinutes: 5,
      onCallRoleId: '223456789012345678',
      checkMs: 20_000,
    });
    expect(c.roles.alert).toEqual(['323456789012345678', '423456789012345678']);
    expect(loadConfig({ ALERT_ESCALATE_MINUTES: 'off' }).alerts.escalateMinutes).toBeUndefined();
    expect(loadConfig({ ALERT_CENSUS_AT: 'off' }).alerts.censusAt).toBeUndefined();
    expect(loadConfig({ ALERT_CENSUS_AT: '' }).alerts.censusAt).toBeUndefined();
  });

  it('with bad alert settings, names each key with what it takes', () => {
    const problems = problemsOf({
      ALERT_CHANNEL_ID: '#alerts',
      ALERT_CENSUS_AT: 'forty',
      ALERT_WAIT_MINUTES: '0',
      ALERT_DISPATCH_AT: '2.5',
      ALERT_REARM_MINUTES: 'off',
      ALERT_ESCALATE_MINUTES: '0',
      ALERT_ONCALL_ROLE_ID: '@oncall',
      ALERT_CHECK_SECONDS: '0',
      ROLE_ALERT_IDS: 'charge-nurses',
    });
    expect(Object.fromEntries(problems.map((p) => [p.key, p.message]))).toEqual({
      ALERT_ESCALATE_MINUTES: expect.stringContaining('>=1'),
      ALERT_ONCALL_ROLE_ID: 'must be a Discord id (17 to 20 digits)',
      ALERT_CHECK_SECONDS: expect.stringContaining('>=1'),
      ROLE_ALERT_IDS: expect.stringContaining('Discord id'),
      ALERT_CHANNEL_ID: 'must be a Discord id (17 to 20 digits)',
      ALERT_CENSUS_AT: 'must be a whole number or off',
      ALERT_WAIT_MINUTES: expect.stringContaining('>=1'),
      ALERT_DISPATCH_AT: 'must be a whole number or off',
      ALERT_REARM_MINUTES: 'must be a whole number',
    });
  });

  it.each(['1', '2'])(
    'with SUMMARY_MIN_CELL=%s, which would suppress next to nothing, says it takes 0 or at least 3',
    (value) => {
      expect(problemsOf({ SUMMARY_MIN_CELL: value })).toEqual([
        { key: 'SUMMARY_MIN_CELL', message: 'must be 0 (no suppression) or at least 3' },
      ]);
    },
  );

  it('with SUMMARY_MIN_CELL 0 or 3, takes it: 0 turns suppression off, 3 suppresses 1 and 2', () => {
    expect(loadConfig({ SUMMARY_MIN_CELL: '0' }).summary.minCell).toBe(0);
    expect(loadConfig({ SUMMARY_MIN_CELL: '3' }).summary.minCell).toBe(3);
    expect(loadConfig({}).summary.minCell).toBe(5);
  });

  it.each(['0 7 30 2 *', '0 7 31 4,6,9,11 *', '0 7 30-31 2 *'])(
    'with SUMMARY_CRON %j, on a day none of its months has, says it never fires',
    (cron) => {
      expect(problemsOf({ SUMMARY_CRON: cron })).toEqual([
        {
          key: 'SUMMARY_CRON',
          message: 'never fires: none of its months has that day of the month (such as 30 February)',
        },
      ]);
    },
  );

  it.each(['0 7 29 2 *', '0 7 31 * *', '0 7 30 2 1', '0 7 31 1-4 *'])(
    'with SUMMARY_CRON %j, which fires on some day, takes it',
    (cron) => {
      expect(loadConfig({ SUMMARY_CRON: cron }).summary.cron).toBe(cron);
    },
  );
});
