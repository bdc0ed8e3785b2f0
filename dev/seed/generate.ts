import {
  addDays,
  atLocal,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  localParts,
  localDate,
  localToUtc,
  toSqlDate,
  toSqlDateTime,
} from '../../src/core/time.ts';
import type { DispatchIncidentDoc, ErTreatmentDoc } from '../../src/data/documents.ts';
import { Random } from './random.ts';
import {
  ALLERGENS,
  APPOINTMENT_REASONS,
  DEPARTMENTS,
  DEPARTMENT_SPECIALTY,
  DIAGNOSES,
  DISTRICTS,
  DOSE_FREQUENCIES,
  FIRST_NAMES,
  LAST_NAMES,
  MEDICATIONS,
  NATURES,
  NATURE_NAMES,
  NURSE_QUALIFICATION_MIX,
  PARAMEDIC_CERTIFICATIONS,
  PARAMEDIC_SPECIALIZATIONS,
  RELATIONSHIPS,
  STREETS,
  WALK_IN_REASONS,
} from './vocabulary.ts';
import {
  CONDITIONS,
  DECISIONS,
  TREATMENT_OUTCOMES,
  type Condition,
  type Decision,
  type Severity,
  type TreatmentType,
} from '../../src/core/vocabulary.ts';

/**
 * Synthetic hospital data: deterministic for (seed, end, scale, timeZone), keeping every invariant of
 * domain.md section 1. Scale 1 is one year of a busy emergency department (about 100,000 ER visits).
 */
export interface GenerateOptions {
  scale: number;
  seed: number;
  /** Data ends at this instant (ms); nothing happens after it. */
  end: number;
  /** Hospital time zone: shifts, clinic hours and the daily rhythm follow local time. */
  timeZone: string;
}

export type Cell = string | number | null;

export interface TableData {
  name: string;
  columns: readonly string[];
  rows: Cell[][];
}

/** Where the generator puts rows and documents, in the order it makes them. */
export interface DataSink {
  row(table: TableName, row: Cell[]): void;
  incident(doc: DispatchIncidentDoc): void;
  treatment(doc: ErTreatmentDoc): void;
}

/**
 * A pause between two pieces of generation (a day of shifts or clinic, an hour of emergencies), where a
 * caller that streams the output can let its writes proceed.
 */
export interface GenerationStep {
  /** How far generation has come, in units of roughly equal work, of `total`. */
  done: number;
  total: number;
  /** What is being generated. */
  phase: 'shifts' | 'emergencies' | 'clinic';
  /** Every document generated from here on is dated at or after this instant (ms); Infinity once none will be. */
  documentsFrom: number;
}

export interface Dataset {
  /** In foreign-key order: every table only references tables before it. */
  tables: TableData[];
  dispatchIncidents: DispatchIncidentDoc[];
  erTreatments: ErTreatmentDoc[];
  start: number;
  end: number;
}

/** Share of ER arrivals by local hour of day (relative). Quiet before dawn, busy late morning to evening. */
const HOUR_SHAPE = [
  0.55, 0.45, 0.38, 0.33, 0.3, 0.32, 0.42, 0.62, 0.9, 1.15, 1.3, 1.38, 1.38, 1.36, 1.33, 1.3, 1.3, 1.32, 1.35,
  1.3, 1.18, 1.02, 0.85, 0.68,
];
const HOUR_WEIGHT = HOUR_SHAPE.map((w) => (w * 24) / HOUR_SHAPE.reduce((a, b) => a + b, 0));
/** Relative volume by weekday, Sunday first: Mondays are busiest. */
const WEEKDAY_WEIGHT = [0.93, 1.12, 1.04, 1.0, 0.98, 0.97, 0.96];

const VISITS_PER_YEAR = 100_000;
/**
 * The work of a day of each phase, relative (see DataGenerator.progress): at scale 1, a day of emergencies
 * makes about 3,400 rows and 430 documents in 8 ms, a day of shifts 120 rows in 0.5 ms, a day of clinic
 * 270 rows in 1 ms; the rows and documents, loaded meanwhile, set the pace.
 */
const WORK = { shifts: 0.04, emergencies: 1, clinic: 0.1 } as const;
const MIN_DAYS = 14;

const T = {
  department: ['id', 'name'],
  staff: ['id', 'first_name', 'last_name', 'staff_type', 'department_id', 'active'],
  physician: ['staff_id', 'specialty'],
  nurse: ['staff_id', 'qualification'],
  paramedic: ['staff_id', 'certification', 'specialization'],
  shift: ['id', 'staff_id', 'department_id', 'starts_at', 'ends_at'],
  patient: ['id', 'mrn', 'first_name', 'last_name', 'date_of_birth', 'sex', 'phone'],
  patient_contact: ['id', 'patient_id', 'name', 'relationship', 'phone'],
  allergy: ['id', 'patient_id', 'substance', 'severity', 'reaction'],
  ambulance: ['id', 'unit_code', 'type', 'status'],
  ambulance_crew: ['ambulance_id', 'staff_id'],
  ambulance_dispatch: ['id', 'dispatched_at', 'severity', 'nature'],
  emergency_call: ['id', 'received_at', 'caller_name', 'caller_phone', 'location', 'nature', 'dispatch_id'],
  call_patient: ['call_id', 'patient_id'],
  dispatch_unit: ['dispatch_id', 'ambulance_id', 'assigned_at', 'on_scene_at', 'cleared_at'],
  transport: ['id', 'dispatch_id', 'ambulance_id', 'patient_id', 'pickup_at', 'dropoff_at'],
  paramedic_assessment: [
    'id',
    'patient_id',
    'dispatch_id',
    'assessed_at',
    'observations',
    'initial_treatment',
    'heart_rate',
    'systolic_bp',
    'spo2',
    'resp_rate',
  ],
  assessment_paramedic: ['assessment_id', 'staff_id'],
  er_visit: [
    'id',
    'patient_id',
    'arrived_at',
    'arrival_mode',
    'transport_id',
    'condition_on_arrival',
    'triage_level',
    'reason',
    'departed_at',
  ],
  er_treatment: ['id', 'visit_id', 'patient_id', 'type', 'performed_at', 'outcome'],
  treatment_physician: ['treatment_id', 'staff_id'],
  treatment_nurse: ['treatment_id', 'staff_id'],
  disposition_decision: [
    'id',
    'visit_id',
    'patient_id',
    'staff_id',
    'decided_at',
    'patient_status',
    'decision',
  ],
  diagnosis: ['id', 'visit_id', 'code', 'description'],
  appointment: ['id', 'patient_id', 'staff_id', 'department_id', 'starts_at', 'ends_at', 'status', 'reason'],
  medication: ['id', 'name', 'form', 'strength'],
  prescription: [
    'id',
    'patient_id',
    'visit_id',
    'staff_id',
    'medication_id',
    'dose',
    'frequency',
    'starts_on',
    'ends_on',
    'status',
  ],
} as const satisfies Record<string, readonly string[]>;

