import { atLocal, DAY_MS, HOUR_MS, localParts, localToUtc } from '../../src/core/time.ts';
import type { Condition, TreatmentType } from '../../src/core/vocabulary.ts';
import type { Cell, DataSink, GenerationStep, TableName } from './output.ts';
import { Random } from './random.ts';
import { FIRST_NAMES, LAST_NAMES } from './vocabulary.ts';

/**
 * Synthetic hospital data: deterministic for (seed, end, scale, timeZone), keeping every invariant of
 * docs/domain.md (the tables). Scale 1 is one year of a busy emergency department (about 100,000 ER visits).
 */
export interface GenerateOptions {
  scale: number;
  seed: number;
  /** Data ends at this instant (ms); nothing happens after it. */
  end: number;
  /** Hospital time zone: shifts, clinic hours and the daily rhythm follow local time. */
  timeZone: string;
}

export interface Patient {
  id: number;
  birth: number;
  /** When the patient's latest ER visit ends: nobody is in two visits at once. */
  busyUntil: number;
}
export interface Unit {
  id: number;
  code: string;
  type: 'ALS' | 'BLS' | 'PT';
  crew: number[];
  busyUntil: number;
}
export interface StaffMember {
  id: number;
  department: number;
  shiftKind: 0 | 1; // 0: day 07-19 local, 1: night 19-07 local
  offset: number; // which days of the week this person works
}

/** A visit that ended in discharge or with the patient leaving unseen: what a return or follow-up needs. */
export interface SeenVisit {
  patient: Patient;
  departed: number;
  condition: Condition;
  reason: string;
  treatments: readonly (readonly [TreatmentType, number])[];
}
export interface PlannedReturn extends SeenVisit {
  at: number;
}
export interface FlowState {
  returns: PlannedReturn[];
  followUps: { patient: Patient; doctor: StaffMember; department: string; startsAt: number }[];
  /** Clinic slots taken by follow-ups, `slotKey(doctor, start)`. */
  booked: Set<string>;
  /** Arrival instants of the last two hours. */
  recent: number[];
}

const VISITS_PER_YEAR = 100_000;
/**
 * The work of a day of each phase, relative (see GeneratorState.progress): at scale 1, a day of emergencies
 * makes about 3,400 rows and 430 documents in 8 ms, a day of shifts 120 rows in 0.5 ms, a day of clinic
 * 270 rows in 1 ms; the rows and documents, loaded meanwhile, set the pace.
 */
const WORK = { shifts: 0.04, emergencies: 1, clinic: 0.1 } as const;
const MIN_DAYS = 14;

/** How many days of data a scale covers, and how many ER visits a day. */
export function scalePlan(scale: number): { days: number; visitsPerDay: number } {
  const days = Math.max(MIN_DAYS, Math.round(365 * scale));
  return { days, visitsPerDay: (VISITS_PER_YEAR * scale) / days };
}

/** The day of the week of a calendar date (YYYY-MM-DD), Sunday 0: what the wall clock there reads at noon. */
export const weekdayOf = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/**
 * What the generator knows as it goes: its options, the random stream, the ids handed out, the people,
 * units and medications made so far, and the patient flow still to come. Every part of the generator
 * (staff.ts, shifts.ts, emergencies.ts, ...) reads and adds to one of these. They all draw from the one
 * random stream, in a fixed order: that is what makes the data the same for the same seed.
 */
export class GeneratorState {
  readonly r: Random;
  readonly tz: string;
  readonly end: number;
  readonly start: number;
  readonly days: number;
  readonly visitsPerDay: number;
  readonly sink: DataSink;
  readonly patients: Patient[] = [];
  readonly frequent: Patient[] = [];
  readonly units: Unit[] = [];
  readonly departmentId = new Map<string, number>();
  readonly erPhysicians: StaffMember[] = [];
  readonly erNurses: StaffMember[] = [];
  readonly clinicPhysicians: StaffMember[] = [];
  readonly clinicNurses: StaffMember[] = [];
  readonly paramedics: StaffMember[] = [];
  readonly allStaff: StaffMember[] = [];
  readonly medicationWeights: (readonly [number, number])[] = [];
  readonly medicationForm = new Map<number, string>();
  /** Patient flow (issue 11): returns waiting for their hour, follow-ups to book, recent arrivals. */
  readonly flow: FlowState = { returns: [], followUps: [], booked: new Set(), recent: [] };
  private readonly ids: Record<string, number> = {};
  /** Local day index (days since start, local) of each UTC hour, cached: Intl is slow per event. */
  private readonly localHourCache = new Map<number, { hour: number; weekday: number; dayStart: number }>();
  private readonly atLocalCache = new Map<string, number>();

  constructor(opts: GenerateOptions, sink: DataSink) {
    this.sink = sink;
    this.r = new Random(opts.seed);
    this.tz = opts.timeZone;
    this.end = Math.floor(opts.end / 1000) * 1000;
    const plan = scalePlan(opts.scale);
    this.days = plan.days;
    this.visitsPerDay = plan.visitsPerDay;
    this.start = this.end - this.days * DAY_MS;
  }

  /**
   * Progress in units of about equal work: a day of each phase is worth WORK[phase] (shifts run from the
   * day before the start to two days after the end, the clinic to 30 days after it).
   */
  progress(phase: GenerationStep['phase'], days: number, documentsFrom: number): GenerationStep {
    const shifts = (this.days + 3) * WORK.shifts;
    const emergencies = this.days * WORK.emergencies;
    const total = shifts + emergencies + (this.days + 30) * WORK.clinic;
    const before = phase === 'shifts' ? 0 : phase === 'emergencies' ? shifts : shifts + emergencies;
    return { done: Math.min(total, before + days * WORK[phase]), total, phase, documentsFrom };
  }

  nextId(table: string): number {
    const id = (this.ids[table] ?? 0) + 1;
    this.ids[table] = id;
    return id;
  }

  add(table: TableName, row: Cell[]): void {
    this.sink.row(table, row);
  }

  dept(name: string): number {
    const id = this.departmentId.get(name);
    if (id === undefined) throw new Error(`unknown department ${name}`);
    return id;
  }

  person(): [string, string] {
    return [this.r.pick(FIRST_NAMES), this.r.pick(LAST_NAMES)];
  }

  phone(): string {
    // 555-01xx numbers are reserved for fiction.
    return `(${this.r.int(201, 989)}) 555-01${String(this.r.int(0, 99)).padStart(2, '0')}`;
  }

  /** The local hour, weekday and start of the local day at `ms`. */
  localInfo(ms: number): { hour: number; weekday: number; dayStart: number } {
    const key = Math.floor(ms / HOUR_MS);
    let info = this.localHourCache.get(key);
    if (!info) {
      const p = localParts(this.tz, key * HOUR_MS);
      info = { hour: p.hour, weekday: p.weekday, dayStart: localToUtc(this.tz, p.year, p.month, p.day) };
      this.localHourCache.set(key, info);
    }
    return info;
  }

  /** atLocal for the hospital's zone, remembered: the same few wall-clock times recur, and Intl is slow. */
  atLocal(date: string, hour = 0, minute = 0): number {
    const key = `${date} ${hour}:${minute}`;
    let ms = this.atLocalCache.get(key);
    if (ms === undefined) this.atLocalCache.set(key, (ms = atLocal(this.tz, date, hour, minute)));
    return ms;
  }

  /** An instant rounded to the second, as the tables store it. */
  sec(ms: number): number {
    return Math.round(ms / 1000) * 1000;
  }
}
