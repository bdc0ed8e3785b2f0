import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { barChart, lineChart, scatterChart } from '../src/core/charts.ts';
import { MAX_ROWS, type Cell } from '../src/core/reply.ts';
import { responseStats, legsOf } from '../src/core/response-times.ts';
import { histogram, mean, median, percentile, round1 } from '../src/core/stats.ts';
import { localDate, localDatesBetween } from '../src/core/time.ts';
import {
  DISPATCH_INCIDENTS,
  ER_TREATMENTS,
  type DispatchIncidentDoc,
  type ErTreatmentDoc,
} from '../src/data/documents.ts';
import {
  arrivalsByCondition,
  assessmentsPerPatient,
  censusByCondition,
  censusLongestWaits,
  dispatchResponseLegs,
  dispositionCounts,
  eventBuckets,
  latestTreatmentPerPatient,
  lengthOfStay,
  patientNames,
  symptomMatches,
  TREND_METRICS,
  type TrendMetric,
} from '../src/data/er.queries.ts';
import {
  earliestTreatmentsOfType,
  incidentsBySeverity,
  natureCountsForSeverity,
  treatmentTypeCounts,
} from '../src/data/er.pipeline.ts';
import {
  AMBULANCE_TYPES,
  CONDITIONS,
  DECISIONS,
  PATIENT_STATUSES,
  SEVERITIES,
  TREATMENT_TYPES,
  TRIAGE_LEVELS,
} from '../src/core/vocabulary.ts';
import { subcommand, type Command } from './shared/command.ts';
import { footer, fullName, plural, shownOf, when } from './shared/format.ts';
import { addWindowOptions, windowOf, windowSchema } from './shared/options.ts';

const RESPONSE_GROUPS = ['severity', 'ambulance_type'] as const;
const METRICS = Object.keys(TREND_METRICS) as TrendMetric[];

const data = new SlashCommandBuilder()
  .setName('er')
  .setDescription('Emergency department reports')
  .addSubcommand((s) =>
    addWindowOptions(
      s
        .setName('severity')
        .setDescription('Dispatch incidents of a severity, with counts by nature')
        .addStringOption((o) =>
          o
            .setName('level')
            .setDescription('Dispatch severity')
            .setRequired(true)
            .addChoices(...SEVERITIES.map((v) => ({ name: v, value: v }))),
        ),
      '7d',
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(s.setName('treatments').setDescription('ER treatment types ranked by frequency'), '7d'),
  )
  .addSubcommand((s) =>
    s
      .setName('earliest-treatments')
      .setDescription('The earliest recorded treatments of a type')
      .addStringOption((o) =>
        o
          .setName('type')
          .setDescription('Treatment type')
          .setRequired(true)
          .addChoices(...TREATMENT_TYPES.map((t) => ({ name: t, value: t }))),
      )
      .addIntegerOption((o) =>
        o.setName('count').setDescription('How many (default 10)').setMinValue(1).setMaxValue(50),
      ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s.setName('recent-treatments').setDescription("Each patient's most recent ER treatment"),
      '24h',
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s.setName('arrivals').setDescription('ER arrivals by condition on arrival and triage level'),
      '24h',
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s
        .setName('response-times')
        .setDescription(
          'Call-to-scene, scene-to-hospital and call-to-arrival minutes: median and 90th percentile',
        )
        .addStringOption((o) =>
          o
            .setName('by')
            .setDescription('Group by (default severity)')
            .addChoices(
              { name: 'severity', value: 'severity' },
              { name: 'ambulance type', value: 'ambulance_type' },
            ),
        ),
      '7d',
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s.setName('dispositions').setDescription('Disposition decisions and patient status'),
      '7d',
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s
        .setName('trends')
        .setDescription('ER arrivals, treatments or dispositions per day')
        .addStringOption((o) =>
          o
            .setName('metric')
            .setDescription('What to count (default arrivals)')
            .addChoices(...METRICS.map((m) => ({ name: m, value: m }))),
        ),
      '30d',
    ),
  )
  .addSubcommand((s) =>
    s.setName('census').setDescription('Who is in the ER now, by condition and triage level'),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s.setName('length-of-stay').setDescription('Age against length of stay in the ER'),
      '30d',
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s
        .setName('symptom')
        .setDescription('Patients whose assessment mentions a term, and callers reporting it')
        .addStringOption((o) =>
          o
            .setName('term')
            .setDescription('Symptom or term, e.g. chest pain')
            .setRequired(true)
            .setMinLength(3)
            .setMaxLength(60),
        ),
      '30d',
    ),
  )
  .addSubcommand((s) =>
    addWindowOptions(
      s.setName('assessments').setDescription('Paramedic assessments per patient: average and distribution'),
      '30d',
    ),
  );

