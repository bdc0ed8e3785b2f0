import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Context } from '../../src/runner/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { openContext } from '../../src/context.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { frequentlyTreated } from '../../src/data/patient.queries.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { execute } from '../../src/runner/execute.ts';
import { testDatabases } from '../support/databases.ts';
import { countBy, loadRaw, pct, r1, ymd, type Raw } from '../support/raw.ts';
import { replyTo, TEST_ACTOR, userErrorOf } from '../support/run-command.ts';

const TZ = 'America/New_York';
// Two weeks of data ending a week after the US spring-forward change (2026-03-08).
const END = Date.parse('2026-03-15T14:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const db = testDatabases('commands', { TZ });
let ctx: Context;
let close: () => Promise<void>;
let raw: Raw;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.02, seed: 5, end: END }, () => undefined);
  ({ ctx, close } = await openContext(db.config, () => END));
  const conn = await connect(db.mysqlUrl);
  raw = await loadRaw(conn);
  await conn.end();
});

afterAll(async () => {
  await close?.();
  await db.drop();
});

const actor = TEST_ACTOR;
const run = (line: string): Promise<Reply> => replyTo(ctx, line);
const userError = (line: string): Promise<string> => userErrorOf(ctx, line);

const col = (reply: Reply, name: string) => {
  const i = reply.table?.columns.findIndex((c) => c.name === name) ?? -1;
  if (i < 0) throw new Error(`no column ${name}`);
  return reply.table?.rows.map((r) => r[i]) ?? [];
};
const inWindow = (d: Date | null, from: number, to: number) =>
  d !== null && d.getTime() >= from && d.getTime() < to;
const last = (ms: number) => [END - ms, END] as const;
const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const mrnOf = (id: number) => raw.patient.find((p) => p.id === id)?.mrn;
const name = (r: { first_name: string; last_name: string }) => `${r.first_name} ${r.last_name}`;

