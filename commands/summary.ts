import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { buildDailySummary, summaryReply } from '../src/core/daily-summary.ts';
import { UserError } from '../src/core/errors.ts';
import { addDays, localDate } from '../src/core/time.ts';
import { summaryInput } from '../src/data/summary.queries.ts';
import { subcommand, type Command } from './shared/command.ts';
import { when } from './shared/format.ts';
import { dateSchema } from './shared/options.ts';

const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('The ER daily summary for a date, on demand (only you see it)')
  .addStringOption((o) =>
    o.setName('date').setDescription('Day, YYYY-MM-DD (default yesterday)').setMinLength(10).setMaxLength(10),
  );

const summary = subcommand({
  sensitivity: 'aggregate',
  // Every count as it is, for someone allowed to see reports: never posted in the channel for all to see.
  alwaysPrivate: true,
  options: z.object({ date: dateSchema.optional() }),
  async run(o, ctx) {
    const tz = ctx.config.timeZone;
    const today = localDate(tz, ctx.now());
    const date = o.date ?? addDays(today, -1);
    if (date > today)
      throw new UserError(
        'invalid_option',
        `Option \`date\`: ${date} is in the future; the latest summary is for today (${today}), so far.`,
      );
    const built = buildDailySummary(await summaryInput(ctx.sql, date, tz));
    const reply = summaryReply(built, when(ctx, new Date(ctx.now())));
    return date === today
      ? { ...reply, summary: `Today so far (the day is not over): ${reply.summary}` }
      : reply;
  },
});

export default { data, subcommands: { '': summary } } satisfies Command;
