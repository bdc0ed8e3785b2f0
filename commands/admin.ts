import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { recentAuditEvents } from '../src/data/audit.queries.ts';
import { resolvePatient } from '../src/data/patient.queries.ts';
import { subcommand, type Command } from './shared/command.ts';
import { footer, plural, when } from './shared/format.ts';

const data = new SlashCommandBuilder()
  .setName('admin')
  .setDescription('Administration: the audit trail')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('audit')
      .setDescription('Recent audit events, by user or by patient')
      .addUserOption((o) => o.setName('user').setDescription('Only events by this user'))
      .addStringOption((o) =>
        o
          .setName('patient')
          .setDescription('Only events that disclosed this patient (MRN or id)')
          .setMaxLength(100),
      )
      .addIntegerOption((o) =>
        o.setName('count').setDescription('How many (default 25)').setMinValue(1).setMaxValue(200),
      ),
  );

const audit = subcommand({
  sensitivity: 'phi',
  capability: 'admin',
  options: z.object({
    user: z
      .string()
      .regex(/^\d{17,20}$/, 'must be a Discord user')
      .optional(),
    patient: z.string().trim().min(1).max(100).optional(),
    count: z.number().int().min(1).max(200).optional(),
  }),
  async run(o, ctx) {
    const patient = o.patient === undefined ? undefined : await resolvePatient(ctx.sql, o.patient);
    const rows = await recentAuditEvents(ctx.sql, {
      actorId: o.user ?? null,
      patientId: patient?.id ?? null,
      limit: o.count ?? 25,
    });
    const ids = (r: (typeof rows)[number]) =>
      typeof r.patient_ids === 'string' ? (JSON.parse(r.patient_ids) as number[]) : (r.patient_ids ?? []);
    const scope = [o.user ? `by <@${o.user}>` : '', patient ? `disclosing ${patient.mrn}` : '']
      .filter(Boolean)
      .join(', ');
    return {
      title: `Audit trail${scope ? ` (${scope})` : ''}`,
      summary:
        rows.length === 0
          ? 'No audit events match.'
          : `The latest ${plural(rows.length, 'event')}, newest first.`,
      table: {
        columns: [
          { name: 'time' },
          { name: 'who' },
          { name: 'command' },
          { name: 'outcome' },
          { name: 'rows', align: 'right' },
          { name: 'patients', align: 'right' },
          { name: 'ms', align: 'right' },
        ],
        rows: rows.map((r) => [
          when(ctx, r.occurred_at),
          r.actor_id,
          r.command,
          r.outcome,
          r.row_count,
          ids(r).length,
          r.latency_ms,
        ]),
      },
      sensitivity: 'phi',
      footer: footer(ctx),
      patientIds: patient ? [patient.id] : [],
    };
  },
});

export default { data, subcommands: { audit } } satisfies Command;
