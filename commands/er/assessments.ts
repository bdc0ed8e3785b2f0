import { requireAmbulanceRecords } from '#src/data/ambulance.queries.ts';
import { assessmentsReport } from '#src/core/reports/er-assessments.ts';
import { assessmentsPerPatient } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'assessments',
  description: 'Paramedic assessments per patient: average and distribution',
  sensitivity: 'aggregate',
  options: { window: opt.window('30d') },
  async run(o, ctx, caller) {
    await requireAmbulanceRecords(ctx.read, '/er assessments');
    const rows = await assessmentsPerPatient(ctx.read, o.window.from, o.window.to);
    return shownTo(caller, ctx, assessmentsReport(rows, o.window, ctx.config.timeZone, ctx.now()));
  },
});
