/** Ambulance incidents: the calls, the dispatch and its units, the assessments on scene, and the rides in. */
import { MINUTE_MS, toSqlDateTime } from '../../src/core/time.ts';
import { CONDITIONS, type Condition, type Severity } from '../../src/core/vocabulary.ts';
import { newPatient, patientFor } from './patients.ts';
import type { GeneratorState, Patient, Unit } from './state.ts';
import { erVisit } from './visits.ts';
import { DISTRICTS, NATURES, NATURE_NAMES, STREETS } from './vocabulary.ts';

function chooseUnit(g: GeneratorState, severity: Severity, at: number): Unit {
  const wanted =
    severity === 'high' ? ['ALS'] : severity === 'medium' ? ['ALS', 'BLS'] : ['BLS', 'PT', 'ALS'];
  const usable = g.units.filter((u) => wanted.includes(u.type) && u.id % 9 !== 0);
  const pool = usable.length > 0 ? usable : g.units;
  const free = pool.filter((u) => u.busyUntil <= at);
  if (free.length > 0) return g.r.pick(free);
  // Everyone is busy: the unit that frees first takes it.
  return pool.reduce((a, b) => (b.busyUntil < a.busyUntil ? b : a));
}

export function ambulanceIncident(g: GeneratorState, firstCall: number): void {
  const nature = g.r.pick(NATURE_NAMES);
  const profile = NATURES[nature];
  if (!profile) return;
  const severity = g.r.weighted(profile.severity);
  const dispatched = g.sec(firstCall + Math.max(20_000, g.r.logNormal(85_000, 0.5)));
  const travelMedian = severity === 'high' ? 7 : severity === 'medium' ? 9 : 12;

  // Plan units and timeline first; drop incidents that would not have reached the ER by the end.
  const unitCount = severity === 'high' && g.r.chance(0.25) ? 2 : 1;
  const patientCount = g.r.weighted([
    [1, 93],
    [2, 6],
    [3, 1],
  ] as const);
  const transported = g.r.chance(0.88);
  const plans: { unit: Unit; assigned: number; onScene: number; cleared: number; transports: number[] }[] =
    [];
  const chosen = new Set<number>();
  for (let i = 0; i < unitCount; i++) {
    let unit = chooseUnit(g, severity, dispatched);
    if (chosen.has(unit.id)) unit = g.units.find((u) => !chosen.has(u.id)) ?? unit;
    chosen.add(unit.id);
    const assigned = g.sec(Math.max(dispatched, unit.busyUntil) + g.r.int(0, 40) * 1000);
    const onScene = g.sec(assigned + Math.max(2 * MINUTE_MS, g.r.logNormal(travelMedian * MINUTE_MS, 0.45)));
    plans.push({ unit, assigned, onScene, cleared: 0, transports: [] });
  }
  const firstOnScene = Math.min(...plans.map((p) => p.onScene));

  interface Leg {
    patient: Patient;
    assessed: number;
    pickup: number;
    dropoff: number;
    arrival: number;
    unitIndex: number;
  }
  const legs: Leg[] = [];
  for (let i = 0; i < patientCount; i++) {
    const unitIndex = i % plans.length;
    const plan = plans[unitIndex];
    if (!plan) continue;
    const assessed = g.sec(plan.onScene + g.r.int(60, 300) * 1000);
    const pickup = g.sec(assessed + Math.max(3 * MINUTE_MS, g.r.logNormal(12 * MINUTE_MS, 0.4)));
    const dropoff = g.sec(pickup + Math.max(4 * MINUTE_MS, g.r.logNormal(14 * MINUTE_MS, 0.5)));
    const arrival = g.sec(dropoff + g.r.int(0, 120) * 1000);
    // Casualties of one incident are different people.
    let patient = patientFor(g, firstCall, 0.25);
    if (legs.some((l) => l.patient === patient)) patient = newPatient(g, firstCall);
    legs.push({ patient, assessed, pickup, dropoff, arrival, unitIndex });
  }
  const lastArrival = Math.max(...legs.map((l) => l.arrival));
  if (lastArrival > g.end) return;
  // Taken from the first call on: a planned return visit cannot overlap the ride in.
  for (const l of legs) l.patient.busyUntil = Math.max(l.patient.busyUntil, l.arrival);

  for (const plan of plans) {
    const mine = legs.filter((l) => plans[l.unitIndex] === plan);
    const lastDropoff =
      transported && mine.length > 0 ? Math.max(...mine.map((l) => l.dropoff)) : plan.onScene;
    plan.cleared = g.sec(lastDropoff + Math.max(5 * MINUTE_MS, g.r.logNormal(18 * MINUTE_MS, 0.4)));
    plan.unit.busyUntil = plan.cleared;
  }

  // Calls: the first, and sometimes more callers about the same incident before dispatch.
  const dispatchId = g.nextId('ambulance_dispatch');
  g.add('ambulance_dispatch', [dispatchId, toSqlDateTime(dispatched), severity, nature]);
  const address = `${g.r.int(1, 2999)} ${g.r.pick(STREETS)}`;
  const district = g.r.pick(DISTRICTS);
  const callTimes = [firstCall];
  const extra = g.r.weighted([
    [0, 85],
    [1, 11],
    [2, 4],
  ] as const);
  for (let i = 0; i < extra; i++) callTimes.push(g.sec(firstCall + g.r.next() * (dispatched - firstCall)));
  callTimes.sort((a, b) => a - b);
  const callIds: number[] = [];
  for (const [i, at] of callTimes.entries()) {
    const callId = g.nextId('emergency_call');
    callIds.push(callId);
    const [cf, cl] = g.person();
    g.add('emergency_call', [
      callId,
      toSqlDateTime(at),
      `${cf} ${cl}`,
      g.phone(),
      `${address}, ${district}`,
      nature,
      dispatchId,
    ]);
    const about = i === 0 ? legs : legs.slice(0, 1);
    for (const l of about) g.add('call_patient', [callId, l.patient.id]);
  }
  // Calls that lead to no dispatch (advice only, or cancelled before dispatch).
  if (g.r.chance(0.08)) {
    const at = g.sec(firstCall - g.r.int(5, 120) * MINUTE_MS);
    const [cf, cl] = g.person();
    const n = g.r.pick(NATURE_NAMES);
    g.add('emergency_call', [
      g.nextId('emergency_call'),
      toSqlDateTime(at),
      `${cf} ${cl}`,
      g.phone(),
      `${g.r.int(1, 2999)} ${g.r.pick(STREETS)}, ${g.r.pick(DISTRICTS)}`,
      n,
      null,
    ]);
  }

  for (const plan of plans) {
    const cleared = plan.cleared > g.end ? null : toSqlDateTime(plan.cleared);
    g.add('dispatch_unit', [
      dispatchId,
      plan.unit.id,
      toSqlDateTime(plan.assigned),
      toSqlDateTime(plan.onScene),
      cleared,
    ]);
  }

  const condition = ambulanceCondition(g, severity);
  for (const leg of legs) {
    const plan = plans[leg.unitIndex];
    if (!plan) continue;
    const assessmentId = g.nextId('paramedic_assessment');
    const vitals = vitalSigns(g, condition);
    g.add('paramedic_assessment', [
      assessmentId,
      leg.patient.id,
      dispatchId,
      toSqlDateTime(leg.assessed),
      g.r.pick(profile.observations),
      g.r.pick(profile.initialTreatment),
      ...vitals,
    ]);
    for (const staffId of plan.unit.crew.slice(0, g.r.chance(0.7) ? 2 : 1))
      g.add('assessment_paramedic', [assessmentId, staffId]);
    if (!transported) continue;
    const transportId = g.nextId('transport');
    g.add('transport', [
      transportId,
      dispatchId,
      plan.unit.id,
      leg.patient.id,
      toSqlDateTime(leg.pickup),
      toSqlDateTime(leg.dropoff),
    ]);
    plan.transports.push(transportId);
    erVisit(g, leg.arrival, 'ambulance', leg.patient, transportId, {
      condition,
      reason: profile.reason,
      treatments: profile.treatments,
    });
  }

  const responseMinutes = Math.round((firstOnScene - firstCall) / 6000) / 10;
  const tags = [severity === 'high' ? 'priority' : 'routine'];
  if (legs.length > 1) tags.push('multi-casualty');
  if (plans.length > 1) tags.push('multi-unit');
  if (!transported) tags.push('no-transport');
  g.sink.incident({
    _id: dispatchId,
    severity,
    dispatchedAt: new Date(dispatched),
    nature,
    callIds,
    location: { address, district },
    units: plans.map((p) => ({
      ambulanceId: p.unit.id,
      unitCode: p.unit.code,
      type: p.unit.type,
      crew: p.unit.crew,
      assignedAt: new Date(p.assigned),
      onSceneAt: new Date(p.onScene),
      clearedAt: p.cleared > g.end ? null : new Date(p.cleared),
    })),
    patientIds: legs.map((l) => l.patient.id),
    responseMinutes,
    notes: transported
      ? `${legs.length} patient(s) transported; ${g.r.pick(profile.observations)}`
      : `treated on scene, transport declined; ${g.r.pick(profile.observations)}`,
    tags,
  });
}

function ambulanceCondition(g: GeneratorState, severity: Severity): Condition {
  if (severity === 'high')
    return g.r.weighted([
      ['critical', 45],
      ['serious', 40],
      ['moderate', 15],
    ] as const);
  if (severity === 'medium')
    return g.r.weighted([
      ['serious', 30],
      ['moderate', 50],
      ['minor', 20],
    ] as const);
  return g.r.weighted([
    ['moderate', 30],
    ['minor', 40],
    ['stable', 30],
  ] as const);
}

function vitalSigns(g: GeneratorState, condition: Condition): [number, number, number, number] {
  const severe = CONDITIONS.indexOf(condition) <= 1;
  const hr = severe ? g.r.int(45, 150) : g.r.int(60, 110);
  const sbp = severe ? g.r.int(75, 170) : g.r.int(105, 150);
  const spo2 = severe ? g.r.int(82, 96) : g.r.int(94, 100);
  const rr = severe ? g.r.int(8, 32) : g.r.int(12, 22);
  return [hr, sbp, spo2, rr];
}