const severity = subcommand({
  sensitivity: 'aggregate',
  options: z.object({ level: z.enum(SEVERITIES), ...windowSchema }),
  async run(o, ctx) {
    const w = windowOf(o, '7d', ctx);
    const coll = ctx.mongo.collection<DispatchIncidentDoc>(DISPATCH_INCIDENTS);
    const [incidents, natures] = await Promise.all([
      coll.aggregate<DispatchIncidentDoc>(incidentsBySeverity(o.level, w.from, w.to, MAX_ROWS)).toArray(),
      coll.aggregate<{ _id: string; n: number }>(natureCountsForSeverity(o.level, w.from, w.to)).toArray(),
    ]);
    const total = natures.reduce((n, r) => n + r.n, 0);
    const response = incidents.map((i) => i.responseMinutes).filter((m): m is number => m !== null);
    const top = natures.slice(0, 3).map((n) => `${n._id} ${n.n}`);
    return {
      title: `${o.level[0]?.toUpperCase()}${o.level.slice(1)}-severity dispatches`,
      summary:
        total === 0
          ? `No ${o.level}-severity dispatches ${w.phrase}.`
          : `${plural(total, 'dispatch', 'dispatches')}; most often ${top.join(', ')}. Median response ${round1(median(response))} min${shownOf(incidents.length, total)}.`,
      table: {
        columns: [
          { name: 'dispatch', align: 'right' },
          { name: 'time' },
          { name: 'nature' },
          { name: 'district' },
          { name: 'units' },
          { name: 'response min', align: 'right' },
        ],
        rows: incidents.map((i) => [
          i._id,
          when(ctx, i.dispatchedAt),
          i.nature,
          i.location.district,
          i.units.map((u) => u.unitCode).join(' '),
          i.responseMinutes,
        ]),
        totalRows: total,
      },
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

const treatments = subcommand({
  sensitivity: 'aggregate',
  options: z.object(windowSchema),
  async run(o, ctx) {
    const w = windowOf(o, '7d', ctx);
    const rows = await ctx.mongo
      .collection<ErTreatmentDoc>(ER_TREATMENTS)
      .aggregate<{ _id: string; n: number }>(treatmentTypeCounts(w.from, w.to))
      .toArray();
    const total = rows.reduce((n, r) => n + r.n, 0);
    return {
      title: 'ER treatments by type',
      summary:
        total === 0
          ? `No ER treatments ${w.phrase}.`
          : `${plural(total, 'treatment')} ${w.phrase}; most common: ${rows[0]?._id}.`,
      table: {
        columns: [
          { name: 'type' },
          { name: 'treatments', align: 'right' },
          { name: 'share %', align: 'right' },
        ],
        rows: rows.map((r) => [r._id, r.n, round1((r.n / total) * 100)]),
      },
      chart:
        total === 0
          ? undefined
          : barChart(
              `ER treatments by type (${w.label})`,
              rows.map((r) => r._id),
              [{ label: 'treatments', data: rows.map((r) => r.n) }],
              { x: 'treatment type', y: 'treatments' },
            ),
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

const earliestTreatments = subcommand({
  sensitivity: 'phi',
  options: z.object({ type: z.enum(TREATMENT_TYPES), count: z.number().int().min(1).max(50).optional() }),
  async run(o, ctx) {
    const docs = await ctx.mongo
      .collection<ErTreatmentDoc>(ER_TREATMENTS)
      .aggregate<Pick<ErTreatmentDoc, '_id' | 'visitId' | 'patientId' | 'performedAt' | 'outcome'>>(
        earliestTreatmentsOfType(o.type, o.count ?? 10),
      )
      .toArray();
    const names = await patientNames(
      ctx.sql,
      docs.map((d) => d.patientId),
    );
    return {
      title: `Earliest ${o.type} treatments`,
      summary:
        docs.length === 0
          ? `No ${o.type} treatment on record.`
          : `The first ${plural(docs.length, 'treatment')} of type ${o.type} on record.`,
      table: {
        columns: [
          { name: 'time' },
          { name: 'MRN' },
          { name: 'patient' },
          { name: 'outcome' },
          { name: 'treatment', align: 'right' },
        ],
        rows: docs.map((d) => {
          const p = names.get(d.patientId);
          return [
            when(ctx, d.performedAt),
            p?.mrn ?? '-',
            p ? fullName(p) : `patient ${d.patientId}`,
            d.outcome,
            d._id,
          ];
        }),
      },
      sensitivity: 'phi',
      footer: footer(ctx, 'all time'),
      patientIds: docs.map((d) => d.patientId),
    };
  },
});

const recentTreatments = subcommand({
  sensitivity: 'phi',
  options: z.object(windowSchema),
  async run(o, ctx) {
    const w = windowOf(o, '24h', ctx);
    const rows = await latestTreatmentPerPatient(ctx.sql, w.from, w.to, MAX_ROWS);
    const total = rows[0]?.total ?? 0;
    return {
      title: 'Most recent treatment of each patient',
      summary:
        total === 0
          ? `No ER treatments ${w.phrase}.`
          : `${plural(total, 'patient')} treated ${w.phrase}${shownOf(rows.length, total)}.`,
      table: {
        columns: [
          { name: 'time' },
          { name: 'MRN' },
          { name: 'patient' },
          { name: 'treatment' },
          { name: 'outcome' },
        ],
        rows: rows.map((r) => [when(ctx, r.performed_at), r.mrn, fullName(r), r.type, r.outcome]),
        totalRows: total,
      },
      sensitivity: 'phi',
      footer: footer(ctx, w.label),
      patientIds: rows.map((r) => r.patient_id),
    };
  },
});

const arrivals = subcommand({
  sensitivity: 'aggregate',
  options: z.object(windowSchema),
  async run(o, ctx) {
    const w = windowOf(o, '24h', ctx);
    const rows = await arrivalsByCondition(ctx.sql, w.from, w.to);
    const total = rows.reduce((n, r) => n + r.arrivals, 0);
    const esi = TRIAGE_LEVELS;
    const byEsi = (r: (typeof rows)[number], level: (typeof esi)[number]) => r[`esi${level}`];
    return {
      title: 'ER arrivals by condition on arrival',
      summary: total === 0 ? `No ER arrivals ${w.phrase}.` : `${plural(total, 'arrival')} ${w.phrase}.`,
      table: {
        columns: [
          { name: 'condition' },
          { name: 'arrivals', align: 'right' },
          ...esi.map((l) => ({ name: `ESI ${l}`, align: 'right' as const })),
        ],
        rows: [
          ...rows.map((r) => [r.condition, r.arrivals, ...esi.map((l) => byEsi(r, l))]),
          ...(rows.length > 1
            ? [['total', total, ...esi.map((l) => rows.reduce((n, r) => n + byEsi(r, l), 0))]]
            : []),
        ],
      },
      chart:
        total === 0
          ? undefined
          : barChart(
              `ER arrivals by condition and triage level (${w.label})`,
              rows.map((r) => r.condition),
              esi.map((l) => ({ label: `ESI ${l}`, data: rows.map((r) => byEsi(r, l)) })),
              { x: 'condition on arrival', y: 'arrivals' },
              true,
            ),
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

const responseTimes = subcommand({
  sensitivity: 'aggregate',
  options: z.object({ by: z.enum(RESPONSE_GROUPS).optional(), ...windowSchema }),
  async run(o, ctx) {
    const w = windowOf(o, '7d', ctx);
    const by = o.by ?? 'severity';
    const legs = await dispatchResponseLegs(ctx.sql, w.from, w.to);
    const stats =
      by === 'severity'
        ? responseStats(legs, (r) => r.severity, SEVERITIES)
        : responseStats(legs, (r) => r.unit_type, AMBULANCE_TYPES);
    const all = stats[stats.length - 1];
    const callToScene = legs.map((r) => legsOf(r).callToScene).filter((m): m is number => m !== null);
    const bins = histogram(callToScene, 2, 30);
    return {
      title: `Response times by ${by === 'severity' ? 'severity' : 'ambulance type'}`,
      summary:
        legs.length === 0
          ? `No dispatches ${w.phrase}.`
          : `${plural(legs.length, 'dispatch', 'dispatches')}; call to first unit on scene: median ${all?.callToScene.median} min, 90th percentile ${all?.callToScene.p90} min.`,
      table: {
        columns: [
          { name: by === 'severity' ? 'severity' : 'unit type' },
          { name: 'dispatches', align: 'right' },
          { name: 'call→scene p50', align: 'right' },
          { name: 'p90', align: 'right' },
          { name: 'scene→hosp p50', align: 'right' },
          { name: 'p90', align: 'right' },
          { name: 'call→arrival p50', align: 'right' },
          { name: 'p90', align: 'right' },
        ],
        rows:
          legs.length === 0
            ? []
            : stats.map((s) => [
                s.group,
                s.dispatches,
                s.callToScene.median,
                s.callToScene.p90,
                s.sceneToHospital.median,
                s.sceneToHospital.p90,
                s.callToArrival.median,
                s.callToArrival.p90,
              ]),
      },
      chart:
        legs.length === 0
          ? undefined
          : barChart(
              `Call to first unit on scene (${w.label})`,
              bins.map((b) => b.label),
              [{ label: 'dispatches', data: bins.map((b) => b.count) }],
              { x: 'minutes', y: 'dispatches' },
            ),
      sensitivity: 'aggregate',
      footer: `${footer(ctx, w.label)} · minutes`,
      patientIds: [],
    };
  },
});

const dispositions = subcommand({
  sensitivity: 'aggregate',
  options: z.object(windowSchema),
  async run(o, ctx) {
    const w = windowOf(o, '7d', ctx);
    const rows = await dispositionCounts(ctx.sql, w.from, w.to);
    const count = (d: string, s: string) =>
      rows.find((r) => r.decision === d && r.patient_status === s)?.n ?? 0;
    const total = rows.reduce((n, r) => n + r.n, 0);
    const decisions = DECISIONS.filter((d) => rows.some((r) => r.decision === d));
    return {
      title: 'Disposition decisions',
      summary:
        total === 0 ? `No disposition decisions ${w.phrase}.` : `${plural(total, 'decision')} ${w.phrase}.`,
      table: {
        columns: [
          { name: 'decision' },
          ...PATIENT_STATUSES.map((s) => ({ name: s, align: 'right' as const })),
          { name: 'total', align: 'right' },
        ],
        rows: decisions.map((d) => [
          d,
          ...PATIENT_STATUSES.map((s) => count(d, s)),
          PATIENT_STATUSES.reduce((n, s) => n + count(d, s), 0),
        ]),
      },
      chart:
        total === 0
          ? undefined
          : barChart(
              `Disposition decisions by patient status (${w.label})`,
              decisions,
              PATIENT_STATUSES.map((s) => ({ label: s, data: decisions.map((d) => count(d, s)) })),
              { x: 'decision', y: 'patients' },
              true,
            ),
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

const trends = subcommand({
  sensitivity: 'aggregate',
  options: z.object({ metric: z.enum(METRICS).optional(), ...windowSchema }),
  async run(o, ctx) {
    const w = windowOf(o, '30d', ctx);
    const metric = o.metric ?? 'arrivals';
    const tz = ctx.config.timeZone;
    const buckets = await eventBuckets(ctx.sql, metric, w.from, w.to);
    const perDay = new Map(localDatesBetween(tz, w.from.getTime(), w.to.getTime()).map((d) => [d, 0]));
    for (const b of buckets) {
      const day = localDate(tz, b.bucket * 15 * 60_000);
      perDay.set(day, (perDay.get(day) ?? 0) + b.n);
    }
    const days = [...perDay];
    const total = days.reduce((n, [, c]) => n + c, 0);
    return {
      title: `ER ${metric} per day`,
      summary:
        total === 0
          ? `No ER ${metric} ${w.phrase}.`
          : `${plural(total, metric.slice(0, -1))} over ${plural(days.length, 'day')}; ${round1(mean(days.map(([, c]) => c)))} a day on average${o.from ? '' : ' (the first and last days are partial)'}.`,
      table: {
        columns: [{ name: 'date' }, { name: metric, align: 'right' }],
        rows: days.map(([d, c]) => [d, c]),
      },
      chart:
        total === 0
          ? undefined
          : lineChart(
              `ER ${metric} per day (${w.label})`,
              days.map(([d]) => d),
              metric,
              days.map(([, c]) => c),
              { x: `date (${tz})`, y: metric },
            ),
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

const census = subcommand({
  sensitivity: 'aggregate',
  options: z.object({}),
  async run(_o, ctx) {
    const now = new Date(ctx.now());
    const [cells, waits] = await Promise.all([
      censusByCondition(ctx.sql, now),
      censusLongestWaits(ctx.sql, now),
    ]);
    const total = cells.reduce((n, c) => n + c.patients, 0);
    const hours = (d: Date) => round1((now.getTime() - d.getTime()) / 3_600_000);
    const rows: Cell[][] = CONDITIONS.filter((c) => cells.some((x) => x.condition === c)).map((c) => {
      const mine = cells.filter((x) => x.condition === c);
      const n = (l: number) => mine.find((x) => x.triage_level === l)?.patients ?? 0;
      const earliest = Math.min(...mine.map((x) => x.earliest.getTime()));
      return [
        c,
        mine.reduce((a, x) => a + x.patients, 0),
        n(1),
        n(2),
        n(3),
        n(4),
        n(5),
        hours(new Date(earliest)),
      ];
    });
    return {
      title: 'ER census now',
      summary:
        total === 0
          ? 'Nobody is in the ER right now.'
          : `${plural(total, 'patient')} in the ER. Longest waits: ${waits.map((v) => `${hours(v.arrived_at)} h (${v.condition_on_arrival}, ESI ${v.triage_level}, ${v.reason})`).join('; ')}.`,
      table: {
        columns: [
          { name: 'condition' },
          { name: 'patients', align: 'right' },
          ...TRIAGE_LEVELS.map((l) => ({ name: `ESI ${l}`, align: 'right' as const })),
          { name: 'longest h', align: 'right' },
        ],
        rows,
      },
      sensitivity: 'aggregate',
      footer: footer(ctx),
      patientIds: [],
    };
  },
});

const AGE_BANDS = [
  ['0-17', 0, 17],
  ['18-44', 18, 44],
  ['45-64', 45, 64],
  ['65-79', 65, 79],
  ['80+', 80, 200],
] as const;
const MAX_POINTS = 1500;

const lengthOfStayCmd = subcommand({
  sensitivity: 'aggregate',
  options: z.object(windowSchema),
  async run(o, ctx) {
    const w = windowOf(o, '30d', ctx);
    const stays = await lengthOfStay(ctx.sql, w.from, w.to);
    const hoursOf = (m: number) => m / 60;
    const rows = (stays.length === 0 ? [] : AGE_BANDS).map(([band, lo, hi]) => {
      const h = stays.filter((s) => s.age >= lo && s.age <= hi).map((s) => hoursOf(s.minutes));
      return [band, h.length, round1(median(h)), round1(percentile(h, 90))] as Cell[];
    });
    // An even sample keeps the chart readable and the same for the same data.
    const step = Math.max(1, Math.ceil(stays.length / MAX_POINTS));
    const points = stays
      .filter((_, i) => i % step === 0)
      .map((s) => ({ x: s.age, y: round1(hoursOf(s.minutes)) ?? 0 }));
    const all = stays.map((s) => hoursOf(s.minutes));
    return {
      title: 'Length of stay by age',
      summary:
        stays.length === 0
          ? `No completed ER visits that arrived ${w.phrase}.`
          : `${plural(stays.length, 'completed visit')}; median stay ${round1(median(all))} h, 90th percentile ${round1(percentile(all, 90))} h.`,
      table: {
        columns: [
          { name: 'age' },
          { name: 'visits', align: 'right' },
          { name: 'median h', align: 'right' },
          { name: 'p90 h', align: 'right' },
        ],
        rows,
      },
      chart:
        stays.length === 0
          ? undefined
          : scatterChart(
              `Age against length of stay (${w.label}${step > 1 ? `, every ${step}th visit` : ''})`,
              'visits',
              points,
              { x: 'age (years)', y: 'length of stay (hours)' },
            ),
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

const symptom = subcommand({
  sensitivity: 'phi',
  options: z.object({
    term: z.string().trim().min(3, 'needs at least 3 characters').max(60),
    ...windowSchema,
  }),
  async run(o, ctx) {
    const w = windowOf(o, '30d', ctx);
    const rows = await symptomMatches(ctx.sql, o.term, w.from, w.to, MAX_ROWS);
    const total = rows[0]?.total ?? 0;
    return {
      title: `People linked to "${o.term}"`,
      summary:
        total === 0
          ? `No assessment or call mentions "${o.term}" ${w.phrase}.`
          : `${plural(total, 'match', 'matches')}: patients whose paramedic assessment mentions it and callers reporting it${shownOf(rows.length, total)}.`,
      table: {
        columns: [
          { name: 'time' },
          { name: 'who' },
          { name: 'name' },
          { name: 'phone' },
          { name: 'matched' },
        ],
        rows: rows.map((r) => [when(ctx, r.at), r.kind, r.name, r.phone, r.matched]),
        totalRows: total,
      },
      sensitivity: 'phi',
      footer: footer(ctx, w.label),
      patientIds: rows.map((r) => r.patient_id).filter((id): id is number => id !== null),
    };
  },
});

const assessments = subcommand({
  sensitivity: 'aggregate',
  options: z.object(windowSchema),
  async run(o, ctx) {
    const w = windowOf(o, '30d', ctx);
    const rows = await assessmentsPerPatient(ctx.sql, w.from, w.to);
    const patients = rows.reduce((n, r) => n + r.patients, 0);
    const total = rows.reduce((n, r) => n + r.assessments * r.patients, 0);
    return {
      title: 'Paramedic assessments per patient',
      summary:
        patients === 0
          ? `No paramedic assessments ${w.phrase}.`
          : `${plural(total, 'assessment')} of ${plural(patients, 'patient')}: ${(total / patients).toFixed(2)} per assessed patient on average.`,
      table: {
        columns: [
          { name: 'assessments', align: 'right' },
          { name: 'patients', align: 'right' },
          { name: 'share %', align: 'right' },
        ],
        rows: rows.map((r) => [r.assessments, r.patients, round1((r.patients / patients) * 100)]),
      },
      chart:
        patients === 0
          ? undefined
          : barChart(
              `Assessments per patient (${w.label})`,
              rows.map((r) => String(r.assessments)),
              [{ label: 'patients', data: rows.map((r) => r.patients) }],
              { x: 'assessments per patient', y: 'patients' },
            ),
      sensitivity: 'aggregate',
      footer: footer(ctx, w.label),
      patientIds: [],
    };
  },
});

export default {
  data,
  subcommands: {
    severity,
    treatments,
    'earliest-treatments': earliestTreatments,
    'recent-treatments': recentTreatments,
    arrivals,
    'response-times': responseTimes,
    dispositions,
    trends,
    census,
    'length-of-stay': lengthOfStayCmd,
    symptom,
    assessments,
  },
} satisfies Command;
