import { UserError } from '#src/core/errors.ts';
import { footer } from '#src/core/format.ts';
import { addDays, localDate } from '#src/core/time.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

/** What each outcome of posting means to the admin who asked. */
const RESULT: Record<string, string> = {
  posted: 'Posted.',
  'already posted': 'That day is posted already; use force:true to post it again.',
  recovered: 'It was posted already (found in the channel) and is now recorded.',
  busy: 'Another hers-bot instance is posting that day right now.',
  failed: 'Posting failed: see the audit trail and the logs for why.',
};

export default defineSubcommand({
  name: 'summary-now',
  description: 'Post the ER daily summary for a date to the summary channel now',
  sensitivity: 'aggregate',
  capability: 'admin',
  private: true,
  options: {
    date: opt.date({ description: 'Day, YYYY-MM-DD (default yesterday)' }),
    force: opt.boolean({ description: 'Post again even if that day was posted already' }),
  },
  async run(o, ctx, caller) {
    if (!ctx.summary)
      throw new UserError(
        'unavailable',
        'Posting the daily summary needs the Discord bot running with SUMMARY_CHANNEL_ID set.',
      );
    const tz = ctx.config.timeZone;
    const today = localDate(tz, ctx.now());
    const yesterday = addDays(today, -1);
    const date = o.date ?? yesterday;
    if (date >= today)
      throw new UserError(
        'invalid_option',
        `Option \`date\`: ${date} is not over yet; the latest day to post is ${yesterday}.`,
      );
    const result = await ctx.summary.postNow(date, o.force === true, caller.id);
    return {
      title: `ER daily summary for ${date}`,
      summary: RESULT[result] ?? result,
      footer: footer(tz, ctx.now()),
    };
  },
});
