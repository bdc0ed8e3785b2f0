import { specialtiesReport } from '#src/core/reports/staff-specialties.ts';
import { physicianSpecialties } from '#src/data/staff.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';

export default defineSubcommand({
  name: 'specialties',
  description: 'Physicians by specialty',
  sensitivity: 'aggregate',
  options: {},
  async run(_o, ctx) {
    return specialtiesReport(await physicianSpecialties(ctx.read), ctx.config.timeZone, ctx.now());
  },
});
