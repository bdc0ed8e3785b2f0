import { searchReport } from '../../src/core/reports/patient-search.ts';
import { MAX_ROWS } from '../../src/core/reply.ts';
import { searchPatients } from '../../src/data/patient.queries.ts';
import { defineSubcommand } from '../../src/runner/command.ts';
import { opt } from '../../src/runner/options.ts';

export default defineSubcommand({
  name: 'search',
  description: 'Find patients by part of a name, with contact details',
  sensitivity: 'phi',
  options: {
    name: opt.string({ description: 'Part of a first or last name', required: true, min: 2, max: 60 }),
  },
  async run({ name }, ctx) {
    const rows = await searchPatients(ctx.read, name, MAX_ROWS);
    return {
      ...searchReport(name, rows, ctx.config.timeZone, ctx.now()),
      patientIds: rows.map((r) => r.id),
    };
  },
});