export type TableName = keyof typeof T;
export const TABLE_ORDER = Object.keys(T) as TableName[];

interface Patient {
  id: number;
  birth: number;
  /** When the patient's latest ER visit ends: nobody is in two visits at once. */
  busyUntil: number;
}
interface Unit {
  id: number;
  code: string;
  type: 'ALS' | 'BLS' | 'PT';
  crew: number[];
  busyUntil: number;
}
interface StaffMember {
  id: number;
  department: number;
  shiftKind: 0 | 1; // 0: day 07-19 local, 1: night 19-07 local
  offset: number; // which days of the week this person works
}

/** Doses that fit each medication form. */
const DOSES: Record<string, readonly string[]> = {
  tablet: ['1 tablet', '2 tablets', '1/2 tablet'],
  capsule: ['1 capsule', '2 capsules'],
  inhaler: ['1 puff', '2 puffs'],
  injection: ['10 units', '20 units', '30 units'],
  'auto-injector': ['1 injection'],
  'nasal spray': ['1 spray'],
  cream: ['thin layer'],
  ointment: ['thin layer'],
};

/** Days of a 7-day cycle on which a person works; with the offset, three 12-hour shifts a week. */
const WORK_DAYS = new Set([0, 2, 4]);

/** The whole dataset in memory: for small scales (tests). db:seed streams through `generateInto`. */
export function generate(opts: GenerateOptions): Dataset {
  const sink = new MemorySink();
  const steps = generateInto(opts, sink);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return { ...sink.data(), ...step.value };
}

/**
 * Generates into `sink`, pausing at each step (see GenerationStep); returns the span the data covers. The
 * data does not depend on where it goes or on how the steps are driven.
 */
export function generateInto(
  opts: GenerateOptions,
  sink: DataSink,
): Generator<GenerationStep, { start: number; end: number }> {
  return new DataGenerator(opts, sink).run();
}

/** Keeps everything generated, for `generate`. */
class MemorySink implements DataSink {
  private readonly rows = Object.fromEntries(TABLE_ORDER.map((t) => [t, []])) as unknown as Record<
    TableName,
    Cell[][]
  >;
  private readonly incidents: DispatchIncidentDoc[] = [];
  private readonly treatments: ErTreatmentDoc[] = [];

  row(table: TableName, row: Cell[]): void {
    this.rows[table].push(row);
  }
  incident(doc: DispatchIncidentDoc): void {
    this.incidents.push(doc);
  }
  treatment(doc: ErTreatmentDoc): void {
    this.treatments.push(doc);
  }

  data(): Pick<Dataset, 'tables' | 'dispatchIncidents' | 'erTreatments'> {
    return {
      tables: TABLE_ORDER.map((name) => ({ name, columns: T[name], rows: this.rows[name] })),
      dispatchIncidents: this.incidents,
      erTreatments: this.treatments,
    };
  }
}

/** The columns of a table, in the order of its generated rows' cells. */
export const columnsOf = (table: TableName): readonly string[] => T[table];

/** How many days of data a scale covers, and how many ER visits a day. */
export function scalePlan(scale: number): { days: number; visitsPerDay: number } {
  const days = Math.max(MIN_DAYS, Math.round(365 * scale));
  return { days, visitsPerDay: (VISITS_PER_YEAR * scale) / days };
}

class DataGenerator {
  private readonly r: Random;
  private readonly tz: string;
  private readonly end: number;
  private readonly start: number;
  private readonly days: number;
  private readonly visitsPerDay: number;
  private readonly sink: DataSink;
  private readonly ids: Record<string, number> = {};
  private readonly patients: Patient[] = [];
  private readonly frequent: Patient[] = [];
  private readonly units: Unit[] = [];
  private readonly departmentId = new Map<string, number>();
  private readonly erPhysicians: StaffMember[] = [];
  private readonly erNurses: StaffMember[] = [];
  private readonly clinicPhysicians: StaffMember[] = [];
  private readonly clinicNurses: StaffMember[] = [];
  private readonly paramedics: StaffMember[] = [];
  private readonly allStaff: StaffMember[] = [];
  private readonly medicationWeights: (readonly [number, number])[] = [];
  private readonly medicationForm = new Map<number, string>();
  /** Patient flow (issue 11): returns waiting for their hour, follow-ups to book, recent arrivals. */
  private readonly flow: FlowState = { returns: [], followUps: [], booked: new Set(), recent: [] };
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

  *run(): Generator<GenerationStep, { start: number; end: number }> {
    this.makeDepartments();
    this.makeStaff();
    this.makeFleet();
    this.makeMedications();
    yield* this.makeShifts();
    yield* this.makeEmergencies();
    yield* this.makeClinic();
    return { start: this.start, end: this.end };
  }

  /**
   * Progress in units of about equal work: a day of each phase is worth WORK[phase] (shifts run from the
   * day before the start to two days after the end, the clinic to 30 days after it).
   */
  private progress(phase: GenerationStep['phase'], days: number, documentsFrom: number): GenerationStep {
    const shifts = (this.days + 3) * WORK.shifts;
    const emergencies = this.days * WORK.emergencies;
    const total = shifts + emergencies + (this.days + 30) * WORK.clinic;
    const before = phase === 'shifts' ? 0 : phase === 'emergencies' ? shifts : shifts + emergencies;
    return { done: Math.min(total, before + days * WORK[phase]), total, phase, documentsFrom };
  }

  private nextId(table: string): number {
    const id = (this.ids[table] ?? 0) + 1;
    this.ids[table] = id;
    return id;
  }

  private add(table: TableName, row: Cell[]): void {
    this.sink.row(table, row);
  }

  // ---- reference data -------------------------------------------------------------------------

  private makeDepartments(): void {
    for (const name of DEPARTMENTS) {
      const id = this.nextId('department');
      this.departmentId.set(name, id);
      this.add('department', [id, name]);
    }
  }

  private dept(name: string): number {
    const id = this.departmentId.get(name);
    if (id === undefined) throw new Error(`unknown department ${name}`);
    return id;
  }

  private person(): [string, string] {
    return [this.r.pick(FIRST_NAMES), this.r.pick(LAST_NAMES)];
  }

  private phone(): string {
    // 555-01xx numbers are reserved for fiction.
    return `(${this.r.int(201, 989)}) 555-01${String(this.r.int(0, 99)).padStart(2, '0')}`;
  }

  private addStaff(
    type: 'physician' | 'nurse' | 'paramedic',
    department: string,
    active = true,
  ): StaffMember {
    const id = this.nextId('staff');
    const [first, last] = this.person();
    const member: StaffMember = {
      id,
      department: this.dept(department),
      shiftKind: (id % 2) as 0 | 1,
      offset: this.r.int(0, 6),
    };
    this.add('staff', [id, first, last, type, member.department, active ? 1 : 0]);
    this.allStaff.push(member);
    return member;
  }

