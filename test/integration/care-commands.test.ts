import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { openContext } from '../../src/context.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import type { Context } from '../../src/runner/command.ts';
import { testDatabases } from '../support/databases.ts';
import { pct, r1, ymd } from '../support/raw.ts';
import { runScript } from '../support/spawn.ts';
import { replyTo, userErrorOf } from '../support/run-command.ts';

/**
 * /er flow, /er returns, /er returns-list, /care and /meds ending, each checked against the definitions of
 * docs/domain.md ("ED flow and care-coordination measures") worked out here again over plain SELECT * rows.
 */
const TZ = 'America/New_York';
// Two weeks of data ending a week after the US spring-forward change (2026-03-08).
const END = Date.parse('2026-03-15T14:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Local days around the change: 2026-03-08 has 23 hours.
const FROM = '2026-03-03';
const TO = '2026-03-12';
const WINDOW = `from:${FROM} to:${TO}`;
const EMPTY = 'from:2020-01-01 to:2020-01-07';

interface Visit {
  id: number;
  patient_id: number;
  arrived_at: Date;
  arrival_mode: string;
  condition_on_arrival: string;
  triage_level: number;
  reason: string;
  departed_at: Date | null;
  provider_seen_at: Date | null;
}
interface Treatment {
  visit_id: number;
  performed_at: Date;
}
interface Decision {
  visit_id: number;
  decided_at: Date;
  decision: string;
}
interface Appointment {
  patient_id: number;
  department_id: number;
  starts_at: Date;
  status: string;
}
interface Prescription {
  id: number;
  patient_id: number;
  medication_id: number;
  dose: string;
  frequency: string;
  ends_on: Date | null;
  status: string;
}
interface Raw {
  er_visit: Visit[];
  er_treatment: Treatment[];
  disposition_decision: Decision[];
  appointment: Appointment[];
  department: { id: number; name: string }[];
  patient: { id: number; mrn: string; phone: string | null }[];
  prescription: Prescription[];
}

const db = testDatabases('care', { TZ });
let ctx: Context;
let close: () => Promise<void>;
let raw: Raw;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.02, seed: 7, end: END }, () => undefined);
  ({ ctx, close } = await openContext(db.config, () => END));
  const conn = await connect(db.mysqlUrl);
  const tables: (keyof Raw)[] = [
    'er_visit',
    'er_treatment',
    'disposition_decision',
    'appointment',
    'department',
    'patient',
    'prescription',
  ];
  const loaded: Partial<Record<keyof Raw, unknown>> = {};
  for (const t of tables) loaded[t] = (await conn.query<RowDataPacket[]>(`SELECT * FROM \`${t}\``))[0];
  raw = loaded as Raw;
  await conn.end();
});

afterAll(async () => {
  await close?.();
  await db.drop();
});

const run = (line: string): Promise<Reply> => replyTo(ctx, line);
const userError = (line: string): Promise<string> => userErrorOf(ctx, line);

const rowOf = (reply: Reply, label: string) => reply.table?.rows.find((r) => r[0] === label);
/** [from, to) of local dates from..to, by Intl rather than src/core/time.ts. */
function localRange(from: string, to: string): [number, number] {
  const start = (date: string) => {
    // The instant whose local date is `date` and local time 00:00: try the two offsets New York has.
    for (const off of [5, 4]) {
      const t = Date.parse(`${date}T00:00:00Z`) + off * HOUR;
      if (ymd(TZ, t) === date && ymd(TZ, t - 1) !== date) return t;
    }
    throw new Error(`no midnight for ${date}`);
  };
  const next = new Date(Date.parse(`${to}T12:00:00Z`) + DAY).toISOString().slice(0, 10);
  return [start(from), start(next)];
}
const [W_FROM, W_TO] = localRange(FROM, TO);
const arrivedIn = (v: Visit, from = W_FROM, to = W_TO) =>
  v.arrived_at.getTime() >= from && v.arrived_at.getTime() < to;
const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;

function firstTreatment(visitId: number): Date | undefined {
  const times = raw.er_treatment.filter((t) => t.visit_id === visitId).map((t) => t.performed_at.getTime());
  return times.length === 0 ? undefined : new Date(Math.min(...times));
}
const decisionOf = (visitId: number) => raw.disposition_decision.find((d) => d.visit_id === visitId);
const lwbs = (v: Visit) =>
  v.departed_at !== null && v.provider_seen_at === null && !firstTreatment(v.id) && !decisionOf(v.id);
const doorToTreatment = (vs: Visit[]) =>
  vs.flatMap((v) => {
    const t = firstTreatment(v.id);
    return t ? [minutes(v.arrived_at, t)] : [];
  });

