import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { MAX_ROWS } from '../src/core/reply.ts';
import { localDate } from '../src/core/time.ts';
import { localDay } from '../src/core/window.ts';
import { daySchedule, type AppointmentRow } from '../src/data/appointments.queries.ts';
import { recentAppointments, resolvePatient, upcomingAppointments } from '../src/data/patient.queries.ts';
import { resolveDepartment, resolveStaff } from '../src/data/staff.queries.ts';
import { departmentAutocomplete, patientAutocomplete } from './shared/autocomplete.ts';
import { subcommand, type Command } from './shared/command.ts';
import { footer, fullName, plural, shownOf, timeOfDay, when } from './shared/format.ts';
import { addDateOption, addPatientOption, dateSchema, patientSchema } from './shared/options.ts';

const data = new SlashCommandBuilder()
  .setName('appointments')
  .setDescription('Clinic appointments')
  .addSubcommand((s) =>
    addDateOption(
      s.setName('day').setDescription("A day's schedule, by department or provider"),
      'Day, YYYY-MM-DD (default today)',
    )
      .addStringOption((o) =>
        o.setName('department').setDescription('Only this department').setAutocomplete(true).setMaxLength(80),
      )
      .addStringOption((o) =>
        o.setName('provider').setDescription('Only this provider: staff id or name').setMaxLength(80),
      ),
  )
  .addSubcommand((s) =>
    addPatientOption(s.setName('patient').setDescription("A patient's upcoming and recent appointments")),
  );

const day = subcommand({
  sensitivity: 'aggregate',
  options: z.object({
    date: dateSchema.optional(),
    department: z.string().trim().min(1).max(80).optional(),
    provider: z.string().trim().min(1).max(80).optional(),
  }),
  async run(o, ctx) {
    const date = o.date ?? localDate(ctx.config.timeZone, ctx.now());
    const w = localDay(date, ctx.config.timeZone);
    const department = o.department === undefined ? null : await resolveDepartment(ctx.sql, o.department);
    const provider = o.provider === undefined ? null : await resolveStaff(ctx.sql, o.provider, 'provider');
    const rows = await daySchedule(ctx.sql, {
      from: w.from,
      to: w.to,
      department,
      staffId: provider?.id ?? null,
      limit: MAX_ROWS,
    });
    const total = rows[0]?.total ?? 0;
    const scope = [department, provider ? fullName(provider) : null].filter(Boolean).join(', ');
    const active = rows.filter((r) => r.status !== 'cancelled').length;
    return {
      title: `Appointments on ${date}${scope ? ` (${scope})` : ''}`,
      summary:
        total === 0
          ? `No appointments on ${date}${scope ? ` for ${scope}` : ''}.`
          : `${plural(total, 'appointment')}, ${active} not cancelled${shownOf(rows.length, total)}.`,
      table: {
        columns: [
          { name: 'time' },
          { name: 'provider' },
          { name: 'department' },
          { name: 'status' },
          { name: 'reason' },
        ],
        rows: rows.map((r) => [
          `${timeOfDay(ctx, r.starts_at)}-${timeOfDay(ctx, r.ends_at)}`,
          r.provider,
          r.department,
          r.status.replace('_', ' '),
          r.reason,
        ]),
        totalRows: total,
      },
      sensitivity: 'aggregate',
      footer: footer(ctx, date),
      patientIds: [],
    };
  },
});

const patient = subcommand({
  sensitivity: 'phi',
  options: z.object({ patient: patientSchema }),
  async run(o, ctx) {
    const p = await resolvePatient(ctx.sql, o.patient);
    const now = new Date(ctx.now());
    const row = (kind: string) => (a: AppointmentRow) => [
      when(ctx, a.starts_at),
      kind,
      a.department,
      a.provider,
      a.status.replace('_', ' '),
      a.reason,
    ];
    const [upcoming, recent] = await Promise.all([
      upcomingAppointments(ctx.sql, p.id, now, 10),
      recentAppointments(ctx.sql, p.id, now, 10),
    ]);
    return {
      title: `Appointments of ${fullName(p)} (${p.mrn})`,
      summary:
        upcoming.length + recent.length === 0
          ? 'No appointments on record.'
          : `${plural(upcoming.length, 'upcoming appointment')} and the ${plural(recent.length, 'most recent one', 'most recent ones')}.`,
      table: {
        columns: [
          { name: 'when' },
          { name: 'kind' },
          { name: 'department' },
          { name: 'provider' },
          { name: 'status' },
          { name: 'reason' },
        ],
        rows: [...upcoming.map(row('upcoming')), ...recent.map(row('past'))],
      },
      sensitivity: 'phi',
      footer: footer(ctx),
      patientIds: [p.id],
    };
  },
});

export default {
  data,
  subcommands: { day, patient },
  autocomplete: (option, value, ctx) =>
    option === 'department' ? departmentAutocomplete(value, ctx) : patientAutocomplete(option, value, ctx),
} satisfies Command;
