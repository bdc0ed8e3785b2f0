import { UserError } from '#src/core/errors.ts';
import { addLink } from '#src/data/phi-links.queries.ts';
import { defineCommand, defineSubcommand } from '#src/runner/command.ts';

/**
 * PHI_DELIVERY=link: a one-time link that ties the member's hospital sign-in to them, once, confirmed on
 * hers-bot's page. Relinking is an administrator's (/admin unlink-account first).
 */
export default defineCommand({
  name: 'link-account',
  description: 'Tie your hospital sign-in to your Discord member, to open patient answers (only you see it)',
  subcommands: [
    defineSubcommand({
      name: '',
      description: 'Tie your hospital sign-in to your Discord member, to open patient answers',
      sensitivity: 'aggregate',
      capability: 'phi',
      private: true,
      options: {},
      async run(_o, ctx, caller) {
        const delivery = ctx.config.phiDelivery;
        if (delivery.mode !== 'link')
          throw new UserError(
            'misconfigured',
            'Patient answers are shown in Discord here (PHI_DELIVERY=discord): there is no sign-in to link.',
          );
        if (caller.id === undefined || !/^\d{17,20}$/.test(caller.id))
          throw new UserError(
            'invalid_argument',
            '/link-account ties a sign-in to a Discord member: run it in Discord.',
          );
        const token = await addLink(ctx.sql, {
          kind: 'account',
          userId: caller.id,
          interactionId: null,
          command: '/link-account',
          patientIds: [],
          body: null,
          now: ctx.now(),
          ttlMs: delivery.linkTtlMs,
        });
        const minutes = Math.round(delivery.linkTtlMs / 60_000);
        return {
          title: 'Link your hospital sign-in',
          summary: `Open <${delivery.publicBaseUrl}/account/${token}> within ${minutes} min, sign in with your hospital account and confirm. The link works once, for you only.`,
          footer: 'An account, once linked, can be moved to another member only by an administrator.',
        };
      },
    }),
  ],
});
