import { medsPatientReport } from '#src/core/reports/meds-patient.ts';
import { localDate } from '#src/core/time.ts';
import { activePrescriptions, resolvePatient } from '#src/data/patient.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { patientOption } from '../shared/suggest.ts';

export default defineSubcommand({
  name: 'patient',
  description: "A patient's active prescriptions",
  sensitivity: 'phi',
  options: { patient: patientOption() },
  async run(o, ctx) {
    const p = await resolvePatient(ctx.read, o.patient);
    const today = localDate(ctx.config.timeZone, ctx.now());
    const rows = await activePrescriptions(ctx.read, p.id, today);
    return { ...medsPatientReport(p, rows, today, ctx.config.timeZone, ctx.now()), patientIds: [p.id] };
  },
});
