import { UserError } from '#src/core/errors.ts';
import { deleteSubscription } from '#src/data/subscriptions.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'remove',
  description: 'Stop one of your subscriptions',
  sensitivity: 'aggregate',
  private: true,
  options: { id: opt.integer({ description: 'Its id, from /subscribe list', required: true, min: 1 }) },
  async run(o, ctx, caller) {
    if (!caller.id) throw new UserError('invalid_argument', 'Subscriptions belong to Discord members.');
    if (!(await deleteSubscription(ctx.sql, o.id, caller.id)))
      throw new UserError('not_found', `You have no subscription ${o.id}; /subscribe list shows yours.`);
    return {
      title: `Subscription ${o.id} removed`,
      summary: 'Nothing more will be delivered for it.',
      footer: 'hers-bot subscriptions',
    };
  },
});
