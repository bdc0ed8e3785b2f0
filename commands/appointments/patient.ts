import { patientAppointmentsReport } from '#src/core/reports/appointments-patient.ts';
import { recentAppointments, resolvePatient, upcomingAppointments } from '#src/data/patient.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { patientOption } from '../shared/suggest.ts';

export default defineSubcommand({
  name: 'patient',
  description: "A patient's upcoming and recent appointments",
  sensitivity: 'phi',
  options: { patient: patientOption() },
  async run(o, ctx) {
    const p = await resolvePatient(ctx.read, o.patient);
    const now = ctx.now();
    const [upcoming, recent] = await Promise.all([
      upcomingAppointments(ctx.read, p.id, new Date(now), 10),
      recentAppointments(ctx.read, p.id, new Date(now), 10),
    ]);
    return {
      ...patientAppointmentsReport(p, upcoming, recent, ctx.config.timeZone, now),
      patientIds: [p.id],
    };
  },
});
