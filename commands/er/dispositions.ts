import { dispositionsReport } from '#src/core/reports/er-dispositions.ts';
import { dispositionCounts } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'dispositions',
  description: 'Disposition decisions and patient status',
  sensitivity: 'aggregate',
  options: { window: opt.window('7d') },
  async run(o, ctx, caller) {
    const rows = await dispositionCounts(ctx.read, o.window.from, o.window.to);
    return shownTo(caller, ctx, dispositionsReport(rows, o.window, ctx.config.timeZone, ctx.now()));
  },
});
