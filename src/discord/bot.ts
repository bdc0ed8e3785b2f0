import { DiscordjsErrorCodes, Events } from 'discord.js';
import cron from 'node-cron';
import { setTimeout as sleep } from 'node:timers/promises';
import { commands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import { openContext } from '../context.ts';
import type { Logger } from '../log.ts';
import { deleteEndedRateLimits } from '../data/rate-limit.queries.ts';
import { createClient } from './client.ts';
import { createHandler } from './handler.ts';
import { DailySummaryJob } from '../jobs/daily-summary.job.ts';
import { scheduleAlerts } from '../jobs/alerts.job.ts';
import { discordAlertPoster, discordSummaryPoster } from './channel-poster.ts';
import { Pager } from './pager.ts';
import { InteractionClaims } from './claims.ts';
import { startBotOps } from './ops.ts';

const PAGE_TTL_MS = 15 * 60_000;
/** How often the counts of ended rate limit windows are deleted. */
const RATE_SWEEP_MS = 5 * 60_000;
const SHUTDOWN_MS = 10_000;

/**
 * Runs the Discord bot until SIGTERM or SIGINT: then it stops taking interactions, lets the ones in
 * flight finish, closes the pools and resolves, all within 10 seconds.
 */
export async function startBot(config: Config, log: Logger): Promise<void> {
  const token = config.discord.token;
  if (!token) throw new UserError('misconfigured', 'DISCORD_TOKEN is not set.');
  const { ctx, close } = await openContext(config, Date.now, {
    onReplicaChange: (replica, state) =>
      log.warn({ replica, state }, state === 'offline' ? 'read replica left out' : 'read replica back'),
  });
  const client = createClient(config);
  const ops = await startBotOps(config, client, ctx, log).catch(async (err: unknown) => {
    await close();
    throw new UserError('misconfigured', (err as Error).message);
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  const onStateError = (err: unknown) => log.warn({ err }, 'shared interaction state not reached');
  const pager = new Pager(ctx.sql, { ttlMs: PAGE_TTL_MS, limits: config.pages, onError: onStateError });
  const claims = new InteractionClaims(ctx.sql, { accepting: () => accepting, onError: onStateError });
  // The ER daily summary: posted by a cron tick in the hospital's zone, and caught up at start.
  const summaryJob = config.summary.channelId
    ? new DailySummaryJob({
        sql: ctx.sql,
        config,
        log,
        now: Date.now,
        poster: discordSummaryPoster(config, () => client.user?.id),
      })
    : undefined;
  const runSummary = () => {
    summaryJob?.runDue().catch((err: unknown) => log.error({ err }, 'daily summary run failed'));
  };
  if (summaryJob) {
    ctx.summary = {
      postNow: async (date, force, actorId) => summaryJob.postDay(date, { force, actorId }),
    };
  }
  const task = summaryJob
    ? cron.schedule(config.summary.cron, runSummary, {
        timezone: config.timeZone,
        noOverlap: true,
        name: 'daily-summary',
      })
    : undefined;
  // ER surge alerts: evaluated every minute when ALERT_CHANNEL_ID is set.
  const alerts = scheduleAlerts({
    sql: ctx.sql,
    config,
    log,
    now: Date.now,
    poster: discordAlertPoster(config, () => client.user?.id),
  });
  const handle = createHandler({
    commands,
    ctx,
    config,
    log,
    pager,
    claim: (id) => claims.claim(id),
    accepting: () => accepting,
  });
  const sweep = setInterval(() => {
    deleteEndedRateLimits(ctx.sql).catch((err: unknown) =>
      log.warn({ err }, 'could not delete ended rate limit counts'),
    );
  }, RATE_SWEEP_MS);
  sweep.unref();

  // One bad interaction or a stray rejection is logged, never fatal.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception'));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.InteractionCreate, (interaction) => {
    const work = handle(interaction).finally(() => {
      inFlight.delete(work);
      ops.answered(interaction);
    });
    inFlight.add(work);
  });
  client.once(Events.ClientReady, (c) => {
    log.info(
      { user: c.user.tag, guilds: c.guilds.cache.size, summary: summaryJob ? config.summary.cron : 'off' },
      'hers-bot is connected to Discord',
    );
    // Days whose post time passed while the bot was down are caught up now.
    runSummary();
  });

  const stopped = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });

  try {
    await client.login(token);
  } catch (err) {
    clearInterval(sweep);
    await task?.stop();
    await ops.stop();
    await alerts?.stop();
    await close();
    pager.stop();
    claims.stop();
    await client.destroy();
    const code = (err as { code?: unknown }).code;
    const status = (err as { status?: unknown }).status;
    if (code === DiscordjsErrorCodes.TokenInvalid || status === 401) {
      throw new UserError(
        'misconfigured',
        'Discord refused DISCORD_TOKEN (401 Unauthorized): check the bot token in the Discord developer portal.',
      );
    }
    throw new UserError('unavailable', `Could not connect to Discord: ${(err as Error).message}`);
  }

  const signal = await stopped;
  log.info({ signal, inFlight: inFlight.size }, 'shutting down');
  accepting = false;
  clearInterval(sweep);
  await task?.stop();
  await alerts?.stop();
  const hardStop = setTimeout(() => {
    log.error('shutdown took longer than 10 s; exiting');
    process.exit(1);
  }, SHUTDOWN_MS);
  hardStop.unref();
  await Promise.race([Promise.allSettled([...inFlight]), sleep(SHUTDOWN_MS - 2_000)]);
  pager.stop();
  claims.stop();
  await client.destroy();
  await ops.stop();
  await close();
  clearTimeout(hardStop);
  log.info('stopped');
}
