import { lengthOfStayReport } from '#src/core/reports/er-length-of-stay.ts';
import { lengthOfStay } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'length-of-stay',
  description: 'Age against length of stay in the ER',
  sensitivity: 'aggregate',
  options: { window: opt.window('30d') },
  async run(o, ctx, caller) {
    const stays = await lengthOfStay(ctx.read, o.window.from, o.window.to);
    return shownTo(caller, ctx, lengthOfStayReport(stays, o.window, ctx.config.timeZone, ctx.now()));
  },
});
