import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { MAX_ROWS, type Cell } from '../src/core/reply.ts';
import { localDate } from '../src/core/time.ts';
import {
  activePrescriptions,
  frequentlyTreated,
  neverTreatedWith,
  patientAllergies,
  patientContacts,
  patientHistory,
  patientLastVisit,
  patientLatestTreatment,
  resolvePatient,
  searchPatients,
  upcomingAppointments,
} from '../src/data/patient.queries.ts';
import { TREATMENT_TYPES } from '../src/core/vocabulary.ts';
import { patientAutocomplete } from './shared/autocomplete.ts';
import { subcommand, type Command } from './shared/command.ts';
import { footer, fullName, isoDay, plural, shownOf, when } from './shared/format.ts';
import {
  addPatientOption,
  addWindowOptions,
  patientSchema,
  windowOf,
  windowSchema,
} from './shared/options.ts';

const data = new SlashCommandBuilder()
  .setName('patient')
  .setDescription('Patient records: search, lookup, history and treatment patterns')
  .addSubcommand((s) =>
    s
      .setName('search')
      .setDescription('Find patients by part of a name, with contact details')
      .addStringOption((o) =>
        o
          .setName('name')
          .setDescription('Part of a first or last name')
          .setRequired(true)
          .setMinLength(2)
          .setMaxLength(60),
      ),
  )
  .addSubcommand((s) =>
    addPatientOption(
      s
        .setName('lookup')
        .setDescription('A patient: contact, allergies, latest treatment, prescriptions, appointments'),
    ),
  )
  .addSubcommand((s) =>
    addPatientOption(
      s
        .setName('history')
        .setDescription(
          "A patient's full path: calls, dispatches, transport, visits, treatments, dispositions",
        ),
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s.setName('frequent').setDescription('Patients with more ER treatments than the average patient'),
      '30d',
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s
        .setName('never-treated')
        .setDescription('Patients seen in the ER who never received a treatment type')
        .addStringOption((o) =>
          o
            .setName('type')
            .setDescription('Treatment type')
            .setRequired(true)
            .addChoices(...TREATMENT_TYPES.map((t) => ({ name: t, value: t }))),
        ),
      '30d',
    ),
  );

