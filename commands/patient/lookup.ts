import { lookupReport } from '#src/core/reports/patient-lookup.ts';
import { localDate } from '#src/core/time.ts';
import {
  activePrescriptions,
  patientAllergies,
  patientContacts,
  patientLastVisit,
  patientLatestTreatment,
  resolvePatient,
  upcomingAppointments,
} from '#src/data/patient.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { patientOption } from '../shared/suggest.ts';

export default defineSubcommand({
  name: 'lookup',
  description: 'A patient: contact, allergies, latest treatment, prescriptions, appointments',
  sensitivity: 'phi',
  options: { patient: patientOption() },
  async run(o, ctx) {
    const now = ctx.now();
    const p = await resolvePatient(ctx.read, o.patient);
    const [contacts, allergies, latest, lastVisit, prescriptions, appointments] = await Promise.all([
      patientContacts(ctx.read, p.id),
      patientAllergies(ctx.read, p.id),
      patientLatestTreatment(ctx.read, p.id),
      patientLastVisit(ctx.read, p.id),
      activePrescriptions(ctx.read, p.id, localDate(ctx.config.timeZone, now)),
      upcomingAppointments(ctx.read, p.id, new Date(now), 3),
    ]);
    const record = { contacts, allergies, latest, lastVisit, prescriptions, appointments };
    return { ...lookupReport(p, record, ctx.config.timeZone, now), patientIds: [p.id] };
  },
});
