import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DispatchIncidentDoc, ErTreatmentDoc } from '../../src/data/documents.ts';
import { generate, generateInto, scalePlan, type Cell } from '../../dev/seed/generate.ts';
import { parseSeedOptions } from '../../dev/seed/seed.ts';

const END = Date.parse('2026-03-20T12:00:00Z');

function checksum(seed: number): string {
  const d = generate({ scale: 0.01, seed, end: END, timeZone: 'America/New_York' });
  const h = createHash('sha256');
  for (const t of d.tables) h.update(JSON.stringify([t.name, t.rows]));
  h.update(JSON.stringify([d.dispatchIncidents, d.erTreatments]));
  return h.digest('hex');
}

describe('generate', () => {
  it('with the same seed and end, gives identical data', () => {
    expect(checksum(5)).toBe(checksum(5));
  });

  it('with another seed, gives different data', () => {
    expect(checksum(5)).not.toBe(checksum(6));
  });

  it('keeps every timestamp at or before the end', () => {
    const d = generate({ scale: 0.01, seed: 3, end: END, timeZone: 'UTC' });
    const endSql = new Date(END).toISOString().slice(0, 19).replace('T', ' ');
    for (const t of d.tables) {
      for (const row of t.rows) {
        for (const cell of row) {
          if (
            typeof cell === 'string' &&
            /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(cell) &&
            t.name !== 'shift' &&
            t.name !== 'appointment'
          ) {
            expect(cell <= endSql, `${t.name} ${cell}`).toBe(true);
          }
        }
      }
    }
  });

  it('plans a year of about 100,000 visits at scale 1 and at least two weeks at small scales', () => {
    expect(scalePlan(1)).toEqual({ days: 365, visitsPerDay: 100_000 / 365 });
    expect(scalePlan(0.001).days).toBe(14);
  });
});

describe('parseSeedOptions', () => {
  const now = Date.parse('2026-11-22T10:15:42Z');

  it('without flags, uses scale 0.1, seed 1 and ends at the current minute', () => {
    expect(parseSeedOptions({}, now)).toEqual({
      scale: 0.1,
      seed: 1,
      end: Date.parse('2026-11-22T10:15:00Z'),
    });
  });

  it('with a date as --end, ends at the end of that UTC day', () => {
    expect(parseSeedOptions({ end: '2026-03-01' }, now).end).toBe(Date.parse('2026-03-02T00:00:00Z'));
  });

  it.each([
    [{ scale: '-1' }, '--scale must be greater than 0'],
    [{ scale: '0' }, '--scale must be greater than 0'],
    [{ scale: 'lots' }, '--scale must be a number'],
    [{ scale: '99' }, 'at most 5'],
    [{ seed: '1.5' }, '--seed must be a whole number'],
    [{ end: 'yesterday' }, '--end must be a date'],
    [{ end: '2026-02-30' }, '--end must be a date'],
  ])('rejects %j with a message naming the flag', (flags, message) => {
    expect(() => parseSeedOptions(flags, now)).toThrow(message);
  });
});

describe('generated keys', () => {
  // Primary keys as declared in sql/migrations: the loader disables unique checks for speed, so the
  // generator itself must never repeat a key.
  const KEYS: Record<string, number[]> = {
    call_patient: [0, 1],
    dispatch_unit: [0, 1],
    ambulance_crew: [0, 1],
    assessment_paramedic: [0, 1],
    treatment_physician: [0, 1],
    treatment_nurse: [0, 1],
    physician: [0],
    nurse: [0],
    paramedic: [0],
  };

  it.each([1, 2, 3, 4, 5, 6])('with seed %i, repeats no primary or unique key', (seed) => {
    const d = generate({ scale: 0.05, seed, end: END, timeZone: 'America/New_York' });
    for (const t of d.tables) {
      const cols = KEYS[t.name] ?? [0];
      const seen = new Set(t.rows.map((r) => cols.map((c) => r[c]).join('|')));
      expect(seen.size, t.name).toBe(t.rows.length);
    }
    const transports =
      d.tables
        .find((t) => t.name === 'er_visit')
        ?.rows.map((r) => r[4])
        .filter((v) => v !== null) ?? [];
    expect(new Set(transports).size).toBe(transports.length);
    const mrns = d.tables.find((t) => t.name === 'patient')?.rows.map((r) => r[1]) ?? [];
    expect(new Set(mrns).size).toBe(mrns.length);
  });
});

describe('generating into a sink, step by step', () => {
  const OPTS = { scale: 0.02, seed: 4, end: END, timeZone: 'America/New_York' };

  it('gives what generate gives, in the same order', () => {
    const whole = generate(OPTS);
    const rows = new Map<string, Cell[][]>();
    const incidents: DispatchIncidentDoc[] = [];
    const treatments: ErTreatmentDoc[] = [];
    const steps = generateInto(OPTS, {
      row: (t, r) => rows.set(t, [...(rows.get(t) ?? []), r]),
      incident: (d) => incidents.push(d),
      treatment: (d) => treatments.push(d),
    });
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toEqual({ start: whole.start, end: whole.end });
    for (const t of whole.tables) expect(rows.get(t.name) ?? [], t.name).toEqual(t.rows);
    expect(incidents).toEqual(whole.dispatchIncidents);
    expect(treatments).toEqual(whole.erTreatments);
  });

  it('dates every document at or after the documentsFrom of the step before it, and counts up to its total', () => {
    let from = -Infinity;
    const late: string[] = [];
    const check = (at: Date, what: string) => {
      if (at.getTime() < from)
        late.push(`${what} at ${at.toISOString()} before ${new Date(from).toISOString()}`);
    };
    const steps = generateInto(OPTS, {
      row: () => undefined,
      incident: (d) => check(d.dispatchedAt, `incident ${d._id}`),
      treatment: (d) => check(d.performedAt, `treatment ${d._id}`),
    });
    let done = 0;
    let total = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      expect(step.value.done).toBeGreaterThanOrEqual(done);
      ({ done, total } = step.value);
      from = step.value.documentsFrom;
    }
    expect(late).toEqual([]);
    expect(done / total).toBeGreaterThan(0.99);
  });
});