describe('/er flow', () => {
  it('gives door to treatment, stays, boarding and LWBS per triage level exactly as the raw rows give them', async () => {
    const reply = await run(`/er flow ${WINDOW}`);
    const visits = raw.er_visit.filter((v) => arrivedIn(v));
    const expectRow = (label: string, vs: Visit[]) => {
      const d2t = doorToTreatment(vs);
      const ended = vs.filter((v) => v.departed_at && decisionOf(v.id));
      const disc = ended.filter((v) => decisionOf(v.id)?.decision === 'Discharge');
      // Admitted, transferred or in observation: not those who left against advice or eloped.
      const adm = ended.filter((v) =>
        [
          'Transfer to another department',
          'Transfer to a higher-level hospital',
          'Continue Observation',
        ].includes(decisionOf(v.id)?.decision ?? ''),
      );
      const h = (xs: Visit[], from: (v: Visit) => Date) =>
        xs.map((v) => minutes(from(v), v.departed_at as Date) / 60);
      const decided = (v: Visit) => decisionOf(v.id)?.decided_at as Date;
      const left = vs.filter(lwbs).length;
      expect(rowOf(reply, label), label).toEqual([
        label,
        vs.length,
        left,
        r1((100 * left) / vs.length),
        r1(pct(d2t, 50)),
        r1(pct(d2t, 90)),
        r1(
          pct(
            h(disc, (v) => v.arrived_at),
            50,
          ),
        ),
        r1(
          pct(
            h(disc, (v) => v.arrived_at),
            90,
          ),
        ),
        r1(
          pct(
            h(adm, (v) => v.arrived_at),
            50,
          ),
        ),
        r1(
          pct(
            h(adm, (v) => v.arrived_at),
            90,
          ),
        ),
        r1(pct(h(adm, decided), 50)),
        r1(pct(h(adm, decided), 90)),
      ]);
    };
    for (const level of [1, 2, 3, 4, 5])
      expectRow(
        `ESI ${level}`,
        visits.filter((v) => v.triage_level === level),
      );
    expectRow('all', visits);
    // What the measures need is there at all: patients who left unseen, and patients who boarded.
    expect(visits.filter(lwbs).length).toBeGreaterThan(0);
    expect(rowOf(reply, 'all')?.[10]).toBeGreaterThan(1);

    const byMode = await run(`/er flow ${WINDOW} by:arrival_mode`);
    expect(rowOf(byMode, 'walk_in')?.[1]).toBe(visits.filter((v) => v.arrival_mode === 'walk_in').length);
    expect(rowOf(byMode, 'walk_in')?.[2]).toBe(visits.filter(lwbs).length);
    expect(rowOf(byMode, 'ambulance')?.[2]).toBe(0);
  });

  it('charts the daily medians per local day of arrival, the 23-hour day included', async () => {
    const reply = await run(`/er flow ${WINDOW}`);
    const labels = reply.chart?.config.data.labels ?? [];
    expect(labels[0]).toBe(FROM);
    expect(labels.at(-1)).toBe(TO);
    expect(labels).toContain('2026-03-08');
    const line = reply.chart?.config.data.datasets[0]?.data ?? [];
    const days = new Map(raw.er_visit.filter((v) => arrivedIn(v)).map((v) => [v, ymd(TZ, v.arrived_at)]));
    for (const [i, day] of labels.entries()) {
      const vs = [...days].filter(([, d]) => d === day).map(([v]) => v);
      const hours = doorToTreatment(vs).map((m) => m / 60);
      expect(line[i], String(day)).toBe(r1(pct(hours, 50)));
    }
  });
});

/** Returns by docs/domain.md: the previous visit of the patient, departed, discharged or unseen, within 72 h. */
function expectedReturns(from: number, to: number) {
  const out: { visit: Visit; first: Visit; ending: string }[] = [];
  for (const v of raw.er_visit.filter((x) => arrivedIn(x, from, to))) {
    const first = raw.er_visit
      .filter((p) => p.patient_id === v.patient_id && p.arrived_at < v.arrived_at)
      .sort((a, b) => b.arrived_at.getTime() - a.arrived_at.getTime() || b.id - a.id)[0];
    if (!first?.departed_at) continue;
    if (v.arrived_at.getTime() - first.departed_at.getTime() > 72 * HOUR) continue;
    const d = decisionOf(first.id);
    const ending = d ? d.decision : lwbs(first) ? 'Left without being seen' : '';
    if (ending === 'Discharge' || ending === 'Left without being seen') out.push({ visit: v, first, ending });
  }
  return out;
}

