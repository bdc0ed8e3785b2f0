import { UserError } from '#src/core/errors.ts';
import { daysText } from '#src/core/subscription.ts';
import { DAY_MS } from '#src/core/time.ts';
import { when } from '#src/core/format.ts';
import { latestSubscriptionPosts, subscriptionsOf } from '#src/data/subscriptions.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';

export default defineSubcommand({
  name: 'list',
  description: 'Your subscriptions, their last delivery, and any slot skipped or paused',
  sensitivity: 'aggregate',
  private: true,
  options: {},
  async run(_o, ctx, caller) {
    if (!caller.id) throw new UserError('invalid_argument', 'Subscriptions belong to Discord members.');
    const subs = await subscriptionsOf(ctx.sql, caller.id);
    const since = new Date(ctx.now() - 7 * DAY_MS);
    const posts = await latestSubscriptionPosts(ctx.sql, caller.id, since);
    const tz = ctx.config.timeZone;
    const rows = subs.map((s) => {
      const mine = posts.filter((p) => p.subscription_id === s.id);
      const last = mine.at(-1);
      const missed = mine.filter((p) => p.state === 'missed').at(-1);
      const status = s.paused_at
        ? `paused: ${s.paused_reason ?? ''}`
        : last
          ? `${last.state} ${when(tz, last.slot_at)}`
          : 'not yet due';
      return [
        s.id,
        s.report,
        `${s.times} ${daysText(s.days)}`,
        s.target === 'dm' ? 'DM' : 'channel',
        status,
        missed ? `skipped ${when(tz, missed.slot_at)} (bot was down)` : '',
      ];
    });
    return {
      title: 'Your subscriptions',
      summary:
        rows.length === 0
          ? 'You have none. Add one with /subscribe add report:"/er census" at:07:00,19:00.'
          : `${rows.length} subscription${rows.length === 1 ? '' : 's'}, times in ${tz}.`,
      footer: 'hers-bot subscriptions',
      table: {
        columns: [
          { name: 'id', align: 'right' },
          { name: 'report' },
          { name: 'when' },
          { name: 'to' },
          { name: 'last' },
          { name: 'missed' },
        ],
        rows,
      },
    };
  },
});
