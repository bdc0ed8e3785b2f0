import { UserError } from '#src/core/errors.ts';
import { untieMember } from '#src/data/phi-links.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

/** Releases a member's hospital sign-in (PHI_DELIVERY=link), so that it can be linked again: audited. */
export default defineSubcommand({
  name: 'unlink-account',
  description: "Release a member's linked hospital sign-in, so it can be linked again (PHI_DELIVERY=link)",
  sensitivity: 'aggregate',
  capability: 'admin',
  private: true,
  options: { user: opt.user({ description: 'The member whose sign-in to release', required: true }) },
  async run(o, ctx) {
    if (!(await untieMember(ctx.sql, o.user)))
      throw new UserError('not_found', `<@${o.user}> has no linked sign-in account.`);
    return {
      title: 'Sign-in released',
      summary: `<@${o.user}>'s hospital sign-in is no longer linked. Either can be linked again with /link-account.`,
      footer: 'Recorded in the audit trail.',
    };
  },
});