describe('/er returns and /er returns-list', () => {
  it('counts 72-hour returns by the first visit, with the rate per discharged or unseen departure', async () => {
    const reply = await run(`/er returns ${WINDOW}`);
    const returns = expectedReturns(W_FROM, W_TO);
    expect(returns.length).toBeGreaterThan(0);
    const left = raw.er_visit.filter(
      (v) =>
        v.departed_at &&
        v.departed_at.getTime() >= W_FROM &&
        v.departed_at.getTime() < W_TO &&
        (decisionOf(v.id)?.decision === 'Discharge' || lwbs(v)),
    );
    const expectRow = (label: string, n: number, of: number) =>
      expect(rowOf(reply, label), label).toEqual([label, n, of, of === 0 ? null : r1((100 * n) / of)]);
    for (const c of ['critical', 'serious', 'moderate', 'minor', 'stable']) {
      const n = returns.filter((r) => r.first.condition_on_arrival === c).length;
      const of = left.filter((v) => v.condition_on_arrival === c).length;
      if (n > 0 || of > 0) expectRow(`condition: ${c}`, n, of);
    }
    expectRow(
      'first visit: Discharge',
      returns.filter((r) => r.ending === 'Discharge').length,
      left.filter((v) => !lwbs(v)).length,
    );
    expectRow(
      'first visit: Left without being seen',
      returns.filter((r) => r.ending !== 'Discharge').length,
      left.filter(lwbs).length,
    );
    expectRow('all', returns.length, left.length);
    expect(reply.sensitivity).toBe('aggregate');
  });

  it('lists each returning patient with both visits, privately, naming the patients disclosed', async () => {
    const reply = await run(`/er returns-list ${WINDOW}`);
    const returns = expectedReturns(W_FROM, W_TO);
    const mrn = (id: number) => raw.patient.find((p) => p.id === id)?.mrn;
    expect(reply.table?.rows.map((r) => [r[0], r[4], r[5]])).toEqual(
      returns.map((r) => [mrn(r.visit.patient_id), r.first.reason, r.ending]),
    );
    expect(reply.table?.rows.map((r) => r[7])).toEqual(
      returns.map((r) => r1((r.visit.arrived_at.getTime() - (r.first.departed_at as Date).getTime()) / HOUR)),
    );
    expect(reply.sensitivity).toBe('phi');
    expect(new Set(reply.patientIds)).toEqual(new Set(returns.map((r) => r.visit.patient_id)));
  });
});

/** Discharged visits arriving in the window, with whether a follow-up came within 7 days (docs/domain.md). */
function discharges(from = W_FROM, to = W_TO) {
  return raw.er_visit
    .filter((v) => arrivedIn(v, from, to) && v.departed_at && decisionOf(v.id)?.decision === 'Discharge')
    .map((v) => {
      const left = (v.departed_at as Date).getTime();
      const follow = raw.appointment
        .filter(
          (a) =>
            a.patient_id === v.patient_id &&
            a.status !== 'cancelled' &&
            a.starts_at.getTime() > left &&
            a.starts_at.getTime() <= left + 7 * DAY,
        )
        .sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime())[0];
      const state = follow ? 'followed' : left + 7 * DAY <= END ? 'gap' : 'pending';
      return { v, follow, state };
    });
}

describe('/care follow-up and /care gaps', () => {
  it('follow-up: discharges followed up within 7 days, gaps and pending, by condition and by clinic', async () => {
    const reply = await run(`/care follow-up ${WINDOW}`);
    const all = discharges();
    const count = (xs: typeof all, s: string) => xs.filter((x) => x.state === s).length;
    const expectRow = (label: string, xs: typeof all) => {
      const f = count(xs, 'followed');
      const g = count(xs, 'gap');
      expect(rowOf(reply, label), label).toEqual([
        label,
        xs.length,
        f,
        g,
        count(xs, 'pending'),
        f + g === 0 ? null : r1((100 * f) / (f + g)),
      ]);
    };
    for (const c of ['critical', 'serious', 'moderate', 'minor', 'stable']) {
      const xs = all.filter((x) => x.v.condition_on_arrival === c);
      if (xs.length > 0) expectRow(`condition: ${c}`, xs);
    }
    expectRow('all', all);
    expect(count(all, 'followed')).toBeGreaterThan(count(all, 'gap'));
    expect(count(all, 'gap')).toBeGreaterThan(0);
    const dept = (id: number | undefined) => raw.department.find((d) => d.id === id)?.name;
    for (const d of new Set(all.map((x) => dept(x.follow?.department_id)).filter(Boolean)))
      expect(rowOf(reply, `clinic: ${d}`)?.[2], d).toBe(
        all.filter((x) => dept(x.follow?.department_id) === d).length,
      );
  });

  it('gaps: the discharged patients without follow-up, oldest first, with their phone', async () => {
    const reply = await run(`/care gaps ${WINDOW}`);
    const gaps = discharges()
      .filter((x) => x.state === 'gap')
      .sort(
        (a, b) =>
          (a.v.departed_at as Date).getTime() - (b.v.departed_at as Date).getTime() || a.v.id - b.v.id,
      );
    const patient = (id: number) => raw.patient.find((p) => p.id === id);
    expect(reply.table?.rows.map((r) => [r[0], r[2]])).toEqual(
      gaps.map((g) => [patient(g.v.patient_id)?.mrn, patient(g.v.patient_id)?.phone ?? 'no phone on file']),
    );
    expect(reply.sensitivity).toBe('phi');
    expect(new Set(reply.patientIds)).toEqual(new Set(gaps.map((g) => g.v.patient_id)));
  });
});

