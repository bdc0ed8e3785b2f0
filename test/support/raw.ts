import type { RowDataPacket } from 'mysql2/promise';
import type { Connection } from '../../src/data/mysql.ts';

/**
 * The seeded tables read whole into memory, so tests can compute answers independently of the SQL in
 * sql/queries (plain SELECT *, then TypeScript).
 */
export interface Raw {
  patient: {
    id: number;
    mrn: string;
    first_name: string;
    last_name: string;
    date_of_birth: Date;
    phone: string | null;
  }[];
  patient_contact: { patient_id: number }[];
  allergy: { patient_id: number }[];
  staff: {
    id: number;
    first_name: string;
    last_name: string;
    staff_type: string;
    department_id: number;
    active: number;
  }[];
  physician: { staff_id: number; specialty: string }[];
  department: { id: number; name: string }[];
  shift: { staff_id: number; department_id: number; starts_at: Date; ends_at: Date }[];
  emergency_call: {
    id: number;
    received_at: Date;
    caller_name: string;
    nature: string;
    dispatch_id: number | null;
  }[];
  call_patient: { call_id: number; patient_id: number }[];
  ambulance: { id: number; unit_code: string; type: string; status: string }[];
  ambulance_crew: { ambulance_id: number; staff_id: number }[];
  ambulance_dispatch: { id: number; dispatched_at: Date; severity: string; nature: string }[];
  dispatch_unit: {
    dispatch_id: number;
    ambulance_id: number;
    on_scene_at: Date | null;
    cleared_at: Date | null;
  }[];
  transport: {
    id: number;
    dispatch_id: number;
    ambulance_id: number;
    patient_id: number;
    pickup_at: Date;
    dropoff_at: Date;
  }[];
  paramedic_assessment: { id: number; patient_id: number; assessed_at: Date; observations: string }[];
  er_visit: {
    id: number;
    patient_id: number;
    arrived_at: Date;
    transport_id: number | null;
    condition_on_arrival: string;
    triage_level: number;
    departed_at: Date | null;
  }[];
  er_treatment: {
    id: number;
    visit_id: number;
    patient_id: number;
    type: string;
    performed_at: Date;
    outcome: string;
  }[];
  treatment_physician: { treatment_id: number; staff_id: number }[];
  disposition_decision: {
    visit_id: number;
    patient_id: number;
    decided_at: Date;
    patient_status: string;
    decision: string;
  }[];
  appointment: {
    id: number;
    patient_id: number;
    staff_id: number;
    department_id: number;
    starts_at: Date;
    status: string;
    reason: string;
  }[];
  medication: { id: number; name: string; strength: string }[];
  prescription: {
    id: number;
    patient_id: number;
    medication_id: number;
    starts_on: Date;
    ends_on: Date | null;
    status: string;
  }[];
}

export async function loadRaw(conn: Connection): Promise<Raw> {
  const tables: (keyof Raw)[] = [
    'patient',
    'patient_contact',
    'allergy',
    'staff',
    'physician',
    'department',
    'shift',
    'emergency_call',
    'call_patient',
    'ambulance',
    'ambulance_crew',
    'ambulance_dispatch',
    'dispatch_unit',
    'transport',
    'paramedic_assessment',
    'er_visit',
    'er_treatment',
    'treatment_physician',
    'disposition_decision',
    'appointment',
    'medication',
    'prescription',
  ];
  const raw: Partial<Record<keyof Raw, unknown>> = {};
  for (const t of tables) {
    const [rows] = await conn.query<RowDataPacket[]>(`SELECT * FROM \`${t}\``);
    raw[t] = rows;
  }
  return raw as Raw;
}

/** Local calendar date by Intl, independent of src/core/time.ts. */
export function ymd(timeZone: string, at: Date | number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Percentile with linear interpolation between closest ranks, written here again on purpose. */
export function pct(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = ((s.length - 1) * p) / 100;
  const base = Math.floor(pos);
  const next = s[base + 1];
  const v = s[base] as number;
  return next === undefined ? v : v + (pos - base) * (next - v);
}

export const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function countBy<T>(items: T[], key: (t: T) => string | number): Map<string | number, number> {
  const m = new Map<string | number, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
