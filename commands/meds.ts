import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { barChart } from '../src/core/charts.ts';
import { localDate } from '../src/core/time.ts';
import { topMedications } from '../src/data/meds.queries.ts';
import { activePrescriptions, resolvePatient } from '../src/data/patient.queries.ts';
import { patientAutocomplete } from './shared/autocomplete.ts';
import { subcommand, type Command } from './shared/command.ts';
import { footer, fullName, isoDay, plural } from './shared/format.ts';
import {
  addPatientOption,
  addWindowOptions,
  patientSchema,
  windowOf,
  windowSchema,
} from './shared/options.ts';

const TOP = 15;

const data = new SlashCommandBuilder()
  .setName('meds')
  .setDescription('Medications and prescriptions')
  .addSubcommand((s) =>
    addPatientOption(s.setName('patient').setDescription("A patient's active prescriptions")),
  )
  .addSubcommand((s) =>
    addWindowOptions(s.setName('top').setDescription('Most-prescribed medications'), '30d'),
  );

const patient = subcommand({
  sensitivity: 'phi',
  options: z.object({ patient: patientSchema }),
  async run(o, ctx) {
    const p = await resolvePatient(ctx.sql, o.patient);
    const today = localDate(ctx.config.timeZone, ctx.now());
    const rows = await activePrescriptions(ctx.sql, p.id, today);
    return {
      title: `Active prescriptions of ${fullName(p)} (${p.mrn})`,
      summary:
        rows.length === 0 ? 'No active prescriptions.' : `${plural(rows.length, 'active prescription')}.`,
      table: {
        columns: [
          { name: 'medication' },
          { name: 'dose' },
          { name: 'frequency' },
          { name: 'since' },
          { name: 'until' },
          { name: 'prescriber' },
        ],
        rows: rows.map((r) => [
          `${r.name} ${r.strength} ${r.form}`,
          r.dose,
          r.frequency,
          isoDay(r.starts_on),
          r.ends_on ? isoDay(r.ends_on) : 'ongoing',
          r.prescriber,
        ]),
      },
      sensitivity: 'phi',
      footer: footer(ctx, `active on ${today}`),
      patientIds: [p.id],
    };
  },
});

const top = subcommand({
  sensitivity: 'aggregate',
  options: z.object(windowSchema),
  async run(o, ctx) {
    const w = windowOf(o, '30d', ctx);
    const tz = ctx.config.timeZone;
    // Prescriptions start on a date: the window covers the local dates it touches.
    const rows = await topMedications(
      ctx.sql,
      localDate(tz, w.from.getTime()),
      localDate(tz, w.to.getTime() - 1),
      TOP,
    );
    const label = (r: (typeof rows)[number]) => `${r.name} ${r.strength}`;
    return {
      title: 'Most-prescribed medications',
      summary:
        rows.length === 0
          ? `No prescriptions started ${w.phrase}.`
          : `Top ${rows.length} by prescriptions started ${w.phrase}.`,
      table: {
        columns: [
          { name: 'medication' },
          { name: 'form' },
          { name: 'prescriptions', align: 'right' },
          { name: 'patients', align: 'right' },
        ],
        rows: rows.map((r) => [label(r), r.form, r.prescriptions, r.patients]),
      },
      chart:
        rows.length === 0
          ? undefined
          : barChart(
              `Most-prescribed medications (${w.label})`,
              rows.map(label),
              [{ label: 'prescriptions', data: rows.map((r) => r.prescriptions) }],
              { x: 'medication', y: 'prescriptions' },
            ),
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

export default { data, subcommands: { patient, top }, autocomplete: patientAutocomplete } satisfies Command;
