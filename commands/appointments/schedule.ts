import { MAX_ROWS } from '#src/core/reply.ts';
import { dayScheduleReport } from '#src/core/reports/appointments-schedule.ts';
import { daySchedule } from '#src/data/appointments.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { dayOptions, dayScope } from './day-scope.ts';

// Patient data: a dated appointment reason is health information about its patient (HIPAA Safe Harbor),
// so each appointment is shown with the patient-records role only, and the audit row names its patients.
export default defineSubcommand({
  name: 'schedule',
  description: "A day's appointments one by one, with patient and reason",
  sensitivity: 'phi',
  options: dayOptions,
  async run(o, ctx) {
    const day = await dayScope(o, ctx);
    const rows = await daySchedule(ctx.read, { ...day, limit: MAX_ROWS });
    return dayScheduleReport(day.date, day.scope, rows, ctx.config.timeZone, ctx.now());
  },
});