function ageOn(dob: Date, at: number): number {
  const now = new Date(at);
  let age = now.getUTCFullYear() - dob.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < dob.getUTCMonth() ||
    (now.getUTCMonth() === dob.getUTCMonth() && now.getUTCDate() < dob.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

const search = subcommand({
  sensitivity: 'phi',
  options: z.object({ name: z.string().trim().min(2, 'needs at least 2 characters').max(60) }),
  async run({ name }, ctx) {
    const rows = await searchPatients(ctx.sql, name, MAX_ROWS);
    const total = rows[0]?.total ?? 0;
    return {
      title: `Patients matching "${name}"`,
      summary:
        rows.length === 0
          ? `No patient's first or last name contains "${name}".`
          : `${plural(total, 'patient')} found${shownOf(rows.length, total)}.`,
      table: {
        columns: [
          { name: 'MRN' },
          { name: 'name' },
          { name: 'born' },
          { name: 'phone' },
          { name: 'emergency contact' },
        ],
        rows: rows.map((r) => [r.mrn, fullName(r), isoDay(r.date_of_birth), r.phone, r.contact]),
        totalRows: total,
      },
      sensitivity: 'phi',
      footer: footer(ctx),
      patientIds: rows.map((r) => r.id),
    };
  },
});

const lookup = subcommand({
  sensitivity: 'phi',
  options: z.object({ patient: patientSchema }),
  async run({ patient }, ctx) {
    const p = await resolvePatient(ctx.sql, patient);
    const today = localDate(ctx.config.timeZone, ctx.now());
    const [contacts, allergies, latest, lastVisit, prescriptions, appointments] = await Promise.all([
      patientContacts(ctx.sql, p.id),
      patientAllergies(ctx.sql, p.id),
      patientLatestTreatment(ctx.sql, p.id),
      patientLastVisit(ctx.sql, p.id),
      activePrescriptions(ctx.sql, p.id, today),
      upcomingAppointments(ctx.sql, p.id, new Date(ctx.now()), 3),
    ]);
    const rows: Cell[][] = [
      ['MRN', p.mrn],
      ['born', `${isoDay(p.date_of_birth)} (age ${ageOn(p.date_of_birth, ctx.now())})`],
      ['sex', p.sex],
      ['phone', p.phone ?? 'not recorded'],
      ...(contacts.length === 0
        ? [['contact', 'none recorded'] as Cell[]]
        : contacts.map((c) => ['contact', `${c.name} (${c.relationship}) ${c.phone}`])),
      ...(allergies.length === 0
        ? [['allergy', 'none recorded'] as Cell[]]
        : allergies.map((a) => ['allergy', `${a.substance}: ${a.reaction} (${a.severity})`])),
      [
        'latest treatment',
        latest
          ? `${latest.type}, ${latest.outcome}, ${when(ctx, latest.performed_at)}`
          : 'none (never treated in the ER)',
      ],
      [
        'last ER visit',
        lastVisit
          ? `${when(ctx, lastVisit.arrived_at)}, ${lastVisit.reason}, ${lastVisit.condition_on_arrival}, ESI ${lastVisit.triage_level}` +
            (lastVisit.decision
              ? `; ${lastVisit.decision}`
              : lastVisit.departed_at
                ? ''
                : '; still in the ER')
          : 'none',
      ],
      ...(prescriptions.length === 0
        ? [['prescription', 'no active prescriptions'] as Cell[]]
        : prescriptions.map((r) => [
            'prescription',
            `${r.name} ${r.strength} ${r.form}: ${r.dose} ${r.frequency}${r.ends_on ? ` until ${isoDay(r.ends_on)}` : ''}`,
          ])),
      ...(appointments.length === 0
        ? [['appointment', 'none upcoming'] as Cell[]]
        : appointments.map((a) => [
            'appointment',
            `${when(ctx, a.starts_at)} ${a.department} with ${a.provider} (${a.reason})`,
          ])),
    ];
    return {
      title: `${fullName(p)} (${p.mrn})`,
      summary: latest
        ? `Latest ER treatment: ${latest.type} (${latest.outcome}) on ${when(ctx, latest.performed_at)}.`
        : 'Never treated in the ER.',
      table: { columns: [{ name: 'field' }, { name: 'value' }], rows },
      sensitivity: 'phi',
      footer: footer(ctx),
      patientIds: [p.id],
    };
  },
});

const history = subcommand({
  sensitivity: 'phi',
  options: z.object({ patient: patientSchema }),
  async run({ patient }, ctx) {
    const p = await resolvePatient(ctx.sql, patient);
    const events = await patientHistory(ctx.sql, p.id);
    return {
      title: `History of ${fullName(p)} (${p.mrn})`,
      summary:
        events.length === 0
          ? 'No calls, dispatches, visits or treatments on record.'
          : `${plural(events.length, 'event')}, oldest first.`,
      table: {
        columns: [{ name: 'time' }, { name: 'event' }, { name: 'detail' }],
        rows: events.slice(0, MAX_ROWS).map((e) => [when(ctx, e.at), e.event, e.detail]),
        totalRows: events.length,
      },
      sensitivity: 'phi',
      footer: footer(ctx),
      patientIds: [p.id],
    };
  },
});

const frequent = subcommand({
  sensitivity: 'phi',
  options: z.object(windowSchema),
  async run(o, ctx) {
    const w = windowOf(o, '30d', ctx);
    const rows = await frequentlyTreated(ctx.sql, w.from, w.to, MAX_ROWS);
    const first = rows[0];
    return {
      title: 'Patients treated more often than average',
      summary: first
        ? `${plural(first.total, 'patient')} had more than the average of ${first.average.toFixed(2)} ER treatments per treated patient (${plural(first.treated, 'patient')} treated)${shownOf(rows.length, first.total)}.`
        : `No patient had more ER treatments than average ${w.phrase}.`,
      table: {
        columns: [{ name: 'MRN' }, { name: 'name' }, { name: 'treatments', align: 'right' }],
        rows: rows.map((r) => [r.mrn, fullName(r), r.treatments]),
        totalRows: first?.total ?? 0,
      },
      sensitivity: 'phi',
      footer: footer(ctx, w.label),
      patientIds: rows.map((r) => r.id),
    };
  },
});

const neverTreated = subcommand({
  sensitivity: 'phi',
  options: z.object({ type: z.enum(TREATMENT_TYPES), ...windowSchema }),
  async run(o, ctx) {
    const w = windowOf(o, '30d', ctx);
    const rows = await neverTreatedWith(ctx.sql, o.type, w.from, w.to, MAX_ROWS);
    const total = rows[0]?.total ?? 0;
    return {
      title: `ER patients never given ${o.type}`,
      summary:
        rows.length === 0
          ? `Every patient seen in the ER ${w.phrase} has had ${o.type} at some time, or nobody was seen.`
          : `${plural(total, 'patient')} seen in the ER ${w.phrase} never received ${o.type}${shownOf(rows.length, total)}.`,
      table: {
        columns: [
          { name: 'MRN' },
          { name: 'name' },
          { name: 'visits', align: 'right' },
          { name: 'last arrival' },
        ],
        rows: rows.map((r) => [r.mrn, fullName(r), r.visits, when(ctx, r.last_arrival)]),
        totalRows: total,
      },
      sensitivity: 'phi',
      footer: footer(ctx, w.label),
      patientIds: rows.map((r) => r.id),
    };
  },
});

export default {
  data,
  subcommands: { search, lookup, history, frequent, 'never-treated': neverTreated },
  autocomplete: patientAutocomplete,
} satisfies Command;
