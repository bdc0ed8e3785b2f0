/** The ER hour by hour: arrivals by ambulance, on foot and by transfer, and planned returns. */
import { DAY_MS, HOUR_MS } from '../../src/core/time.ts';
import { CONDITIONS } from '../../src/core/vocabulary.ts';
import { ambulanceIncident } from './dispatch.ts';
import type { GenerationStep } from './output.ts';
import { dueReturns } from './patient-flow.ts';
import { patientFor } from './patients.ts';
import type { GeneratorState, PlannedReturn } from './state.ts';
import { erVisit } from './visits.ts';

/** Share of ER arrivals by local hour of day (relative). Quiet before dawn, busy late morning to evening. */
const HOUR_SHAPE = [
  0.55, 0.45, 0.38, 0.33, 0.3, 0.32, 0.42, 0.62, 0.9, 1.15, 1.3, 1.38, 1.38, 1.36, 1.33, 1.3, 1.3, 1.32, 1.35,
  1.3, 1.18, 1.02, 0.85, 0.68,
];
const HOUR_WEIGHT = HOUR_SHAPE.map((w) => (w * 24) / HOUR_SHAPE.reduce((a, b) => a + b, 0));
/** Relative volume by weekday, Sunday first: Mondays are busiest. */
const WEEKDAY_WEIGHT = [0.93, 1.12, 1.04, 1.0, 0.98, 0.97, 0.96];

/**
 * Hour by hour. Every document made in an hour is dated at or after the hour's start (calls come in it,
 * and everything they lead to, or a planned return, comes later), which is what `documentsFrom` says.
 */
export function* makeEmergencies(g: GeneratorState): Generator<GenerationStep> {
  const hourly = g.visitsPerDay / 24;
  for (let hourStart = g.start; hourStart < g.end; hourStart += HOUR_MS) {
    yield g.progress('emergencies', (hourStart - g.start) / DAY_MS, hourStart);
    const info = g.localInfo(hourStart);
    const lambda = hourly * (HOUR_WEIGHT[info.hour] ?? 1) * (WEEKDAY_WEIGHT[info.weekday] ?? 1);
    const n = g.r.poisson(lambda);
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(hourStart + Math.floor(g.r.next() * 3600) * 1000);
    const returns = dueReturns(g, hourStart + HOUR_MS);
    times.push(...returns.map((r) => r.at));
    times.sort((a, b) => a - b);
    for (const t of times) {
      const back = returns.find((r) => r.at === t);
      if (back) {
        returns.splice(returns.indexOf(back), 1);
        returnVisit(g, back);
        continue;
      }
      const mode = g.r.weighted([
        ['ambulance', 30],
        ['walk_in', 62],
        ['transfer', 8],
      ] as const);
      if (mode === 'ambulance') ambulanceIncident(g, t);
      else erVisit(g, t, mode, patientFor(g, t, 0.3), undefined);
    }
  }
  // Ambulances still out at the end of the data are on a call now.
  const onCall = new Set(g.units.filter((u) => u.busyUntil > g.end).map((u) => u.id));
  for (const u of g.units) {
    const status = onCall.has(u.id) ? 'on_call' : u.id % 9 === 0 ? 'maintenance' : 'available';
    g.add('ambulance', [u.id, u.code, u.type, status]);
  }
}

/** The same patient, the same complaint, sometimes worse; unless they are in the ER already. */
function returnVisit(g: GeneratorState, back: PlannedReturn): void {
  if (back.patient.busyUntil >= back.at) return;
  const i = CONDITIONS.indexOf(back.condition);
  const condition = g.r.chance(0.35) ? (CONDITIONS[Math.max(0, i - 1)] ?? back.condition) : back.condition;
  erVisit(g, back.at, 'walk_in', back.patient, undefined, {
    condition,
    reason: back.reason,
    treatments: back.treatments,
  });
}