  private makeStaff(): void {
    const perDay = this.visitsPerDay;
    const erPhysicians = Math.max(8, Math.ceil(perDay / 11));
    const clinicPhysicians = Math.max(10, Math.ceil(perDay / 7));
    const erNurses = Math.max(16, Math.ceil(perDay / 3.5));
    const clinicNurses = Math.max(8, Math.ceil(perDay / 8));

    for (let i = 0; i < erPhysicians; i++) {
      const m = this.addStaff('physician', 'Emergency');
      this.add('physician', [m.id, 'Emergency Medicine']);
      this.erPhysicians.push(m);
    }
    const clinicDepartments = Object.keys(DEPARTMENT_SPECIALTY);
    for (let i = 0; i < clinicPhysicians; i++) {
      const department = clinicDepartments[i % clinicDepartments.length] ?? 'Family Medicine';
      const m = this.addStaff('physician', department);
      this.add('physician', [m.id, DEPARTMENT_SPECIALTY[department] ?? department]);
      this.clinicPhysicians.push(m);
    }
    for (let i = 0; i < erNurses + clinicNurses; i++) {
      const department = i < erNurses ? 'Emergency' : this.r.pick(clinicDepartments);
      const m = this.addStaff('nurse', department, this.r.chance(0.97));
      this.add('nurse', [m.id, this.r.weighted(NURSE_QUALIFICATION_MIX)]);
      (i < erNurses ? this.erNurses : this.clinicNurses).push(m);
    }
  }

  private makeFleet(): void {
    const ambulanceIncidentsPerDay = this.visitsPerDay * 0.3;
    const fleet = Math.max(6, Math.ceil(ambulanceIncidentsPerDay / 3.5));
    const paramedics: number[] = [];
    for (let i = 0; i < Math.ceil(fleet * 2.5); i++) {
      const m = this.addStaff('paramedic', 'Emergency Medical Services');
      this.add('paramedic', [
        m.id,
        this.r.pick(PARAMEDIC_CERTIFICATIONS),
        this.r.pick(PARAMEDIC_SPECIALIZATIONS),
      ]);
      paramedics.push(m.id);
      this.paramedics.push(m);
    }
    for (let i = 0; i < fleet; i++) {
      const id = this.nextId('ambulance');
      const type = i % 5 === 4 ? 'PT' : i % 5 >= 2 ? 'BLS' : 'ALS';
      const code = `${type === 'ALS' ? 'M' : type === 'BLS' ? 'A' : 'T'}${String(id).padStart(2, '0')}`;
      // Two paramedics per unit, and some units share a third who floats between them.
      const crew = [paramedics[(2 * i) % paramedics.length], paramedics[(2 * i + 1) % paramedics.length]];
      if (i % 3 === 0) crew.push(paramedics[(2 * fleet + i / 3) % paramedics.length]);
      const uniqueCrew = [...new Set(crew.filter((c): c is number => c !== undefined))];
      this.units.push({ id, code, type, crew: uniqueCrew, busyUntil: 0 });
      for (const staffId of uniqueCrew) this.add('ambulance_crew', [id, staffId]);
    }
  }

  private makeMedications(): void {
    for (const [name, form, strength, weight] of MEDICATIONS) {
      const id = this.nextId('medication');
      this.add('medication', [id, name, form, strength]);
      this.medicationWeights.push([id, weight]);
      this.medicationForm.set(id, form);
    }
  }

  // ---- shifts and who is on duty ----------------------------------------------------------------

