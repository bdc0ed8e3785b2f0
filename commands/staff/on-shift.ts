import { onShiftReport } from '#src/core/reports/staff-on-shift.ts';
import { onShift, resolveDepartment } from '#src/data/staff.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { suggestDepartments } from '../shared/suggest.ts';

export default defineSubcommand({
  name: 'on-shift',
  description: 'Who is on duty now',
  sensitivity: 'aggregate',
  options: {
    department: opt.string({ description: 'Only this department', max: 80, suggest: suggestDepartments }),
  },
  async run(o, ctx) {
    const now = ctx.now();
    const department = o.department === undefined ? null : await resolveDepartment(ctx.read, o.department);
    const rows = await onShift(ctx.read, new Date(now), department);
    return onShiftReport(rows, department, ctx.config.timeZone, now);
  },
});
