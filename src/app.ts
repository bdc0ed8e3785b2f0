import { commands } from '../commands/index.ts';
import type { Config } from './config.ts';
import { interactive, runLine } from './console/session.ts';
import { openContext } from './context.ts';
import { documentCounts } from './data/er.pipeline.ts';
import { dataOverview } from './data/overview.queries.ts';
import { renderTablePages } from './render/table.ts';
import { createLogger, type Logger } from './log.ts';
import { discordChannelPoster } from './discord/channel-poster.ts';
import { startBot, type RunningBot } from './discord/bot.ts';
import { startScheduledPosts } from './jobs/scheduled-posts.ts';
import { parseCommandLine } from './console/parse.ts';
import { reportReader, subscriptionDesk } from './discord/subscription-desk.ts';
import type { UserError } from './core/errors.ts';

/** hers-bot's main job: the Discord bot when DISCORD_TOKEN is set, otherwise the terminal session. */
export async function start(config: Config): Promise<void> {
  if (config.discord.token) await runBot(config, createLogger(config));
  else await startApp(config, (text) => console.log(text));
}

/**
 * The terminal session that `npm start` opens without DISCORD_TOKEN: it says what data it serves, shows one
 * sample answer, then answers the same commands staff would type in Discord.
 */
export async function startApp(config: Config, out: (text: string) => void): Promise<void> {
  const { ctx, close } = await openContext(config);
  try {
    const o = await dataOverview(ctx.read);
    const { dispatchIncidents: incidents, erTreatments: treatments } = await documentCounts(ctx.mongo);
    const fmt = (d: Date | null) =>
      d
        ? d.toLocaleString('en-GB', { timeZone: config.timeZone, dateStyle: 'medium', timeStyle: 'short' })
        : 'none';
    const [table] = renderTablePages(
      {
        columns: [{ name: 'loaded' }, { name: 'count', align: 'right' }],
        rows: [
          ['patients', o.patients],
          ['active staff', o.active_staff],
          ['emergency calls', o.calls],
          ['ambulance dispatches', o.dispatches],
          ['ER visits', o.er_visits],
          ['ER treatments', o.er_treatments],
          ['appointments', o.appointments],
          ['prescriptions', o.prescriptions],
          ['Mongo dispatch_incidents', incidents],
          ['Mongo er_treatments', treatments],
        ],
      },
      { maxChars: Number.MAX_SAFE_INTEGER },
    );
    out(
      [
        `hers-bot: connected to MySQL (${config.mysql.database}) and MongoDB (${config.mongo.database}); time zone ${config.timeZone}`,
        '',
        table,
        `ER arrivals from ${fmt(o.first_arrival)} to ${fmt(o.last_arrival)}`,
        '',
        'For example, /er arrivals window:24h:',
        '',
        (await runLine('/er arrivals window:24h', commands, ctx, 'text')).out,
        '',
      ].join('\n'),
    );
    await interactive(commands, ctx);
  } finally {
    await close();
  }
}

const SHUTDOWN_MS = 10_000;

/**
 * Runs the Discord bot and the scheduled posts until SIGTERM or SIGINT: then it stops the schedules and
 * taking interactions, lets the ones in flight finish, closes the pools and resolves, all within 10 seconds.
 * When Discord shuts the bot out for good (a revoked token: gateway close 4004) it stops the same way and
 * then rejects with the reason, so that the process exits non-zero and a supervisor restarts it or alerts.
 */
export async function runBot(config: Config, log: Logger): Promise<void> {
  const { ctx, close } = await openContext(config, Date.now, {
    onReplicaChange: (replica, state) =>
      log.warn({ replica, state }, state === 'offline' ? 'read replica left out' : 'read replica back'),
  });
  let bot: RunningBot | undefined;
  const botUserId = () => bot?.userId();
  const parse = (line: string) => parseCommandLine(line, commands);
  ctx.reports = reportReader(config, commands, parse);
  const posts = startScheduledPosts({
    sql: ctx.sql,
    config,
    log,
    now: Date.now,
    posters: {
      summary: discordChannelPoster(config, botUserId, 'summary'),
      alert: discordChannelPoster(config, botUserId, 'alert'),
    },
    subscriptions: subscriptionDesk(config, ctx, commands, parse, botUserId),
  });
  const summary = posts.summary;
  if (summary) {
    ctx.summary = { postNow: async (date, force, actorId) => summary.postDay(date, { force, actorId }) };
  }
  let shutOut: (err: UserError) => void = () => undefined;
  const stopped = new Promise<{ signal: string; fatal?: UserError }>((resolve) => {
    process.once('SIGTERM', () => resolve({ signal: 'SIGTERM' }));
    process.once('SIGINT', () => resolve({ signal: 'SIGINT' }));
    shutOut = (fatal) => resolve({ signal: 'none', fatal });
  });
  // One bad interaction or a stray rejection is logged, never fatal.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception'));

  try {
    bot = await startBot(config, log, ctx, {
      // Days whose post time passed while the bot was down are caught up once Discord is reached.
      onReady: () => posts.catchUp(),
      readyFields: { summary: summary ? config.summary.cron : 'off' },
      onFatal: (err) => shutOut(err),
    });
  } catch (err) {
    await posts.stop();
    await close();
    throw err;
  }

  const { signal, fatal } = await stopped;
  log.info({ signal, inFlight: bot.inFlight() }, 'shutting down');
  const hardStop = setTimeout(() => {
    log.error('shutdown took longer than 10 s; exiting');
    process.exit(1);
  }, SHUTDOWN_MS);
  hardStop.unref();
  await posts.stop();
  await bot.stop();
  await close();
  clearTimeout(hardStop);
  log.info('stopped');
  // The one line that says why (src/cli/run.ts prints it and exits 2).
  if (fatal) throw fatal;
}