  private localInfo(ms: number): { hour: number; weekday: number; dayStart: number } {
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
  private atLocal(date: string, hour = 0, minute = 0): number {
    const key = `${date} ${hour}:${minute}`;
    let ms = this.atLocalCache.get(key);
    if (ms === undefined) this.atLocalCache.set(key, (ms = atLocal(this.tz, date, hour, minute)));
    return ms;
  }

  /** Whole local days since the epoch for a local-midnight instant: the shift rota's day number. */
  private rotaDay(dayStart: number): number {
    return Math.round((dayStart + 12 * HOUR_MS) / DAY_MS);
  }

  private works(m: StaffMember, rotaDay: number): boolean {
    return WORK_DAYS.has((((rotaDay + m.offset) % 7) + 7) % 7);
  }

  /** Staff of a group on duty at `ms` under the rota that makeShifts writes out. */
  private onDuty(group: readonly StaffMember[], ms: number): StaffMember[] {
    const info = this.localInfo(ms);
    const kind = info.hour >= 7 && info.hour < 19 ? 0 : 1;
    // A night shift that started yesterday evening covers the small hours of today.
    const shiftDayStart =
      kind === 1 && info.hour < 7 ? this.localInfo(info.dayStart - HOUR_MS).dayStart : info.dayStart;
    const day = this.rotaDay(shiftDayStart);
    const on = group.filter((m) => m.shiftKind === kind && this.works(m, day));
    return on.length > 0 ? on : group.filter((m) => m.shiftKind === kind);
  }

  /** ER and ambulance staff work the 12-hour rota; clinic staff work weekdays 08:00-17:00. */
  private *makeShifts(): Generator<GenerationStep> {
    const rota = [...this.erPhysicians, ...this.erNurses, ...this.paramedics];
    const clinic = [...this.clinicPhysicians, ...this.clinicNurses];
    // From the day before the data starts to two days after it ends, so "on shift now" has answers.
    const until = this.end + 2 * DAY_MS;
    for (
      let date = localDate(this.tz, this.start - DAY_MS), days = 0;
      this.atLocal(date) < until;
      date = addDays(date, 1), days++
    ) {
      yield this.progress('shifts', days, this.start);
      const day = this.atLocal(date);
      const weekday = weekdayOf(date);
      const rotaDay = this.rotaDay(day);
      for (const m of rota) {
        if (!this.works(m, rotaDay)) continue;
        const startsAt = this.atLocal(date, m.shiftKind === 0 ? 7 : 19);
        const endsAt = m.shiftKind === 0 ? this.atLocal(date, 19) : this.atLocal(addDays(date, 1), 7);
        this.add('shift', [
          this.nextId('shift'),
          m.id,
          m.department,
          toSqlDateTime(startsAt),
          toSqlDateTime(endsAt),
        ]);
      }
      if (weekday >= 1 && weekday <= 5) {
        const startsAt = this.atLocal(date, 8);
        const endsAt = this.atLocal(date, 17);
        for (const m of clinic) {
          this.add('shift', [
            this.nextId('shift'),
            m.id,
            m.department,
            toSqlDateTime(startsAt),
            toSqlDateTime(endsAt),
          ]);
        }
      }
    }
  }

  // ---- patients ----------------------------------------------------------------------------------

  private newPatient(at: number, ageHint?: 'child' | 'adult' | 'older'): Patient {
    const id = this.nextId('patient');
    const band =
      ageHint ??
      this.r.weighted([
        ['child', 15],
        ['adult', 55],
        ['older', 30],
      ] as const);
    const age =
      band === 'child'
        ? this.r.int(0, 17)
        : band === 'adult'
          ? this.r.int(18, 64)
          : Math.min(101, 65 + Math.floor(this.r.logNormal(10, 0.7)));
    const birth = at - age * 365.25 * DAY_MS - this.r.int(0, 364) * DAY_MS;
    const [first, last] = this.person();
    const sex = this.r.weighted([
      ['female', 50],
      ['male', 48.5],
      ['other', 0.5],
      ['unknown', 1],
    ] as const);
    this.add('patient', [
      id,
      `MRN${String(1_000_000 + id)}`,
      first,
      last,
      toSqlDate(birth),
      sex,
      this.r.chance(0.96) ? this.phone() : null,
    ]);

    const contacts = this.r.chance(0.8) ? (this.r.chance(0.2) ? 2 : 1) : 0;
    for (let i = 0; i < contacts; i++) {
      const [cf] = this.person();
      const relationship = age < 18 ? 'Parent' : this.r.pick(RELATIONSHIPS);
      this.add('patient_contact', [
        this.nextId('patient_contact'),
        id,
        `${cf} ${this.r.chance(0.6) ? last : this.r.pick(LAST_NAMES)}`,
        relationship,
        this.phone(),
      ]);
    }
    if (this.r.chance(0.2)) {
      const count = this.r.weighted([
        [1, 70],
        [2, 25],
        [3, 5],
      ] as const);
      const seen = new Set<string>();
      for (let i = 0; i < count; i++) {
        const [substance, reaction] = this.r.pick(ALLERGENS);
        if (seen.has(substance)) continue;
        seen.add(substance);
        const severity =
          reaction === 'anaphylaxis'
            ? 'severe'
            : this.r.weighted([
                ['mild', 5],
                ['moderate', 3],
                ['severe', 1],
              ] as const);
        this.add('allergy', [this.nextId('allergy'), id, substance, severity, reaction]);
      }
    }
    const patient = { id, birth, busyUntil: 0 };
    this.patients.push(patient);
    if (id % 40 === 0) this.frequent.push(patient);
    return patient;
  }

  /**
   * A returning patient or a new one. About one patient in forty is a frequent attender (chronic illness,
   * social need): they account for a third of returning visits, a few visits a year each.
   */
  private patientFor(at: number, returning: number): Patient {
    if (this.patients.length > 50 && this.r.chance(returning)) {
      const pool = this.frequent.length > 0 && this.r.chance(0.33) ? this.frequent : this.patients;
      const p = this.r.pick(pool);
      // Coming back within days is what planned returns model (planReturn); a chance visit comes later.
      if (p.birth < at - DAY_MS && p.busyUntil < at - 4 * DAY_MS) return p;
    }
    return this.newPatient(at);
  }

  private ageAt(p: Patient, at: number): number {
    return (at - p.birth) / (365.25 * DAY_MS);
  }

  // ---- emergencies --------------------------------------------------------------------------------

  /**
   * Hour by hour. Every document made in an hour is dated at or after the hour's start (calls come in it,
   * and everything they lead to, or a planned return, comes later), which is what `documentsFrom` says.
   */
  private *makeEmergencies(): Generator<GenerationStep> {
    const hourly = this.visitsPerDay / 24;
    for (let hourStart = this.start; hourStart < this.end; hourStart += HOUR_MS) {
      yield this.progress('emergencies', (hourStart - this.start) / DAY_MS, hourStart);
      const info = this.localInfo(hourStart);
      const lambda = hourly * (HOUR_WEIGHT[info.hour] ?? 1) * (WEEKDAY_WEIGHT[info.weekday] ?? 1);
      const n = this.r.poisson(lambda);
      const times: number[] = [];
      for (let i = 0; i < n; i++) times.push(hourStart + Math.floor(this.r.next() * 3600) * 1000);
      const returns = this.dueReturns(hourStart + HOUR_MS);
      times.push(...returns.map((r) => r.at));
      times.sort((a, b) => a - b);
      for (const t of times) {
        const back = returns.find((r) => r.at === t);
        if (back) {
          returns.splice(returns.indexOf(back), 1);
          this.returnVisit(back);
          continue;
        }
        const mode = this.r.weighted([
          ['ambulance', 30],
          ['walk_in', 62],
          ['transfer', 8],
        ] as const);
        if (mode === 'ambulance') this.ambulanceIncident(t);
        else this.erVisit(t, mode, this.patientFor(t, 0.3), undefined);
      }
    }
    // Ambulances still out at the end of the data are on a call now.
    const onCall = new Set(this.units.filter((u) => u.busyUntil > this.end).map((u) => u.id));
    for (const u of this.units) {
      const status = onCall.has(u.id) ? 'on_call' : u.id % 9 === 0 ? 'maintenance' : 'available';
      this.add('ambulance', [u.id, u.code, u.type, status]);
    }
  }

  private sec(ms: number): number {
    return Math.round(ms / 1000) * 1000;
  }

  private chooseUnit(severity: Severity, at: number): Unit {
    const wanted =
      severity === 'high' ? ['ALS'] : severity === 'medium' ? ['ALS', 'BLS'] : ['BLS', 'PT', 'ALS'];
    const usable = this.units.filter((u) => wanted.includes(u.type) && u.id % 9 !== 0);
    const pool = usable.length > 0 ? usable : this.units;
    const free = pool.filter((u) => u.busyUntil <= at);
    if (free.length > 0) return this.r.pick(free);
    // Everyone is busy: the unit that frees first takes it.
    return pool.reduce((a, b) => (b.busyUntil < a.busyUntil ? b : a));
  }

  private ambulanceIncident(firstCall: number): void {
    const nature = this.r.pick(NATURE_NAMES);
    const profile = NATURES[nature];
    if (!profile) return;
    const severity = this.r.weighted(profile.severity);
    const dispatched = this.sec(firstCall + Math.max(20_000, this.r.logNormal(85_000, 0.5)));
    const travelMedian = severity === 'high' ? 7 : severity === 'medium' ? 9 : 12;

    // Plan units and timeline first; drop incidents that would not have reached the ER by the end.
    const unitCount = severity === 'high' && this.r.chance(0.25) ? 2 : 1;
    const patientCount = this.r.weighted([
      [1, 93],
      [2, 6],
      [3, 1],
    ] as const);
    const transported = this.r.chance(0.88);
    const plans: { unit: Unit; assigned: number; onScene: number; cleared: number; transports: number[] }[] =
      [];
    const chosen = new Set<number>();
    for (let i = 0; i < unitCount; i++) {
      let unit = this.chooseUnit(severity, dispatched);
      if (chosen.has(unit.id)) unit = this.units.find((u) => !chosen.has(u.id)) ?? unit;
      chosen.add(unit.id);
      const assigned = this.sec(Math.max(dispatched, unit.busyUntil) + this.r.int(0, 40) * 1000);
      const onScene = this.sec(
        assigned + Math.max(2 * MINUTE_MS, this.r.logNormal(travelMedian * MINUTE_MS, 0.45)),
      );
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
      const assessed = this.sec(plan.onScene + this.r.int(60, 300) * 1000);
      const pickup = this.sec(assessed + Math.max(3 * MINUTE_MS, this.r.logNormal(12 * MINUTE_MS, 0.4)));
      const dropoff = this.sec(pickup + Math.max(4 * MINUTE_MS, this.r.logNormal(14 * MINUTE_MS, 0.5)));
      const arrival = this.sec(dropoff + this.r.int(0, 120) * 1000);
      // Casualties of one incident are different people.
      let patient = this.patientFor(firstCall, 0.25);
      if (legs.some((l) => l.patient === patient)) patient = this.newPatient(firstCall);
      legs.push({ patient, assessed, pickup, dropoff, arrival, unitIndex });
    }
    const lastArrival = Math.max(...legs.map((l) => l.arrival));
    if (lastArrival > this.end) return;
    // Taken from the first call on: a planned return visit cannot overlap the ride in.
    for (const l of legs) l.patient.busyUntil = Math.max(l.patient.busyUntil, l.arrival);

    for (const plan of plans) {
      const mine = legs.filter((l) => plans[l.unitIndex] === plan);
      const lastDropoff =
        transported && mine.length > 0 ? Math.max(...mine.map((l) => l.dropoff)) : plan.onScene;
      plan.cleared = this.sec(lastDropoff + Math.max(5 * MINUTE_MS, this.r.logNormal(18 * MINUTE_MS, 0.4)));
      plan.unit.busyUntil = plan.cleared;
    }

    // Calls: the first, and sometimes more callers about the same incident before dispatch.
    const dispatchId = this.nextId('ambulance_dispatch');
    this.add('ambulance_dispatch', [dispatchId, toSqlDateTime(dispatched), severity, nature]);
    const address = `${this.r.int(1, 2999)} ${this.r.pick(STREETS)}`;
    const district = this.r.pick(DISTRICTS);
    const callTimes = [firstCall];
    const extra = this.r.weighted([
      [0, 85],
      [1, 11],
      [2, 4],
    ] as const);
    for (let i = 0; i < extra; i++)
      callTimes.push(this.sec(firstCall + this.r.next() * (dispatched - firstCall)));
    callTimes.sort((a, b) => a - b);
    const callIds: number[] = [];
    for (const [i, at] of callTimes.entries()) {
      const callId = this.nextId('emergency_call');
      callIds.push(callId);
      const [cf, cl] = this.person();
      this.add('emergency_call', [
        callId,
        toSqlDateTime(at),
        `${cf} ${cl}`,
        this.phone(),
        `${address}, ${district}`,
        nature,
        dispatchId,
      ]);
      const about = i === 0 ? legs : legs.slice(0, 1);
      for (const l of about) this.add('call_patient', [callId, l.patient.id]);
    }
    // Calls that lead to no dispatch (advice only, or cancelled before dispatch).
    if (this.r.chance(0.08)) {
      const at = this.sec(firstCall - this.r.int(5, 120) * MINUTE_MS);
      const [cf, cl] = this.person();
      const n = this.r.pick(NATURE_NAMES);
      this.add('emergency_call', [
        this.nextId('emergency_call'),
        toSqlDateTime(at),
        `${cf} ${cl}`,
        this.phone(),
        `${this.r.int(1, 2999)} ${this.r.pick(STREETS)}, ${this.r.pick(DISTRICTS)}`,
        n,
        null,
      ]);
    }

    for (const plan of plans) {
      const cleared = plan.cleared > this.end ? null : toSqlDateTime(plan.cleared);
      this.add('dispatch_unit', [
        dispatchId,
        plan.unit.id,
        toSqlDateTime(plan.assigned),
        toSqlDateTime(plan.onScene),
        cleared,
      ]);
    }

    const condition = this.ambulanceCondition(severity);
    for (const leg of legs) {
      const plan = plans[leg.unitIndex];
      if (!plan) continue;
      const assessmentId = this.nextId('paramedic_assessment');
      const vitals = this.vitals(condition);
      this.add('paramedic_assessment', [
        assessmentId,
        leg.patient.id,
        dispatchId,
        toSqlDateTime(leg.assessed),
        this.r.pick(profile.observations),
        this.r.pick(profile.initialTreatment),
        ...vitals,
      ]);
      for (const staffId of plan.unit.crew.slice(0, this.r.chance(0.7) ? 2 : 1))
        this.add('assessment_paramedic', [assessmentId, staffId]);
      if (!transported) continue;
      const transportId = this.nextId('transport');
      this.add('transport', [
        transportId,
        dispatchId,
        plan.unit.id,
        leg.patient.id,
        toSqlDateTime(leg.pickup),
        toSqlDateTime(leg.dropoff),
      ]);
      plan.transports.push(transportId);
      this.erVisit(leg.arrival, 'ambulance', leg.patient, transportId, {
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
    this.sink.incident({
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
        clearedAt: p.cleared > this.end ? null : new Date(p.cleared),
      })),
      patientIds: legs.map((l) => l.patient.id),
      responseMinutes,
      notes: transported
        ? `${legs.length} patient(s) transported; ${this.r.pick(profile.observations)}`
        : `treated on scene, transport declined; ${this.r.pick(profile.observations)}`,
      tags,
    });
  }

  private ambulanceCondition(severity: Severity): Condition {
    if (severity === 'high')
      return this.r.weighted([
        ['critical', 45],
        ['serious', 40],
        ['moderate', 15],
      ] as const);
    if (severity === 'medium')
      return this.r.weighted([
        ['serious', 30],
        ['moderate', 50],
        ['minor', 20],
      ] as const);
    return this.r.weighted([
      ['moderate', 30],
      ['minor', 40],
      ['stable', 30],
    ] as const);
  }

  private vitals(condition: Condition): [number, number, number, number] {
    const severe = CONDITIONS.indexOf(condition) <= 1;
    const hr = severe ? this.r.int(45, 150) : this.r.int(60, 110);
    const sbp = severe ? this.r.int(75, 170) : this.r.int(105, 150);
    const spo2 = severe ? this.r.int(82, 96) : this.r.int(94, 100);
    const rr = severe ? this.r.int(8, 32) : this.r.int(12, 22);
    return [hr, sbp, spo2, rr];
  }

  private triage(condition: Condition): number {
    switch (condition) {
      case 'critical':
        return this.r.weighted([
          [1, 60],
          [2, 40],
        ] as const);
      case 'serious':
        return this.r.weighted([
          [2, 70],
          [3, 30],
        ] as const);
      case 'moderate':
        return this.r.weighted([
          [2, 10],
          [3, 70],
          [4, 20],
        ] as const);
      case 'minor':
        return this.r.weighted([
          [3, 15],
          [4, 60],
          [5, 25],
        ] as const);
      case 'stable':
        return this.r.weighted([
          [4, 50],
          [5, 50],
        ] as const);
    }
  }

  private erVisit(
    arrival: number,
    mode: 'ambulance' | 'walk_in' | 'transfer',
    patient: Patient,
    transportId: number | undefined,
    given?: {
      condition: Condition;
      reason: string;
      treatments: readonly (readonly [TreatmentType, number])[];
    },
  ): void {
    let condition: Condition;
    let reason: string;
    let treatmentMix: readonly (readonly [TreatmentType, number])[];
    if (given) {
      ({ condition, reason } = given);
      treatmentMix = given.treatments;
    } else {
      const [walkReason, , mix] = this.r.weighted(WALK_IN_REASONS.map((w) => [w, w[1]] as const));
      reason = walkReason;
      treatmentMix = mix;
      condition =
        mode === 'transfer'
          ? this.r.weighted([
              ['critical', 10],
              ['serious', 40],
              ['moderate', 40],
              ['stable', 10],
            ] as const)
          : this.r.weighted([
              ['critical', 1],
              ['serious', 9],
              ['moderate', 35],
              ['minor', 35],
              ['stable', 20],
            ] as const);
    }
    const triage = this.triage(condition);
    const visitId = this.nextId('er_visit');
    const age = this.ageAt(patient, arrival);
    const busy = this.noteArrival(arrival);
    if (mode === 'walk_in' && this.r.chance(lwbsChance(triage, busy))) {
      this.leftWithoutBeingSeen(visitId, arrival, patient, condition, triage, reason, treatmentMix);
      return;
    }

    // Treatments: the sicker, the more; the first after a wait that grows with the triage level.
    const count =
      triage === 1
        ? this.r.int(2, 4)
        : triage === 2
          ? this.r.int(1, 3)
          : triage === 3
            ? this.r.int(1, 2)
            : triage === 4
              ? this.r.chance(0.7)
                ? 1
                : 0
              : this.r.chance(0.4)
                ? 1
                : 0;
    const firstWait = [0, 5, 15, 45, 80, 100][triage] ?? 60;
    let t = this.sec(arrival + Math.max(MINUTE_MS, this.r.logNormal(firstWait * MINUTE_MS, 0.6)));
    const visitTreatments: { id: number; at: number; physicians: number[] }[] = [];
    for (let i = 0; i < count && t <= this.end; i++) {
      const id = this.nextId('er_treatment');
      const type = this.r.weighted(treatmentMix);
      const outcome = this.r.pick(TREATMENT_OUTCOMES);
      this.add('er_treatment', [id, visitId, patient.id, type, toSqlDateTime(t), outcome]);
      const docs = this.onDuty(this.erPhysicians, t);
      const nurses = this.onDuty(this.erNurses, t);
      const physicians = [this.r.pick(docs)];
      if (this.r.chance(0.15)) physicians.push(this.r.pick(docs));
      const assisting = [this.r.pick(nurses)];
      if (this.r.chance(0.4)) assisting.push(this.r.pick(nurses));
      const physicianIds = [...new Set(physicians.map((m) => m.id))];
      const nurseIds = [...new Set(assisting.map((m) => m.id))];
      for (const s of physicianIds) this.add('treatment_physician', [id, s]);
      for (const s of nurseIds) this.add('treatment_nurse', [id, s]);
      this.sink.treatment({
        _id: id,
        visitId,
        patientId: patient.id,
        type,
        performedAt: new Date(t),
        outcome,
        physicians: physicianIds,
        nurses: nurseIds,
        notes: `${type} for ${reason}; outcome ${outcome.toLowerCase()}`,
      });
      visitTreatments.push({ id, at: t, physicians: physicianIds });
      t = this.sec(t + Math.max(10 * MINUTE_MS, this.r.logNormal(40 * MINUTE_MS, 0.5)));
    }

    // Decision and departure: older and sicker patients stay longer.
    const lastEvent = visitTreatments.length > 0 ? Math.max(...visitTreatments.map((v) => v.at)) : arrival;
    const stayFactor = (1 + Math.max(0, age - 20) / 60) * (triage <= 2 ? 1.6 : 1);
    const decided = this.sec(
      lastEvent + Math.max(5 * MINUTE_MS, this.r.logNormal(70 * MINUTE_MS * stayFactor, 0.5)),
    );
    const decision = this.decision(condition);
    const departed =
      decision === 'Discharge'
        ? this.sec(decided + Math.max(5 * MINUTE_MS, this.r.logNormal(35 * MINUTE_MS * stayFactor, 0.6)))
        : this.sec(decided + this.boardingMs(decided));

    patient.busyUntil = departed;
    this.add('er_visit', [
      visitId,
      patient.id,
      toSqlDateTime(arrival),
      mode,
      transportId ?? null,
      condition,
      triage,
      reason,
      departed <= this.end ? toSqlDateTime(departed) : null,
    ]);
    const diagnoses = DIAGNOSES[reason] ?? [['R69', 'Illness, unspecified'] as const];
    const [code, description] = this.r.pick(diagnoses);
    this.add('diagnosis', [this.nextId('diagnosis'), visitId, code, description]);

    // A patient may be decided on and still boarding when the data ends.
    if (decided > this.end) return;
    const status =
      decision === 'Discharge'
        ? this.r.weighted([
            ['Recovered', 5],
            ['Improved', 5],
          ] as const)
        : decision === 'Continue Observation'
          ? this.r.weighted([
              ['Improved', 4],
              ['Unchanged', 5],
              ['Worsened', 1],
            ] as const)
          : this.r.weighted([
              ['Improved', 2],
              ['Unchanged', 5],
              ['Worsened', 3],
            ] as const);
    const decider =
      visitTreatments[0]?.physicians[0] ?? this.r.pick(this.onDuty(this.erPhysicians, decided)).id;
    this.add('disposition_decision', [
      this.nextId('disposition_decision'),
      visitId,
      patient.id,
      decider,
      toSqlDateTime(decided),
      status,
      decision,
    ]);

    if (decision === 'Discharge' && this.r.chance(0.35)) {
      const n = this.r.chance(0.3) ? 2 : 1;
      for (let i = 0; i < n; i++) this.prescription(patient.id, visitId, decider, decided, this.r.int(3, 14));
    }
    if (decision === 'Discharge' && departed <= this.end) {
      const seen = { patient, departed, condition, reason, treatments: treatmentMix };
      this.planReturn(seen, returnChance(condition, reason));
      this.planFollowUp(seen);
    }
  }

  private decision(condition: Condition): Decision {
    const table: Record<Condition, readonly (readonly [Decision, number])[]> = {
      critical: [
        [DECISIONS[3], 25],
        [DECISIONS[2], 50],
        [DECISIONS[1], 20],
        [DECISIONS[0], 5],
      ],
      serious: [
        [DECISIONS[2], 45],
        [DECISIONS[1], 25],
        [DECISIONS[0], 25],
        [DECISIONS[3], 5],
      ],
      moderate: [
        [DECISIONS[0], 65],
        [DECISIONS[1], 20],
        [DECISIONS[2], 15],
      ],
      minor: [
        [DECISIONS[0], 92],
        [DECISIONS[1], 8],
      ],
      stable: [
        [DECISIONS[0], 92],
        [DECISIONS[1], 8],
      ],
    };
    return this.r.weighted(table[condition]);
  }

  private prescription(
    patientId: number,
    visitId: number | null,
    prescriber: number,
    at: number,
    days: number | null,
  ): void {
    const medicationId = this.r.weighted(this.medicationWeights);
    const startsOn = toSqlDate(at);
    const endsAt = days === null ? null : at + days * DAY_MS;
    let status: 'active' | 'completed' | 'stopped' =
      endsAt === null || endsAt > this.end ? 'active' : 'completed';
    if (this.r.chance(0.05)) status = 'stopped';
    const dose = this.r.pick(DOSES[this.medicationForm.get(medicationId) ?? 'tablet'] ?? ['as directed']);
    this.add('prescription', [
      this.nextId('prescription'),
      patientId,
      visitId,
      prescriber,
      medicationId,
      dose,
      this.r.pick(DOSE_FREQUENCIES),
      startsOn,
      endsAt === null ? null : toSqlDate(endsAt),
      status,
    ]);
  }

  // ---- care coordination: clinic appointments and long-term prescriptions -------------------------

  private *makeClinic(): Generator<GenerationStep> {
    this.bookFollowUps();
    const horizonEnd = this.end + 30 * DAY_MS;
    const clinicPatients = this.patients.slice();
    for (
      let date = localDate(this.tz, this.start), days = 0;
      this.atLocal(date) < horizonEnd;
      date = addDays(date, 1), days++
    ) {
      yield this.progress('clinic', days, Infinity);
      const weekday = weekdayOf(date);
      if (weekday >= 1 && weekday <= 5) {
        for (const doc of this.clinicPhysicians) {
          const department =
            DEPARTMENTS.find((d) => this.departmentId.get(d) === doc.department) ?? 'Family Medicine';
          const reasons = APPOINTMENT_REASONS[department] ?? ['consultation'];
          for (let slot = 0; slot < 16; slot++) {
            const startsAt = this.atLocal(date, 8 + Math.floor(slot / 2), (slot % 2) * 30);
            if (this.flow.booked.has(slotKey(doc.id, startsAt)) || !this.r.chance(0.55)) continue;
            const endsAt = startsAt + (this.r.chance(0.8) ? 30 : 20) * MINUTE_MS;
            const patient =
              clinicPatients.length > 100 && this.r.chance(0.85)
                ? (clinicPatients[Math.floor(clinicPatients.length * this.r.next() ** 2)] ??
                  this.newPatient(startsAt))
                : this.newPatient(Math.min(startsAt, this.end));
            const status = this.appointmentStatus(startsAt, endsAt, department);
            this.add('appointment', [
              this.nextId('appointment'),
              patient.id,
              doc.id,
              doc.department,
              toSqlDateTime(startsAt),
              toSqlDateTime(endsAt),
              status,
              this.r.pick(reasons),
            ]);
            if (status === 'completed' && this.r.chance(0.2)) {
              this.prescription(
                patient.id,
                null,
                doc.id,
                startsAt,
                this.r.chance(0.4) ? null : this.r.int(30, 365),
              );
            }
          }
        }
      }
    }
  }

  /** No-shows and cancellations differ by department, weekday and hour (see appointmentRates). */
  private appointmentStatus(startsAt: number, endsAt: number, department: string, followUp = false): string {
    const info = this.localInfo(startsAt);
    const { noShow, cancelled } = appointmentRates(department, info.weekday, info.hour, followUp);
    if (endsAt <= this.end)
      return this.r.weighted([
        ['completed', 100 - noShow - cancelled],
        ['no_show', noShow],
        ['cancelled', cancelled],
      ] as const);
    if (startsAt <= this.end) return 'checked_in';
    return this.r.weighted([
      ['scheduled', 100 - cancelled * 0.6],
      ['cancelled', cancelled * 0.6],
    ] as const);
  }

  // ---- patient flow: left without being seen, boarding, 72-hour returns, follow-ups (issue 11) ------

  /** How busy the department is at `at`: arrivals of the last two hours against the average. */
  private noteArrival(at: number): number {
    const recent = this.flow.recent;
    recent.push(at);
    while (recent.length > 0 && (recent[0] ?? at) <= at - 2 * HOUR_MS) recent.shift();
    return recent.length / Math.max(1, this.visitsPerDay / 12);
  }

  /** A walk-in who leaves before any treatment or decision: departed, nothing else recorded. */
  private leftWithoutBeingSeen(
    visitId: number,
    arrival: number,
    patient: Patient,
    condition: Condition,
    triage: number,
    reason: string,
    treatments: readonly (readonly [TreatmentType, number])[],
  ): void {
    const departed = this.sec(arrival + Math.max(15 * MINUTE_MS, this.r.logNormal(100 * MINUTE_MS, 0.5)));
    patient.busyUntil = departed;
    this.add('er_visit', [
      visitId,
      patient.id,
      toSqlDateTime(arrival),
      'walk_in',
      null,
      condition,
      triage,
      reason,
      departed <= this.end ? toSqlDateTime(departed) : null,
    ]);
    if (departed <= this.end) this.planReturn({ patient, departed, condition, reason, treatments }, 0.1);
  }

  /** Admitted and transferred patients wait for a bed: hours, longer at night. */
  private boardingMs(decided: number): number {
    const hour = this.localInfo(decided).hour;
    const night = hour >= 20 || hour < 7;
    return Math.max(20 * MINUTE_MS, this.r.logNormal((night ? 5 : 2.5) * HOUR_MS, 0.6));
  }

  /** Some patients come back: most within 72 hours of leaving, a few later (not counted as returns). */
  private planReturn(seen: SeenVisit, chance: number): void {
    if (this.r.chance(chance)) {
      const after = Math.min(71.5 * HOUR_MS, Math.max(2 * HOUR_MS, this.r.logNormal(20 * HOUR_MS, 0.8)));
      this.flow.returns.push({ ...seen, at: this.sec(seen.departed + after) });
    } else if (this.r.chance(0.01)) {
      this.flow.returns.push({ ...seen, at: this.sec(seen.departed + this.r.int(73, 120) * HOUR_MS) });
    }
  }

  /** Returns arriving before `until`, taken off the queue. */
  private dueReturns(until: number): PlannedReturn[] {
    const due = this.flow.returns.filter((r) => r.at < until && r.at <= this.end);
    this.flow.returns = this.flow.returns.filter((r) => r.at >= until);
    return due;
  }

  /** The same patient, the same complaint, sometimes worse; unless they are in the ER already. */
  private returnVisit(back: PlannedReturn): void {
    if (back.patient.busyUntil >= back.at) return;
    const i = CONDITIONS.indexOf(back.condition);
    const condition = this.r.chance(0.35)
      ? (CONDITIONS[Math.max(0, i - 1)] ?? back.condition)
      : back.condition;
    this.erVisit(back.at, 'walk_in', back.patient, undefined, {
      condition,
      reason: back.reason,
      treatments: back.treatments,
    });
  }

  /** Most discharged patients are booked into a clinic within a week; some later, some never. */
  private planFollowUp(seen: SeenVisit): void {
    if (!this.r.chance(seen.condition === 'minor' || seen.condition === 'stable' ? 0.78 : 0.9)) return;
    const department =
      this.ageAt(seen.patient, seen.departed) < 18 ? 'Pediatrics' : followUpDepartment(seen.reason);
    const doctors = this.clinicPhysicians.filter((m) => m.department === this.dept(department));
    const days = this.r.chance(0.9) ? this.r.int(1, 5) : this.r.int(8, 12);
    let date = addDays(localDate(this.tz, seen.departed), days);
    while ([0, 6].includes(weekdayOf(date))) date = addDays(date, 1);
    const doctor = this.r.pick(doctors);
    for (let tries = 0, slot = this.r.int(0, 15); tries < 16; tries++, slot = (slot + 1) % 16) {
      const startsAt = this.atLocal(date, 8 + Math.floor(slot / 2), (slot % 2) * 30);
      if (startsAt <= seen.departed || this.flow.booked.has(slotKey(doctor.id, startsAt))) continue;
      this.flow.booked.add(slotKey(doctor.id, startsAt));
      this.flow.followUps.push({ patient: seen.patient, doctor, department, startsAt });
      return;
    }
  }

  private bookFollowUps(): void {
    for (const f of this.flow.followUps) {
      const endsAt = f.startsAt + 30 * MINUTE_MS;
      this.add('appointment', [
        this.nextId('appointment'),
        f.patient.id,
        f.doctor.id,
        f.doctor.department,
        toSqlDateTime(f.startsAt),
        toSqlDateTime(endsAt),
        this.appointmentStatus(f.startsAt, endsAt, f.department, true),
        'ER follow-up',
      ]);
    }
  }
}

// ---- patient flow tables (issue 11) -----------------------------------------------------------------

/** A visit that ended in discharge or with the patient leaving unseen: what a return or follow-up needs. */
interface SeenVisit {
  patient: Patient;
  departed: number;
  condition: Condition;
  reason: string;
  treatments: readonly (readonly [TreatmentType, number])[];
}
interface PlannedReturn extends SeenVisit {
  at: number;
}
interface FlowState {
  returns: PlannedReturn[];
  followUps: { patient: Patient; doctor: StaffMember; department: string; startsAt: number }[];
  /** Clinic slots taken by follow-ups, `slotKey(doctor, start)`. */
  booked: Set<string>;
  /** Arrival instants of the last two hours. */
  recent: number[];
}

const slotKey = (doctorId: number, startsAt: number) => `${doctorId}@${startsAt}`;

/** The day of the week of a calendar date (YYYY-MM-DD), Sunday 0: what the wall clock there reads at noon. */
const weekdayOf = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** Chance that a walk-in leaves unseen: low-acuity patients, and more so when the department is busy. */
function lwbsChance(triage: number, busy: number): number {
  const base = [0, 0, 0, 0.006, 0.03, 0.045][triage] ?? 0;
  return base * Math.min(2.5, Math.max(0.4, busy) ** 1.5);
}

/** Complaints that bring discharged patients back more often than the usual 4%. */
const RETURN_PRONE: Record<string, number> = {
  'abdominal pain': 2,
  'chest pain': 1.6,
  'asthma attack': 1.8,
  vomiting: 1.5,
  fever: 1.3,
  'shortness of breath': 1.4,
};

function returnChance(condition: Condition, reason: string): number {
  const sicker = condition === 'serious' || condition === 'moderate' ? 1.3 : 1;
  return 0.035 * sicker * (RETURN_PRONE[reason] ?? 1);
}

/** The clinic that sees a discharged adult again, by their ER complaint. */
function followUpDepartment(reason: string): string {
  if (['chest pain'].includes(reason)) return 'Cardiology';
  if (['shortness of breath', 'asthma attack'].includes(reason)) return 'Pulmonology';
  if (['severe headache', 'seizure', 'confusion', 'dizziness'].includes(reason)) return 'Neurology';
  if (['fractured limb', 'sprained ankle', 'back pain'].includes(reason)) return 'Orthopedics';
  if (['abdominal pain', 'laceration', 'burns'].includes(reason)) return 'General Surgery';
  return 'Family Medicine';
}

/** Relative no-show and cancellation rates: by department, by weekday (Sunday first), by local hour. */
const NO_SHOW_BY_DEPARTMENT: Record<string, number> = {
  Cardiology: 0.9,
  Radiology: 0.6,
  Neurology: 1,
  Orthopedics: 1.1,
  Pediatrics: 1.4,
  'Family Medicine': 1.3,
  'General Surgery': 0.8,
  'Internal Medicine': 1.2,
  Pulmonology: 1.2,
  Oncology: 0.4,
};
const NO_SHOW_BY_WEEKDAY = [1, 1.35, 1, 0.85, 0.95, 1.3, 1];
const CANCELLED_BY_WEEKDAY = [1, 1.2, 0.85, 0.85, 0.9, 1.35, 1];

/** Percentages of no-shows and cancellations for an appointment. */
function appointmentRates(
  department: string,
  weekday: number,
  hour: number,
  followUp: boolean,
): { noShow: number; cancelled: number } {
  const atEdges = hour < 9 || hour >= 16 ? 1.3 : 1;
  const noShow =
    8 *
    (NO_SHOW_BY_DEPARTMENT[department] ?? 1) *
    (NO_SHOW_BY_WEEKDAY[weekday] ?? 1) *
    atEdges *
    (followUp ? 1.4 : 1);
  const cancelled = 11 * (CANCELLED_BY_WEEKDAY[weekday] ?? 1);
  return { noShow, cancelled };
}
