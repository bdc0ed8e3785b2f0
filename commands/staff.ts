import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { pieChart } from '../src/core/charts.ts';
import type { Cell } from '../src/core/reply.ts';
import { onShift, physicianSpecialties, resolveDepartment, workload } from '../src/data/staff.queries.ts';
import { departmentAutocomplete } from './shared/autocomplete.ts';
import { subcommand, type Command } from './shared/command.ts';
import { footer, fullName, plural, when } from './shared/format.ts';
import { addWindowOptions, windowOf, windowSchema } from './shared/options.ts';

const ROLES = ['physician', 'nurse'] as const;

const data = new SlashCommandBuilder()
  .setName('staff')
  .setDescription('Staff: specialties, workload and who is on shift')
  .addSubcommand((s) => s.setName('specialties').setDescription('Physicians by specialty'))
  .addSubcommand((s) =>
    addWindowOptions(
      s
        .setName('workload')
        .setDescription('Patients and treatments per physician or nurse, and who has equal patient counts')
        .addStringOption((o) =>
          o
            .setName('role')
            .setDescription('Physicians or nurses (default physician)')
            .addChoices(...ROLES.map((r) => ({ name: r, value: r }))),
        ),
      '30d',
    ),
  )
  .addSubcommand((s) =>
    s
      .setName('on-shift')
      .setDescription('Who is on duty now')
      .addStringOption((o) =>
        o.setName('department').setDescription('Only this department').setAutocomplete(true).setMaxLength(80),
      ),
  );

const specialties = subcommand({
  sensitivity: 'aggregate',
  options: z.object({}),
  async run(_o, ctx) {
    const rows = await physicianSpecialties(ctx.sql);
    const total = rows.reduce((n, r) => n + r.physicians, 0);
    return {
      title: 'Physicians by specialty',
      summary: `${plural(total, 'active physician')} in ${plural(rows.length, 'specialty', 'specialties')}.`,
      table: {
        columns: [{ name: 'specialty' }, { name: 'physicians', align: 'right' }],
        rows: rows.map((r) => [r.specialty, r.physicians]),
      },
      chart:
        total === 0
          ? undefined
          : pieChart(
              'Physicians by specialty',
              rows.map((r) => r.specialty),
              rows.map((r) => r.physicians),
            ),
      sensitivity: 'aggregate',
      footer: footer(ctx),
      patientIds: [],
    };
  },
});

const workloadCmd = subcommand({
  sensitivity: 'aggregate',
  options: z.object({ role: z.enum(ROLES).optional(), ...windowSchema }),
  async run(o, ctx) {
    const w = windowOf(o, '30d', ctx);
    const role = o.role ?? 'physician';
    const rows = await workload(ctx.sql, role, w.from, w.to);
    // Q10: who treated the same number of distinct patients (workload balance).
    const byCount = new Map<number, string[]>();
    for (const r of rows) byCount.set(r.patients, [...(byCount.get(r.patients) ?? []), fullName(r)]);
    const pairs = [...byCount.values()].reduce((n, names) => n + (names.length * (names.length - 1)) / 2, 0);
    const table: Cell[][] = rows.map((r) => {
      const peers = (byCount.get(r.patients) ?? []).filter((n) => n !== fullName(r));
      return [
        fullName(r),
        r.patients,
        r.treatments,
        peers.length === 0
          ? '-'
          : peers.slice(0, 3).join(', ') + (peers.length > 3 ? ` +${peers.length - 3}` : ''),
      ];
    });
    return {
      title: `${role === 'physician' ? 'Physician' : 'Nurse'} workload`,
      summary:
        rows.length === 0
          ? `No ER treatments ${w.phrase}.`
          : `${plural(rows.length, role)} treated patients ${w.phrase}; ${plural(pairs, 'pair')} with equal patient counts.`,
      table: {
        columns: [
          { name: role },
          { name: 'patients', align: 'right' },
          { name: 'treatments', align: 'right' },
          { name: 'same patient count as' },
        ],
        rows: table,
      },
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

const onShiftCmd = subcommand({
  sensitivity: 'aggregate',
  options: z.object({ department: z.string().trim().min(1).max(80).optional() }),
  async run(o, ctx) {
    const department = o.department === undefined ? null : await resolveDepartment(ctx.sql, o.department);
    const rows = await onShift(ctx.sql, new Date(ctx.now()), department);
    const where = department ? ` in ${department}` : '';
    return {
      title: `On shift now${where}`,
      summary:
        rows.length === 0
          ? `Nobody is on shift${where} right now.`
          : `${plural(rows.length, 'person', 'people')} on duty${where}.`,
      table: {
        columns: [
          { name: 'name' },
          { name: 'role' },
          { name: 'detail' },
          { name: 'department' },
          { name: 'until' },
        ],
        rows: rows.map((r) => [fullName(r), r.staff_type, r.detail, r.department, when(ctx, r.ends_at)]),
      },
      sensitivity: 'aggregate',
      footer: footer(ctx),
      patientIds: [],
    };
  },
});

export default {
  data,
  subcommands: { specialties, workload: workloadCmd, 'on-shift': onShiftCmd },
  autocomplete: (option, value, ctx) =>
    option === 'department' ? departmentAutocomplete(value, ctx) : Promise.resolve([]),
} satisfies Command;
