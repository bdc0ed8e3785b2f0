import { UserError } from '#src/core/errors.ts';
import { auditReport } from '#src/core/reports/admin-audit.ts';
import { describeChain, verifyAuditChain } from '#src/data/audit.ts';
import { recentAuditEvents } from '#src/data/audit.queries.ts';
import { resolvePatient } from '#src/data/patient.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

/** How many of the newest audit rows each /admin audit checks against the hash chain. */
const CHAIN_CHECKED = 1000;

export default defineSubcommand({
  name: 'audit',
  description: 'Recent audit events, by user or by patient',
  sensitivity: 'phi',
  capability: 'admin',
  options: {
    user: opt.user({ description: 'Only events by this user' }),
    patient: opt.string({
      description: 'Only events that disclosed this patient (id; MRN or name with the patient-records role)',
      max: 100,
    }),
    count: opt.integer({ description: 'How many (default 25)', min: 1, max: 200 }),
  },
  async run(o, ctx, caller) {
    // Turning a name or an MRN into a patient, or showing an MRN, is for the patient-records role only.
    const phi = caller.may('phi');
    if (o.patient !== undefined && !phi && !/^\d+$/.test(o.patient.trim()))
      throw new UserError(
        'forbidden',
        'Without a patient-records role (ROLE_PHI_IDS), choose the patient by numeric id, e.g. patient:42.',
      );
    const patient = o.patient === undefined ? undefined : await resolvePatient(ctx.sql, o.patient);
    const [events, chain] = await Promise.all([
      recentAuditEvents(ctx.sql, {
        actorId: o.user ?? null,
        patientId: patient?.id ?? null,
        limit: o.count ?? 25,
      }),
      // The newest links only: `npm run audit:verify` walks the whole chain.
      verifyAuditChain(ctx.sql, { newest: CHAIN_CHECKED }),
    ]);
    const scope = { userId: o.user, patient: patient && (phi ? patient.mrn : `patient ${patient.id}`) };
    const report = auditReport(events, scope, ctx.config.timeZone, ctx.now());
    return {
      ...report,
      summary: chain.intact
        ? report.summary
        : `⚠ The audit trail has been tampered with or damaged (${describeChain(chain)}); run npm run audit:verify. ${report.summary}`,
      patientIds: patient ? [patient.id] : [],
    };
  },
});
