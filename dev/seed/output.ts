/** What the generator makes: rows of the domain tables and the raw ER documents, and where they go. */
import type { DispatchIncidentDoc, ErTreatmentDoc } from '../../src/data/documents.ts';

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
    'roomed_at',
    'provider_seen_at',
    'observation',
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

/** The columns of a table, in the order of its generated rows' cells. */
export const columnsOf = (table: TableName): readonly string[] => T[table];
