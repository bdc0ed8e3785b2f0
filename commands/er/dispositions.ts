import { dispositionsReport } from '../../src/core/reports/er-dispositions.ts';
import { dispositionCounts } from '../../src/data/er.queries.ts';
import { defineSubcommand } from '../../src/runner/command.ts';
import { opt } from '../../src/runner/options.ts';

export default defineSubcommand({
  name: 'dispositions',
  description: 'Disposition decisions and patient status',
  sensitivity: 'aggregate',
  options: { window: opt.window('7d') },
  async run(o, ctx) {
    const rows = await dispositionCounts(ctx.read, o.window.from, o.window.to);
    return dispositionsReport(rows, o.window, ctx.config.timeZone, ctx.now());
  },
});