describe('/patient', () => {
  const matching = (text: string) =>
    raw.patient
      .filter((p) =>
        `${p.first_name}|${p.last_name}`
          .toLowerCase()
          .split('|')
          .some((n) => n.includes(text.toLowerCase())),
      )
      .sort(
        (a, b) =>
          a.last_name.localeCompare(b.last_name) || a.first_name.localeCompare(b.first_name) || a.id - b.id,
      );

  it('search: finds exactly the patients whose first or last name contains the text, ignoring case, identifiers only', async () => {
    const text = 'LiNd';
    const expected = matching(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(25);
    const reply = await run(`/patient search name:${text}`);
    expect(new Set(col(reply, 'MRN'))).toEqual(new Set(expected.map((p) => p.mrn)));
    expect(col(reply, 'born')).toEqual(expected.map((p) => p.date_of_birth.getUTCFullYear()));
    expect(reply.table?.columns.map((c) => c.name)).toEqual(['MRN', 'name', 'born']);
    // No phone, no emergency contact, no full date of birth anywhere in the answer.
    const text_ = JSON.stringify(reply);
    for (const p of expected) {
      if (p.phone) expect(text_).not.toContain(p.phone);
      expect(text_).not.toContain(p.date_of_birth.toISOString().slice(0, 10));
    }
    const contacts = raw.patient_contact.filter((c) => expected.some((p) => p.id === c.patient_id));
    for (const c of contacts as { phone?: string }[]) expect(text_).not.toContain(c.phone);
    expect(reply.sensitivity).toBe('phi');
    expect(reply.patientIds.sort((a, b) => a - b)).toEqual(expected.map((p) => p.id).sort((a, b) => a - b));
  });

  it('search: a full name in either order, or "Last, First", finds the patient, with every patient whose names contain both parts', async () => {
    const p = raw.patient.find((x) => !/[\s,]/.test(`${x.first_name}${x.last_name}`));
    if (!p) throw new Error('seed has no patient with one-word names');
    const has = (n: string, part: string) => n.toLowerCase().includes(part.toLowerCase());
    const both = (first: string, last: string) =>
      raw.patient.filter((x) => has(x.first_name, first) && has(x.last_name, last)).map((x) => x.mrn);
    for (const [text, expected] of [
      [
        `${p.first_name} ${p.last_name}`,
        [...both(p.first_name, p.last_name), ...both(p.last_name, p.first_name)],
      ],
      [
        `${p.last_name} ${p.first_name}`,
        [...both(p.first_name, p.last_name), ...both(p.last_name, p.first_name)],
      ],
      [`${p.last_name}, ${p.first_name}`, both(p.first_name, p.last_name)],
      [
        `${p.first_name.toUpperCase()}   ${p.last_name.slice(0, 3).toLowerCase()}`,
        [...both(p.first_name, p.last_name.slice(0, 3)), ...both(p.last_name.slice(0, 3), p.first_name)],
      ],
    ] as const) {
      const reply = await run(`/patient search name:"${text}"`);
      expect(new Set(col(reply, 'MRN')), text).toEqual(new Set(expected));
      expect(col(reply, 'MRN')).toContain(p.mrn);
    }
  });

  it('search: with more than 25 matches, lists nobody, says how many matched and asks for a narrower term', async () => {
    const expected = matching('an');
    expect(expected.length).toBeGreaterThan(25);
    const reply = await run('/patient search name:an');
    expect(reply.summary).toContain(`${expected.length.toLocaleString('en-US')} patients match "an"`);
    expect(reply.summary).toContain('Use a longer part of the name');
    expect(reply.table?.rows).toEqual([]);
    expect(reply.patientIds).toEqual([]);
  });

  it('lookup: shows contacts, allergies and the latest treatment of the patient named by MRN', async () => {
    const withBoth = raw.patient.find(
      (p) =>
        raw.allergy.some((a) => a.patient_id === p.id) && raw.er_treatment.some((t) => t.patient_id === p.id),
    );
    if (!withBoth) throw new Error('seed has no patient with allergies and treatments');
    const reply = await run(`/patient lookup patient:${withBoth.mrn}`);
    const fields = col(reply, 'field');
    expect(fields.filter((f) => f === 'allergy')).toHaveLength(
      raw.allergy.filter((a) => a.patient_id === withBoth.id).length,
    );
    const contacts = raw.patient_contact.filter((c) => c.patient_id === withBoth.id).length;
    expect(fields.filter((f) => f === 'contact')).toHaveLength(Math.max(1, contacts));
    const latest = raw.er_treatment
      .filter((t) => t.patient_id === withBoth.id)
      .sort((a, b) => b.performed_at.getTime() - a.performed_at.getTime() || b.id - a.id)[0];
    const values = col(reply, 'value');
    expect(String(values[fields.indexOf('latest treatment')])).toContain(
      `${latest?.type}, ${latest?.outcome}`,
    );
    expect(reply.patientIds).toEqual([withBoth.id]);
  });

  it('lookup: a patient never treated says so', async () => {
    const never = raw.patient.find((p) => !raw.er_treatment.some((t) => t.patient_id === p.id));
    const reply = await run(`/patient lookup patient:${never?.id}`);
    expect(reply.summary).toBe('Never treated in the ER.');
  });

  it('lookup: an unknown MRN or name, or an ambiguous name, is a clear answer', async () => {
    expect(await userError('/patient lookup patient:MRN9999999')).toBe('No patient has MRN MRN9999999.');
    expect(await userError('/patient lookup patient:Zzyzx Quux')).toBe('No patient matches "Zzyzx Quux".');
    const counts = countBy(raw.patient, (p) => name(p));
    const dup = [...counts].find(([, n]) => n > 1)?.[0];
    if (dup)
      expect(await userError(`/patient lookup patient:${dup}`)).toMatch(
        new RegExp(`^Several patients match "${dup}": .*Use the MRN to choose one\\.$`),
      );
  });

  it('history: lists every event on the patient path in time order', async () => {
    const transported = raw.transport[0];
    if (!transported) throw new Error('no transports');
    const pid = transported.patient_id;
    const calls = raw.call_patient.filter((c) => c.patient_id === pid).map((c) => c.call_id);
    const dispatchIds = new Set(
      raw.emergency_call.filter((c) => calls.includes(c.id)).map((c) => c.dispatch_id),
    );
    const expected =
      calls.length +
      dispatchIds.size +
      raw.paramedic_assessment.filter((a) => a.patient_id === pid).length +
      2 * raw.transport.filter((t) => t.patient_id === pid).length +
      raw.er_visit.filter((v) => v.patient_id === pid).length +
      raw.er_treatment.filter((t) => t.patient_id === pid).length +
      raw.disposition_decision.filter((d) => d.patient_id === pid).length;
    const reply = await run(`/patient history patient:${mrnOf(pid)}`);
    expect(reply.table?.rows).toHaveLength(expected);
    const times = col(reply, 'time').map(String);
    expect([...times].sort()).toEqual(times);
    expect(col(reply, 'event')).toContain('transport drop-off');
  });

  it('frequent: lists the patients with more treatments than the average treated patient', async () => {
    const [from, to] = last(7 * DAY);
    const per = countBy(
      raw.er_treatment.filter((t) => inWindow(t.performed_at, from, to)),
      (t) => t.patient_id,
    );
    const avg = [...per.values()].reduce((a, b) => a + b, 0) / per.size;
    const expected = [...per].filter(([, n]) => n > avg).map(([id]) => mrnOf(Number(id)));
    const reply = await run('/patient frequent window:7d');
    expect(reply.summary).toContain(`more than the average of ${avg.toFixed(2)}`);
    expect(reply.table?.totalRows).toBe(expected.length);
    if (expected.length <= 200) expect(new Set(col(reply, 'MRN'))).toEqual(new Set(expected));
  });

  it('frequent: the first n of any limit are the first n of the whole ordering, ties by name included', async () => {
    const [from, to] = last(14 * DAY);
    const all = await frequentlyTreated(ctx.read, new Date(from), new Date(to), 100_000);
    expect(new Set(all.map((r) => r.treatments)).size).toBeGreaterThan(1);
    for (let limit = 1; limit <= Math.min(all.length, 40); limit++) {
      const first = await frequentlyTreated(ctx.read, new Date(from), new Date(to), limit);
      expect(first, `limit ${limit}`).toEqual(all.slice(0, limit));
    }
  });

  it('never-treated: lists patients seen in the window who never had the treatment type', async () => {
    const days = ['2026-03-12', '2026-03-13', '2026-03-14'];
    const seen = new Set(
      raw.er_visit.filter((v) => days.includes(ymd(TZ, v.arrived_at))).map((v) => v.patient_id),
    );
    const had = new Set(raw.er_treatment.filter((t) => t.type === 'Oxygen Therapy').map((t) => t.patient_id));
    const expected = [...seen].filter((id) => !had.has(id));
    expect(expected.length).toBeGreaterThan(0);
    const reply = await run('/patient never-treated type:Oxygen Therapy from:2026-03-12 to:2026-03-14');
    expect(reply.table?.totalRows).toBe(expected.length);
    if (expected.length <= 200) expect(new Set(col(reply, 'MRN'))).toEqual(new Set(expected.map(mrnOf)));
  });
});

describe('/er', () => {
  it('severity (MongoDB): counts and lists the incidents that SQL has for that severity', async () => {
    const [from, to] = last(7 * DAY);
    const expected = raw.ambulance_dispatch
      .filter((d) => d.severity === 'high' && inWindow(d.dispatched_at, from, to))
      .sort((a, b) => b.dispatched_at.getTime() - a.dispatched_at.getTime() || a.id - b.id);
    const reply = await run('/er severity level:high window:7d');
    expect(reply.table?.totalRows).toBe(expected.length);
    expect(col(reply, 'dispatch')).toEqual(expected.slice(0, 200).map((d) => d.id));
    const natures = countBy(expected, (d) => d.nature);
    const top = [...natures].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0];
    expect(reply.summary).toContain(`most often ${top?.[0]} ${top?.[1]}`);
    expect(reply.sensitivity).toBe('aggregate');
  });

  it('treatments (MongoDB): ranks treatment types as SQL counts them', async () => {
    const [from, to] = last(7 * DAY);
    const counts = countBy(
      raw.er_treatment.filter((t) => inWindow(t.performed_at, from, to)),
      (t) => t.type,
    );
    const reply = await run('/er treatments window:7d');
    expect(Object.fromEntries(reply.table?.rows.map((r) => [r[0], r[1]]) ?? [])).toEqual(
      Object.fromEntries(counts),
    );
    const ranked = col(reply, 'treatments') as number[];
    expect([...ranked].sort((a, b) => b - a)).toEqual(ranked);
    expect(reply.chart?.config.type).toBe('bar');
  });

  it('earliest-treatments (MongoDB): the first treatments of the type, oldest first', async () => {
    const expected = raw.er_treatment
      .filter((t) => t.type === 'Casting')
      .sort((a, b) => a.performed_at.getTime() - b.performed_at.getTime() || a.id - b.id)
      .slice(0, 5);
    const reply = await run('/er earliest-treatments type:Casting count:5');
    expect(col(reply, 'treatment')).toEqual(expected.map((t) => t.id));
    expect(col(reply, 'MRN')).toEqual(expected.map((t) => mrnOf(t.patient_id)));
    expect(reply.sensitivity).toBe('phi');
  });

  it("recent-treatments: each patient's latest treatment in the window", async () => {
    const [from, to] = last(DAY);
    const latest = new Map<number, Raw['er_treatment'][number]>();
    for (const t of raw.er_treatment.filter((t) => inWindow(t.performed_at, from, to))) {
      const cur = latest.get(t.patient_id);
      if (
        !cur ||
        t.performed_at > cur.performed_at ||
        (t.performed_at.getTime() === cur.performed_at.getTime() && t.id > cur.id)
      )
        latest.set(t.patient_id, t);
    }
    const reply = await run('/er recent-treatments window:24h');
    expect(reply.table?.totalRows).toBe(latest.size);
    const rows = reply.table?.rows ?? [];
    for (const r of rows) {
      const t = [...latest.values()].find((x) => mrnOf(x.patient_id) === r[1]);
      expect(r[3]).toBe(t?.type);
    }
  });

  it('arrivals: counts by condition and triage level, over a range that spans the DST change', async () => {
    const visits = raw.er_visit.filter((v) => {
      const d = ymd(TZ, v.arrived_at);
      return d >= '2026-03-07' && d <= '2026-03-09';
    });
    const reply = await run('/er arrivals from:2026-03-07 to:2026-03-09');
    const rows = new Map(reply.table?.rows.map((r) => [r[0], r]));
    for (const c of ['critical', 'serious', 'moderate', 'minor', 'stable']) {
      const mine = visits.filter((v) => v.condition_on_arrival === c);
      if (mine.length === 0) continue;
      expect(rows.get(c)?.slice(1)).toEqual([
        mine.length,
        ...[1, 2, 3, 4, 5].map((l) => mine.filter((v) => v.triage_level === l).length),
      ]);
    }
    expect(rows.get('total')?.[1]).toBe(visits.length);
  });

  it('response-times: median and 90th percentile of each leg, by severity and by ambulance type', async () => {
    const [from, to] = last(7 * DAY);
    const units = byId(raw.ambulance);
    const legs = raw.ambulance_dispatch
      .filter((d) => inWindow(d.dispatched_at, from, to))
      .map((d) => {
        const firstCall = Math.min(
          ...raw.emergency_call.filter((c) => c.dispatch_id === d.id).map((c) => c.received_at.getTime()),
        );
        const unit = raw.dispatch_unit
          .filter((u) => u.dispatch_id === d.id && u.on_scene_at)
          .sort(
            (a, b) =>
              (a.on_scene_at?.getTime() ?? 0) - (b.on_scene_at?.getTime() ?? 0) ||
              a.ambulance_id - b.ambulance_id,
          )[0];
        const t = raw.transport
          .filter((x) => x.dispatch_id === d.id && x.ambulance_id === unit?.ambulance_id)
          .sort((a, b) => a.pickup_at.getTime() - b.pickup_at.getTime() || a.id - b.id)[0];
        const visit = t ? raw.er_visit.find((v) => v.transport_id === t.id) : undefined;
        return {
          severity: d.severity,
          type: units.get(unit?.ambulance_id ?? -1)?.type ?? '?',
          scene: ((unit?.on_scene_at?.getTime() ?? 0) - firstCall) / 60_000,
          hosp: t ? (t.dropoff_at.getTime() - t.pickup_at.getTime()) / 60_000 : null,
          arrival: visit ? (visit.arrived_at.getTime() - firstCall) / 60_000 : null,
        };
      });
    const expectRow = (rows: unknown[][], group: string, mine: typeof legs) => {
      const num = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
      const row = rows.find((r) => r[0] === group);
      expect(row, group).toEqual([
        group,
        mine.length,
        r1(pct(num(mine.map((l) => l.scene)), 50)),
        r1(pct(num(mine.map((l) => l.scene)), 90)),
        r1(pct(num(mine.map((l) => l.hosp)), 50)),
        r1(pct(num(mine.map((l) => l.hosp)), 90)),
        r1(pct(num(mine.map((l) => l.arrival)), 50)),
        r1(pct(num(mine.map((l) => l.arrival)), 90)),
      ]);
    };
    const bySeverity = await run('/er response-times window:7d');
    for (const s of ['high', 'medium', 'low'])
      expectRow(
        bySeverity.table?.rows ?? [],
        s,
        legs.filter((l) => l.severity === s),
      );
    expectRow(bySeverity.table?.rows ?? [], 'all', legs);
    const byType = await run('/er response-times window:7d by:ambulance_type');
    for (const t of ['ALS', 'BLS', 'PT'])
      if (legs.some((l) => l.type === t))
        expectRow(
          byType.table?.rows ?? [],
          t,
          legs.filter((l) => l.type === t),
        );
    expect(bySeverity.chart?.config.type).toBe('bar');
  });

  it('dispositions: decisions by patient status', async () => {
    const [from, to] = last(7 * DAY);
    const mine = raw.disposition_decision.filter((d) => inWindow(d.decided_at, from, to));
    const reply = await run('/er dispositions window:7d');
    for (const row of reply.table?.rows ?? []) {
      const ofDecision = mine.filter((d) => d.decision === row[0]);
      expect(row.slice(1)).toEqual([
        ...['Recovered', 'Improved', 'Unchanged', 'Worsened'].map(
          (s) => ofDecision.filter((d) => d.patient_status === s).length,
        ),
        ofDecision.length,
      ]);
    }
    expect((reply.table?.rows ?? []).reduce((n, r) => n + Number(r[5]), 0)).toBe(mine.length);
  });

  it('trends: events per local day, across the 23-hour day of the DST change', async () => {
    const reply = await run('/er trends metric:arrivals from:2026-03-07 to:2026-03-09');
    const expected = countBy(
      raw.er_visit.filter((v) => ['2026-03-07', '2026-03-08', '2026-03-09'].includes(ymd(TZ, v.arrived_at))),
      (v) => ymd(TZ, v.arrived_at),
    );
    expect(reply.table?.rows).toEqual(
      ['2026-03-07', '2026-03-08', '2026-03-09'].map((d) => [d, expected.get(d) ?? 0]),
    );
    const treatments = await run('/er trends metric:treatments window:7d');
    const [from, to] = last(7 * DAY);
    const perDay = countBy(
      raw.er_treatment.filter((t) => inWindow(t.performed_at, from, to)),
      (t) => ymd(TZ, t.performed_at),
    );
    expect(
      Object.fromEntries(treatments.table?.rows.filter((r) => r[1] !== 0).map((r) => [r[0], r[1]]) ?? []),
    ).toEqual(Object.fromEntries(perDay));
    expect(treatments.chart?.config.type).toBe('line');
  });

  it('census: who is in the ER at the moment, by condition and triage level', async () => {
    const inside = raw.er_visit.filter(
      (v) => v.arrived_at.getTime() <= END && (v.departed_at === null || v.departed_at.getTime() > END),
    );
    const reply = await run('/er census');
    expect(reply.summary).toMatch(new RegExp(`^${inside.length} patients? in the ER`));
    for (const row of reply.table?.rows ?? []) {
      const mine = inside.filter((v) => v.condition_on_arrival === row[0]);
      expect(row.slice(1, 7)).toEqual([
        mine.length,
        ...[1, 2, 3, 4, 5].map((l) => mine.filter((v) => v.triage_level === l).length),
      ]);
    }
    expect(reply.patientIds).toEqual([]);
  });

  it('length-of-stay: visits and median stay per age band', async () => {
    const [from, to] = last(30 * DAY);
    const age = (dob: Date, at: Date) => {
      let a = at.getUTCFullYear() - dob.getUTCFullYear();
      if (
        at.getUTCMonth() < dob.getUTCMonth() ||
        (at.getUTCMonth() === dob.getUTCMonth() && at.getUTCDate() < dob.getUTCDate())
      )
        a--;
      return a;
    };
    const patients = byId(raw.patient);
    const stays = raw.er_visit
      .filter((v) => v.departed_at && inWindow(v.arrived_at, from, to))
      .map((v) => ({
        age: age(patients.get(v.patient_id)?.date_of_birth ?? new Date(0), v.arrived_at),
        h: Math.floor(((v.departed_at?.getTime() ?? 0) - v.arrived_at.getTime()) / 60_000) / 60,
      }));
    const reply = await run('/er length-of-stay window:30d');
    const bands: [string, number, number][] = [
      ['0-17', 0, 17],
      ['18-44', 18, 44],
      ['45-64', 45, 64],
      ['65-79', 65, 79],
      ['80+', 80, 200],
    ];
    for (const [band, lo, hi] of bands) {
      const h = stays.filter((s) => s.age >= lo && s.age <= hi).map((s) => s.h);
      expect(reply.table?.rows.find((r) => r[0] === band)).toEqual([
        band,
        h.length,
        r1(pct(h, 50)),
        r1(pct(h, 90)),
      ]);
    }
    expect(reply.chart?.config.type).toBe('scatter');
  });

  it('symptom: patients whose assessment mentions the term plus callers reporting it', async () => {
    const [from, to] = last(30 * DAY);
    const patients = raw.paramedic_assessment.filter(
      (a) => a.observations.toLowerCase().includes('chest pain') && inWindow(a.assessed_at, from, to),
    );
    const callers = raw.emergency_call.filter(
      (c) => c.nature.toLowerCase().includes('chest pain') && inWindow(c.received_at, from, to),
    );
    const reply = await run('/er symptom term:Chest Pain window:30d');
    expect(patients.length).toBeGreaterThan(0);
    expect(reply.table?.totalRows).toBe(patients.length + callers.length);
    const burns = await run('/er symptom term:burns window:30d');
    const burnCalls = raw.emergency_call.filter(
      (c) => c.nature === 'burns' && inWindow(c.received_at, ...last(30 * DAY)),
    );
    expect(col(burns, 'who').filter((w) => w === 'caller')).toHaveLength(Math.min(burnCalls.length, 200));
    expect(reply.sensitivity).toBe('phi');
  });

  it('assessments: the distribution of assessments per patient and its average', async () => {
    const [from, to] = last(30 * DAY);
    const per = countBy(
      raw.paramedic_assessment.filter((a) => inWindow(a.assessed_at, from, to)),
      (a) => a.patient_id,
    );
    const dist = countBy([...per.values()], (n) => n);
    const reply = await run('/er assessments window:30d');
    expect(reply.table?.rows.map((r) => [r[0], r[1]])).toEqual(
      [...dist].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    const total = [...per.values()].reduce((a, b) => a + b, 0);
    expect(reply.summary).toContain(`${(total / per.size).toFixed(2)} per assessed patient`);
  });
});

describe('/staff, /ambulance', () => {
  it('specialties: active physicians per specialty', async () => {
    const active = new Set(raw.staff.filter((s) => s.active).map((s) => s.id));
    const expected = countBy(
      raw.physician.filter((p) => active.has(p.staff_id)),
      (p) => p.specialty,
    );
    const reply = await run('/staff specialties');
    expect(Object.fromEntries(reply.table?.rows.map((r) => [r[0], r[1]]) ?? [])).toEqual(
      Object.fromEntries(expected),
    );
    expect(reply.chart?.config.type).toBe('pie');
  });

  it('workload: distinct patients and treatments per physician, and who has equal patient counts', async () => {
    const [from, to] = last(7 * DAY);
    const treatments = byId(raw.er_treatment);
    const per = new Map<number, { patients: Set<number>; n: number }>();
    for (const tp of raw.treatment_physician) {
      const t = treatments.get(tp.treatment_id);
      if (!t || !inWindow(t.performed_at, from, to)) continue;
      const e = per.get(tp.staff_id) ?? { patients: new Set<number>(), n: 0 };
      e.patients.add(t.patient_id);
      e.n++;
      per.set(tp.staff_id, e);
    }
    const staff = byId(raw.staff);
    const reply = await run('/staff workload role:physician window:7d');
    const rows = new Map(reply.table?.rows.map((r) => [r[0], r]));
    expect(rows.size).toBe(per.size);
    for (const [id, e] of per)
      expect(rows.get(name(staff.get(id) as { first_name: string; last_name: string }))?.slice(1, 3)).toEqual(
        [e.patients.size, e.n],
      );
    const counts = countBy([...per.values()], (e) => e.patients.size);
    const pairs = [...counts.values()].reduce((n, k) => n + (k * (k - 1)) / 2, 0);
    expect(reply.summary).toContain(`${pairs} pair`);
  });

  it('on-shift: the people whose shift covers now, in a department', async () => {
    const er = raw.department.find((d) => d.name === 'Emergency');
    const active = new Set(raw.staff.filter((s) => s.active).map((s) => s.id));
    const expected = raw.shift.filter(
      (s) =>
        s.department_id === er?.id &&
        active.has(s.staff_id) &&
        s.starts_at.getTime() <= END &&
        s.ends_at.getTime() > END,
    );
    const reply = await run('/staff on-shift department:emergency');
    expect(reply.table?.rows).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(await userError('/staff on-shift department:Astrology')).toMatch(
      /^Option `department`: no department "Astrology"\. Departments: .*Emergency/,
    );
  });

  it('fleet: every unit with its crew and status', async () => {
    const reply = await run('/ambulance fleet');
    expect(col(reply, 'unit').sort()).toEqual(raw.ambulance.map((a) => a.unit_code).sort());
    for (const a of raw.ambulance) {
      const row = reply.table?.rows.find((r) => r[0] === a.unit_code);
      const crew = raw.ambulance_crew.filter((c) => c.ambulance_id === a.id).length;
      expect(String(row?.[3]).split(', ')).toHaveLength(crew);
    }
    const onCall = raw.dispatch_unit.filter((u) => u.cleared_at === null).length;
    expect(col(reply, 'current call').filter((c) => c !== '-')).toHaveLength(onCall);
  });
});

describe('/appointments, /meds', () => {
  const counted = (reply: Reply) => (reply.table?.rows ?? []).reduce((n, r) => n + Number(r[4]), 0);

  it('day: the counts of a local day, for a department, with no patient and no reason', async () => {
    const date = '2026-03-13';
    const cardio = raw.department.find((d) => d.name === 'Cardiology');
    const all = raw.appointment.filter((a) => ymd(TZ, a.starts_at) === date);
    const reply = await run(`/appointments day date:${date}`);
    expect(counted(reply)).toBe(all.length);
    expect(reply.summary).toMatch(new RegExp(`^${all.length} appointments, `));
    const dep = await run(`/appointments day date:${date} department:Cardiology`);
    expect(counted(dep)).toBe(all.filter((a) => a.department_id === cardio?.id).length);
    expect(dep.patientIds).toEqual([]);
    expect(dep.table?.columns.map((c) => c.name)).toEqual([
      'hour',
      'provider',
      'department',
      'status',
      'appointments',
    ]);
  });

  it('day: a provider by id narrows the counts; an unknown provider is a clear answer', async () => {
    const a = raw.appointment.find((x) => ymd(TZ, x.starts_at) === '2026-03-13');
    const reply = await run(`/appointments day date:2026-03-13 provider:${a?.staff_id}`);
    expect(counted(reply)).toBe(
      raw.appointment.filter((x) => ymd(TZ, x.starts_at) === '2026-03-13' && x.staff_id === a?.staff_id)
        .length,
    );
    expect(await userError('/appointments day provider:99999')).toBe(
      'Option `provider`: no staff member has id 99999.',
    );
  });

  it('schedule: each appointment of a provider on a local day, with its patient', async () => {
    const a = raw.appointment.find((x) => ymd(TZ, x.starts_at) === '2026-03-13');
    const mine = raw.appointment.filter(
      (x) => ymd(TZ, x.starts_at) === '2026-03-13' && x.staff_id === a?.staff_id,
    );
    const reply = await run(`/appointments schedule date:2026-03-13 provider:${a?.staff_id}`);
    expect(reply.table?.totalRows).toBe(mine.length);
    expect(reply.table?.rows.map((r) => r[1]).sort()).toEqual(mine.map((x) => mrnOf(x.patient_id)).sort());
    expect(new Set(reply.patientIds)).toEqual(new Set(mine.map((x) => x.patient_id)));
  });

  it("patient: a patient's upcoming and recent appointments", async () => {
    const withFuture = raw.appointment.find((a) => a.starts_at.getTime() > END);
    const pid = withFuture?.patient_id ?? 0;
    const mine = raw.appointment.filter((a) => a.patient_id === pid);
    const reply = await run(`/appointments patient patient:${mrnOf(pid)}`);
    const kinds = col(reply, 'kind');
    expect(kinds.filter((k) => k === 'upcoming')).toHaveLength(
      Math.min(10, mine.filter((a) => a.starts_at.getTime() >= END).length),
    );
    expect(kinds.filter((k) => k === 'past')).toHaveLength(
      Math.min(10, mine.filter((a) => a.starts_at.getTime() < END).length),
    );
  });

  it("patient: a patient's prescriptions active today", async () => {
    const today = ymd(TZ, END);
    const isActive = (p: Raw['prescription'][number]) =>
      p.status === 'active' &&
      p.starts_on.toISOString().slice(0, 10) <= today &&
      (p.ends_on === null || p.ends_on.toISOString().slice(0, 10) >= today);
    const pid = raw.prescription.find(isActive)?.patient_id ?? 0;
    const reply = await run(`/meds patient patient:${mrnOf(pid)}`);
    expect(reply.table?.rows).toHaveLength(
      raw.prescription.filter((p) => p.patient_id === pid && isActive(p)).length,
    );
  });

  it('top: the most-prescribed medications over the local dates of the window', async () => {
    const [from] = last(30 * DAY);
    const first = ymd(TZ, from);
    const lastDay = ymd(TZ, END - 1);
    const counts = countBy(
      raw.prescription.filter((p) => {
        const d = p.starts_on.toISOString().slice(0, 10);
        return d >= first && d <= lastDay;
      }),
      (p) => p.medication_id,
    );
    const expected = [...counts.values()].sort((a, b) => b - a).slice(0, 15);
    const reply = await run('/meds top window:30d');
    expect(col(reply, 'prescriptions')).toEqual(expected);
  });
});

describe('/summary', () => {
  it('for the 23-hour spring-forward day, counts what happened that local day and has 23 hourly slots', async () => {
    const date = '2026-03-08';
    const onDay = <T>(rows: T[], at: (r: T) => Date) => rows.filter((r) => ymd(TZ, at(r)) === date);
    const reply = await run(`/summary date:${date}`);
    const fig = (label: string) => reply.table?.rows.find((r) => r[0] === label)?.[1];
    expect(fig('ER arrivals')).toBe(onDay(raw.er_visit, (v) => v.arrived_at).length);
    expect(fig('emergency calls')).toBe(onDay(raw.emergency_call, (c) => c.received_at).length);
    expect(fig('dispatches, high severity')).toBe(
      onDay(raw.ambulance_dispatch, (d) => d.dispatched_at).filter((d) => d.severity === 'high').length,
    );
    expect(fig('ER treatments')).toBe(onDay(raw.er_treatment, (t) => t.performed_at).length);
    const midnight = Date.parse('2026-03-09T04:00:00Z');
    expect(fig('in the ER at midnight')).toBe(
      raw.er_visit.filter(
        (v) =>
          v.arrived_at.getTime() <= midnight &&
          (v.departed_at === null || v.departed_at.getTime() > midnight),
      ).length,
    );
    expect(reply.chart?.config.data.labels).toHaveLength(23);
    expect(reply.footer).toContain('ER daily summary for 2026-03-08');
    expect(reply.footer).toContain('(23 hours)');
  });

  it('compares with the average of the seven days before', async () => {
    const reply = await run('/summary date:2026-03-14');
    const days = [
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
    ];
    const week = raw.er_visit.filter((v) => days.includes(ymd(TZ, v.arrived_at))).length;
    const row = reply.table?.rows.find((r) => r[0] === 'ER arrivals');
    expect(row?.[2]).toBe(Math.round((week / 7) * 10) / 10);
  });

  it('without a date, means yesterday by the calendar, also just after a 23-hour day', async () => {
    // 00:30 EDT on 9 March: 24 hours earlier is still 7 March, but yesterday is the 8th.
    const justAfter = { ...ctx, now: () => Date.parse('2026-03-09T04:30:00Z') };
    const outcome = await execute(commands, parseCommandLine('/summary', commands), justAfter, actor);
    expect(outcome.kind === 'reply' && outcome.reply.title).toBe('ER daily summary: 2026-03-08');
  });

  it('for a future date, says so', async () => {
    expect(await userError('/summary date:2026-03-20')).toMatch(
      /^Option `date`: 2026-03-20 is in the future/,
    );
  });
});

describe('edge cases', () => {
  it.each([
    '/patient frequent',
    '/patient never-treated type:Surgery',
    '/er severity level:low',
    '/er treatments',
    '/er recent-treatments',
    '/er arrivals',
    '/er response-times',
    '/er dispositions',
    '/er length-of-stay',
    '/er symptom term:seizure',
    '/er assessments',
    '/staff workload',
    '/meds top',
  ])('%s over a window with no data: a friendly empty answer, no chart', async (line) => {
    const reply = await run(`${line} from:2025-01-01 to:2025-01-07`);
    expect(reply.table?.rows ?? []).toHaveLength(0);
    expect(reply.chart).toBeUndefined();
    expect(reply.summary).toMatch(/^(No |Every )/);
  });

  it('trends over an empty window lists each day with zero', async () => {
    const reply = await run('/er trends from:2025-01-01 to:2025-01-03');
    expect(reply.table?.rows).toEqual([
      ['2025-01-01', 0],
      ['2025-01-02', 0],
      ['2025-01-03', 0],
    ]);
    expect(reply.summary).toBe('No ER arrivals from 2025-01-01 to 2025-01-03.');
  });

  it('records every run in the audit trail, with the patients disclosed', async () => {
    const p = raw.patient[3];
    await run(`/patient lookup patient:${p?.mrn}`);
    await userError('/patient lookup patient:MRN9999998');
    const [rows] = await ctx.sql.query<RowDataPacket[]>(
      `SELECT command, outcome, patient_ids, options, source FROM audit_event ORDER BY id DESC LIMIT 2`,
    );
    expect(rows[0]).toMatchObject({ command: '/patient lookup', outcome: 'invalid', source: 'console' });
    expect(rows[1]).toMatchObject({
      command: '/patient lookup',
      outcome: 'ok',
      patient_ids: [p?.id],
      options: { patient: p?.mrn },
    });
  });

  // Last: it adds a row to the seeded data.
  it('an arrival exactly at local midnight belongs to the day that starts then', async () => {
    const midnight = new Date('2026-03-10T04:00:00Z'); // 00:00 EDT
    const before = await run('/er arrivals from:2026-03-10 to:2026-03-10');
    const previous = await run('/er arrivals from:2026-03-09 to:2026-03-09');
    await ctx.sql.query(
      `INSERT INTO er_visit (patient_id, arrived_at, arrival_mode, condition_on_arrival, triage_level, reason, departed_at)
       VALUES (?, ?, 'walk_in', 'stable', 5, 'boundary test', ?)`,
      [raw.patient[0]?.id, midnight, new Date(midnight.getTime() + HOUR)],
    );
    const after = await run('/er arrivals from:2026-03-10 to:2026-03-10');
    const total = (r: Reply) => r.table?.rows.find((x) => x[0] === 'total')?.[1];
    expect(total(after)).toBe(Number(total(before)) + 1);
    expect(total(await run('/er arrivals from:2026-03-09 to:2026-03-09'))).toBe(total(previous));
  });
});

describe('patient autocomplete', () => {
  const complete = (text: string) =>
    commands.get('patient')?.subcommands.get('lookup')?.options.patient?.suggest?.(text, ctx) ??
    Promise.resolve([]);

  it('suggests at most 25 patients by last or first name prefix, each by MRN', async () => {
    const prefix = (raw.patient[0]?.last_name ?? 'S').slice(0, 2);
    const expected = raw.patient.filter(
      (p) =>
        p.last_name.toLowerCase().startsWith(prefix.toLowerCase()) ||
        p.first_name.toLowerCase().startsWith(prefix.toLowerCase()),
    );
    const choices = await complete(prefix);
    expect(choices).toHaveLength(Math.min(25, expected.length));
    for (const c of choices) expect(expected.map((p) => p.mrn)).toContain(c.value);
    expect(choices[0]?.name).toMatch(/^.+, .+ · MRN\d+ · born \d{4}-\d{2}-\d{2}$/);
  });

  it('suggests by MRN prefix and by id, and nothing for an empty text', async () => {
    const p = raw.patient[41];
    expect((await complete(p?.mrn.slice(0, 9) ?? '')).map((c) => c.value)).toContain(p?.mrn);
    expect((await complete(String(p?.id)))[0]?.value).toBe(p?.mrn);
    expect(await complete('  ')).toEqual([]);
  });
});
