import { UserError } from '#src/core/errors.ts';
import { DAY_MS } from '#src/core/time.ts';
import { when } from '#src/core/format.ts';
import { latestSubscriptionPosts, subscriptionsOf } from '#src/data/subscriptions.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';

/** A report as typed, up to its first option: "/patient lookup patient:MRN1" -> "/patient lookup". */
const commandPath = (report: string) =>
  report
    .trim()
    .split(/\s+/)
    .filter((w, i) => i === 0 || !w.includes(':'))
    .join(' ');

/** What became of a subscription's latest time, in /subscribe list. */
const STATE_WORD: Record<string, string> = {
  posted: 'sent',
  missed: 'skipped',
  skipped: 'empty, not sent',
  failed: 'failed',
  claimed: 'sending',
};

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
    // A patient report's options may name the patient: shown only to a member who may see patients, and
    // never into Discord when patient answers go by link.
    const showsPatients = caller.may('phi') && ctx.config.phiDelivery.mode !== 'link';
    const reportText = (s: (typeof subs)[number]) =>
      s.sensitivity !== 'phi' || showsPatients
        ? s.report
        : `${commandPath(s.report)} (patient options hidden)`;
    const rows = subs.map((s) => {
      const last = posts.filter((p) => p.subscription_id === s.id).at(-1);
      const status = s.paused_at
        ? `paused: ${s.paused_reason ?? ''}`
        : last
          ? `${STATE_WORD[last.state] ?? last.state} ${when(tz, last.slot_at)}`
          : 'not yet due';
      const days = s.days === 'every' ? 'daily' : s.days;
      return [s.id, reportText(s), `${s.times} ${days}, ${s.target === 'dm' ? 'DM' : 'channel'}`, status];
    });
    return {
      title: 'Your subscriptions',
      summary:
        rows.length === 0
          ? 'You have none. Add one with /subscribe add report:"/er census" at:07:00,19:00.'
          : `${rows.length} subscription${rows.length === 1 ? '' : 's'}, times in ${tz}. "skipped" is a time that came while no bot was running and was too late to catch up (SUBSCRIPTION_CATCHUP_MINUTES).`,
      footer: 'hers-bot subscriptions',
      table: {
        columns: [{ name: 'id', align: 'right' }, { name: 'report' }, { name: 'at' }, { name: 'last' }],
        rows,
      },
    };
  },
});
