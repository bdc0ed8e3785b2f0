import cron from 'node-cron';
import type { Config } from '../config.ts';
import type { Db } from '../data/queries.ts';
import type { Logger } from '../log.ts';
import type { AlertPoster } from './alert-followups.ts';
import { AlertsJob } from './alerts.job.ts';
import { DailySummaryJob } from './daily-summary.job.ts';
import type { ChannelPoster } from './exactly-once.ts';
import { SubscriptionsJob, type SubscriptionDesk } from './subscriptions.job.ts';

export interface ScheduledPostsDeps {
  sql: Db;
  config: Config;
  log: Logger;
  now: () => number;
  /** Where each kind of post goes (counted apart in /metrics). */
  posters: { summary: ChannelPoster; alert: AlertPoster };
  /** Members' subscriptions, when the Discord bot runs. */
  subscriptions?: SubscriptionDesk;
}

export interface ScheduledPosts {
  /** The daily summary job, when SUMMARY_CHANNEL_ID is set (an administrator can force a post). */
  summary: DailySummaryJob | undefined;
  /** Posts the summaries whose time passed while no process was posting (called once Discord is reached). */
  catchUp(): void;
  /** Ends the ticks; a run in progress finishes on its own. */
  stop(): Promise<void>;
}

/**
 * Starts the scheduled posts that are configured: the ER daily summary on SUMMARY_CRON in the hospital's
 * zone (when SUMMARY_CHANNEL_ID is set), the surge alerts evaluated now and every ALERT_CHECK_SECONDS
 * (when ALERT_CHANNEL_ID is set), and members' subscriptions every ten seconds and once Discord is reached.
 * Each posts exactly once across processes (src/jobs/exactly-once.ts).
 */
export function startScheduledPosts(deps: ScheduledPostsDeps): ScheduledPosts {
  const { sql, config, log, now, posters } = deps;
  const summary = config.summary.channelId
    ? new DailySummaryJob({ sql, config, log, now, poster: posters.summary })
    : undefined;
  const runSummary = () => {
    summary?.runDue().catch((err: unknown) => log.error({ err }, 'daily summary run failed'));
  };
  const summaryTask = summary
    ? cron.schedule(config.summary.cron, runSummary, {
        timezone: config.timeZone,
        noOverlap: true,
        name: 'daily-summary',
      })
    : undefined;

  const alerts = config.alerts.channelId
    ? new AlertsJob({ sql, config, log, now, poster: posters.alert })
    : undefined;
  const runAlerts = () => {
    alerts?.run().catch((err: unknown) => log.error({ err }, 'ER surge alert run failed'));
  };
  // A run still going on when the next is due is joined, not repeated (AlertsJob.run).
  const alertTimer = alerts ? setInterval(runAlerts, config.alerts.checkMs) : undefined;
  runAlerts(); // at start too: a restart picks up where the database says the rules are

  const subscriptions = deps.subscriptions
    ? new SubscriptionsJob({ sql, config, log, now, desk: deps.subscriptions })
    : undefined;
  const runSubscriptions = () => {
    subscriptions?.run().catch((err: unknown) => log.error({ err }, 'subscriptions run failed'));
  };
  const subscriptionTask = subscriptions
    ? cron.schedule('*/10 * * * * *', runSubscriptions, { noOverlap: true, name: 'subscriptions' })
    : undefined;

  return {
    summary,
    catchUp: () => {
      runSummary();
      runSubscriptions();
    },
    stop: async () => {
      await subscriptionTask?.stop();
      await summaryTask?.stop();
      clearInterval(alertTimer);
    },
  };
}
