import { SEARCH_LIMIT, searchListed, searchReport } from '#src/core/reports/patient-search.ts';
import { searchPatients } from '#src/data/patient.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'search',
  description: 'Find patients by part of a name: MRN, name and year of birth',
  sensitivity: 'phi',
  options: {
    name: opt.string({
      description: 'Part of a first or last name, or a full name (Ann Lee, Lee Ann, Lee, Ann)',
      required: true,
      min: 2,
      max: 60,
    }),
  },
  async run({ name }, ctx) {
    // One more than the limit is enough to know there are too many (each row carries the total).
    const rows = await searchPatients(ctx.read, name, SEARCH_LIMIT + 1);
    return {
      ...searchReport(name, rows, ctx.config.timeZone, ctx.now()),
      patientIds: searchListed(rows).map((r) => r.id),
    };
  },
});
