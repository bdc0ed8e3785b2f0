import { workloadReport } from '#src/core/reports/staff-workload.ts';
import type { StaffType } from '#src/core/vocabulary.ts';
import { workload } from '#src/data/staff.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

const ROLES = ['physician', 'nurse'] as const satisfies readonly StaffType[];

export default defineSubcommand({
  name: 'workload',
  description: 'Patients and treatments per physician or nurse, and who has equal patient counts',
  sensitivity: 'aggregate',
  options: {
    role: opt.choice(ROLES, { description: 'Physicians or nurses (default physician)' }),
    window: opt.window('30d'),
  },
  async run(o, ctx) {
    const role = o.role ?? 'physician';
    const rows = await workload(ctx.read, role, o.window.from, o.window.to);
    return workloadReport(rows, role, o.window, ctx.config.timeZone, ctx.now());
  },
});