describe('/care no-shows', () => {
  const weekdays = new Intl.DateTimeFormat('en-US', { timeZone: TZ, weekday: 'short' });
  const hours = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', hourCycle: 'h23' });
  const weekday = (d: Date) => weekdays.format(d);
  const hour = (d: Date) => `${hours.format(d)}:00`;
  const past = () =>
    raw.appointment.filter(
      (a) => a.starts_at.getTime() >= W_FROM && a.starts_at.getTime() < W_TO && a.starts_at.getTime() <= END,
    );
  const expected = (label: string, xs: Appointment[]) => {
    const noShows = xs.filter((a) => a.status === 'no_show').length;
    const cancelled = xs.filter((a) => a.status === 'cancelled').length;
    return [
      label,
      xs.length,
      noShows,
      r1((100 * noShows) / (xs.length - cancelled)),
      cancelled,
      r1((100 * cancelled) / xs.length),
    ];
  };

  it('gives no-show and cancellation rates by department, local weekday and local hour', async () => {
    const reply = await run(`/care no-shows ${WINDOW}`);
    const xs = past();
    for (const d of raw.department) {
      const mine = xs.filter((a) => a.department_id === d.id);
      if (mine.length > 0) expect(rowOf(reply, d.name)).toEqual(expected(d.name, mine));
    }
    for (const w of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
      expect(rowOf(reply, w)).toEqual(
        expected(
          w,
          xs.filter((a) => weekday(a.starts_at) === w),
        ),
      );
    for (const h of new Set(xs.map((a) => hour(a.starts_at))))
      expect(rowOf(reply, h)).toEqual(
        expected(
          h,
          xs.filter((a) => hour(a.starts_at) === h),
        ),
      );
    expect(rowOf(reply, 'all')).toEqual(expected('all', xs));
    expect(reply.chart?.config.data.datasets.map((d) => d.label)).toEqual(['no-show %', 'cancelled %']);
  });

  it('for one department (any case), only its appointments; an unknown department is a clear error', async () => {
    const reply = await run(`/care no-shows ${WINDOW} department:cardiology`);
    const id = raw.department.find((d) => d.name === 'Cardiology')?.id;
    expect(rowOf(reply, 'all')).toEqual(
      expected(
        'all',
        past().filter((a) => a.department_id === id),
      ),
    );
    expect(reply.title).toBe('No-shows and cancellations: Cardiology');
    expect(await userError(`/care no-shows ${WINDOW} department:Dermatology`)).toMatch(
      /^Option `department`: no department "Dermatology"\. Departments: .*Cardiology/,
    );
  });
});

describe('/meds ending', () => {
  it('lists active prescriptions ending within the days given (7 by default), with full dose and frequency', async () => {
    const today = ymd(TZ, END);
    const lastDay = (n: number) => ymd(TZ, END + n * DAY);
    for (const [line, n] of [
      ['/meds ending', 7],
      ['/meds ending days:3', 3],
    ] as const) {
      const reply = await run(line);
      const ending = raw.prescription.filter((p) => {
        if (p.status !== 'active' || !p.ends_on) return false;
        const on = p.ends_on.toISOString().slice(0, 10);
        return on >= today && on <= lastDay(n);
      });
      expect(ending.length, line).toBeGreaterThan(0);
      const rows = reply.table?.rows ?? [];
      // Soonest first; at most 200 rows, with the total said.
      expect(reply.table?.totalRows).toBe(ending.length);
      expect(rows.length).toBe(Math.min(200, ending.length));
      const ends = rows.map((r) => String(r[0]));
      expect(ends).toEqual([...ends].sort());
      const key = (p: Prescription) =>
        `${p.ends_on?.toISOString().slice(0, 10)}|${raw.patient.find((x) => x.id === p.patient_id)?.mrn}|${p.dose}|${p.frequency}`;
      const theirs = new Set(ending.map(key));
      for (const r of rows) expect(theirs.has(`${r[0]}|${r[1]}|${r[4]}|${r[5]}`), String(r)).toBe(true);
      if (ending.length <= 200)
        expect(rows.map((r) => `${r[0]}|${r[1]}|${r[4]}|${r[5]}`).sort()).toEqual(ending.map(key).sort());
      else expect(reply.summary).toContain(`(200 of ${ending.length} shown)`);
      expect(reply.sensitivity).toBe('phi');
      const shown = new Set(rows.map((r) => r[1]));
      expect(new Set(reply.patientIds)).toEqual(
        new Set(raw.patient.filter((p) => shown.has(p.mrn)).map((p) => p.id)),
      );
    }
    expect(await userError('/meds ending days:0')).toMatch(/days/);
  });
});

describe('/summary', () => {
  it('adds LWBS, median door to treatment and 72-hour returns, each against the 7 days before', async () => {
    const reply = await run('/summary date:2026-03-09');
    const [dayFrom, dayTo] = localRange('2026-03-09', '2026-03-09');
    const [weekFrom] = localRange('2026-03-02', '2026-03-02');
    const inDay = raw.er_visit.filter((v) => arrivedIn(v, dayFrom, dayTo));
    const inWeek = raw.er_visit.filter((v) => arrivedIn(v, weekFrom, dayFrom));
    const avg = (n: number) => Math.round((n / 7) * 10) / 10;
    const figure = (label: string) => reply.table?.rows.find((r) => r[0] === label)?.slice(1, 3);
    expect(figure('left without being seen')).toEqual([
      inDay.filter(lwbs).length,
      avg(inWeek.filter(lwbs).length),
    ]);
    expect(figure('door to treatment median, min')).toEqual([
      r1(pct(doorToTreatment(inDay), 50)),
      r1(pct(doorToTreatment(inWeek), 50)),
    ]);
    expect(figure('72-hour returns')).toEqual([
      expectedReturns(dayFrom, dayTo).length,
      avg(expectedReturns(weekFrom, dayFrom).length),
    ]);
  });
});

describe('a window with no data', () => {
  it.each([
    [`/er flow ${EMPTY}`, 'No ER visits arrived from 2020-01-01 to 2020-01-07.'],
    [`/er returns ${EMPTY}`, 'No discharges and no 72-hour returns from 2020-01-01 to 2020-01-07.'],
    [`/er returns-list ${EMPTY}`, 'No 72-hour returns from 2020-01-01 to 2020-01-07.'],
    [`/care follow-up ${EMPTY}`, 'No ER discharges of visits that arrived from 2020-01-01 to 2020-01-07.'],
    [`/care no-shows ${EMPTY}`, 'No appointments started from 2020-01-01 to 2020-01-07.'],
  ])('%s: a friendly empty answer, no rows, no chart', async (line, summary) => {
    const reply = await run(line);
    expect(reply.summary).toBe(summary);
    expect(reply.table?.rows ?? []).toEqual([]);
    expect(reply.chart).toBeUndefined();
  });

  it('/care gaps: says nobody is waiting for a call', async () => {
    const reply = await run(`/care gaps ${EMPTY}`);
    expect(reply.summary).toMatch(/^No care gaps/);
    expect(reply.table?.rows).toEqual([]);
  });
});

describe('from the terminal', () => {
  const env = () => ({ ...db.env, CONSOLE_OUTPUT_DIR: '/tmp' });

  it('/er flow --json prints the reply with its table and chart', async () => {
    const r = await runScript('src/cli/console.ts', ['--json', `/er flow ${WINDOW} by:condition`], env());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { title: string; sensitivity: string; table: { rows: unknown[][] } };
    expect(json).toMatchObject({ title: 'ED flow', sensitivity: 'aggregate' });
    expect(json.table.rows.at(-1)?.[0]).toBe('all');
  });

  it('/care gaps prints the patients to call', async () => {
    const r = await runScript('src/cli/console.ts', [`/care gaps ${WINDOW}`], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Care gaps: discharged without follow-up\n=+\n/);
    expect(r.stdout).toMatch(/MRN\d{7}/);
  });
});
