import { historyReport } from '#src/core/reports/patient-history.ts';
import { patientHistory, resolvePatient } from '#src/data/patient.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { patientOption } from '../shared/suggest.ts';

export default defineSubcommand({
  name: 'history',
  description: "A patient's full path: calls, dispatches, transport, visits, treatments, dispositions",
  sensitivity: 'phi',
  options: { patient: patientOption() },
  async run(o, ctx) {
    const p = await resolvePatient(ctx.read, o.patient);
    const events = await patientHistory(ctx.read, p.id);
    return { ...historyReport(p, events, ctx.config.timeZone, ctx.now()), patientIds: [p.id] };
  },
});
