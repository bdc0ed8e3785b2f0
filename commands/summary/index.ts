import { buildDailySummary, summaryReply } from '#src/core/daily-summary.ts';
import { UserError } from '#src/core/errors.ts';
import { when } from '#src/core/format.ts';
import { addDays, localDate } from '#src/core/time.ts';
import { summaryInput } from '#src/data/summary.queries.ts';
import { defineCommand, defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineCommand({
  name: 'summary',
  description: 'The ER daily summary for a date, on demand (only you see it)',
  subcommands: [
    defineSubcommand({
      name: '',
      description: 'The ER daily summary for a date, on demand (only you see it)',
      sensitivity: 'aggregate',
      // Every count as it is, for someone allowed to see reports: never posted in the channel for all to see.
      private: true,
      options: { date: opt.date({ description: 'Day, YYYY-MM-DD (default yesterday)' }) },
      async run(o, ctx) {
        const tz = ctx.config.timeZone;
        const today = localDate(tz, ctx.now());
        const date = o.date ?? addDays(today, -1);
        if (date > today)
          throw new UserError(
            'invalid_option',
            `Option \`date\`: ${date} is in the future; the latest summary is for today (${today}), so far.`,
          );
        const built = buildDailySummary(await summaryInput(ctx.read, date, tz));
        const reply = summaryReply(built, when(tz, new Date(ctx.now())));
        return date === today
          ? { ...reply, summary: `Today so far (the day is not over): ${reply.summary}` }
          : reply;
      },
    }),
  ],
});
