import { isUserError, UserError } from '#src/core/errors.ts';
import { DAYS, daysText, formatTimes, parseTimes } from '#src/core/subscription.ts';
import { insertSubscription } from '#src/data/subscriptions.queries.ts';
import { defineSubcommand, type Context } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

/** The report as typed, or a UserError that names the `report` option. */
function readReport(reports: NonNullable<Context['reports']>, text: string) {
  try {
    return reports.parse(text);
  } catch (err) {
    if (isUserError(err) && err.code !== 'unavailable')
      throw new UserError('invalid_option', `report: ${err.message}`);
    throw err;
  }
}

export default defineSubcommand({
  name: 'add',
  description: 'Have a report delivered at set local times (by DM unless an admin sends it to this channel)',
  sensitivity: 'aggregate',
  private: true,
  options: {
    report: opt.string({
      description: 'The report as you would type it, e.g. /er census',
      required: true,
      max: 300,
    }),
    at: opt.string({ description: 'Local times, e.g. 07:00,19:00', required: true, max: 100 }),
    days: opt.choice(DAYS, { description: 'Which days (default every day)' }),
    to: opt.choice(['dm', 'channel'], { description: 'Where it goes (default a DM to you)' }),
    'skip-empty': opt.boolean({ description: 'Send nothing when the report is empty' }),
  },
  async run(o, ctx, caller) {
    if (!ctx.reports || !caller.id || !caller.channelId || !caller.guildId)
      throw new UserError(
        'invalid_argument',
        'Subscriptions are delivered in Discord: use /subscribe there.',
      );
    const report = readReport(ctx.reports, o.report);
    if (report.path.startsWith('/subscribe') || report.capability === 'admin')
      throw new UserError('invalid_option', `report: ${report.path} is not a report you can subscribe to.`);
    const times = parseTimes(o.at);
    const to = o.to ?? 'dm';
    if (to === 'channel') {
      if (report.sensitivity === 'phi')
        throw new UserError(
          'invalid_option',
          `to: ${report.path} shows patients, so it can only come to you by DM (leave out to:).`,
        );
      if (report.alwaysPrivate)
        throw new UserError(
          'invalid_option',
          `to: ${report.path} is only ever answered privately, so it can only come to you by DM (leave out to:).`,
        );
      if (!caller.may('admin'))
        throw new UserError(
          'forbidden',
          'to: only an administrator (ROLE_ADMIN_IDS) can send a report to a channel; leave out to: for a DM.',
        );
    }
    if (!caller.may(report.capability))
      throw new UserError(
        'forbidden',
        `report: your roles do not allow ${report.path}, so you cannot subscribe to it.`,
      );
    const id = await insertSubscription(ctx.sql, {
      userId: caller.id,
      guildId: caller.guildId,
      originChannelId: caller.channelId,
      report: o.report.trim(),
      sensitivity: report.sensitivity,
      times: formatTimes(times),
      days: o.days ?? 'every',
      target: to,
      targetChannelId: to === 'channel' ? caller.channelId : null,
      skipEmpty: o['skip-empty'] ? 1 : 0,
      now: new Date(ctx.now()),
    });
    const where = to === 'dm' ? 'by DM' : 'to this channel';
    return {
      title: `Subscription ${id} added`,
      summary: `${report.path} ${where} at ${formatTimes(times)} (${ctx.config.timeZone}) ${daysText(o.days ?? 'every')}${o['skip-empty'] ? ', nothing sent when empty' : ''}. It runs with your roles at each time. Remove it with /subscribe remove id:${id}.`,
      footer: 'hers-bot subscriptions',
    };
  },
});
