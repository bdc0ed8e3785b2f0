import { auditReport } from '../../src/core/reports/admin-audit.ts';
import { recentAuditEvents } from '../../src/data/audit.queries.ts';
import { resolvePatient } from '../../src/data/patient.queries.ts';
import { defineSubcommand } from '../../src/runner/command.ts';
import { opt } from '../../src/runner/options.ts';

export default defineSubcommand({
  name: 'audit',
  description: 'Recent audit events, by user or by patient',
  sensitivity: 'phi',
  capability: 'admin',
  options: {
    user: opt.user({ description: 'Only events by this user' }),
    patient: opt.string({ description: 'Only events that disclosed this patient (MRN or id)', max: 100 }),
    count: opt.integer({ description: 'How many (default 25)', min: 1, max: 200 }),
  },
  async run(o, ctx) {
    const patient = o.patient === undefined ? undefined : await resolvePatient(ctx.sql, o.patient);
    const events = await recentAuditEvents(ctx.sql, {
      actorId: o.user ?? null,
      patientId: patient?.id ?? null,
      limit: o.count ?? 25,
    });
    const scope = { userId: o.user, patientMrn: patient?.mrn };
    return {
      ...auditReport(events, scope, ctx.config.timeZone, ctx.now()),
      patientIds: patient ? [patient.id] : [],
    };
  },
});
