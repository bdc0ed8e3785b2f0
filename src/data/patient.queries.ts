import type { ActivePrescription } from '../core/reports/meds-patient.ts';
import type { LookupPatient } from '../core/reports/patient-lookup.ts';
import { UserError } from '../core/errors.ts';
import type { AppointmentRow } from './appointments.queries.ts';
import { likePattern, many, one, type Db } from './queries.ts';

export interface PatientRow extends LookupPatient {
  id: number;
}

export type PatientBrief = Pick<PatientRow, 'id' | 'mrn' | 'first_name' | 'last_name' | 'date_of_birth'>;

/** A patient whose name matched: identifiers only, and how many matched in all. */
export interface SearchRow extends PatientBrief {
  total: number;
}

export function searchPatients(db: Db, text: string, limit: number): Promise<SearchRow[]> {
  return many<SearchRow>(db, 'SearchPatients', { pattern: likePattern(text), limit });
}

/** At most 25 patients for autocomplete: by MRN or id prefix when the text looks like one, else by name prefix. */
export async function patientSuggestions(db: Db, text: string): Promise<PatientBrief[]> {
  const t = text.trim();
  if (t === '') return [];
  if (/^(mrn)?\d+$/i.test(t)) {
    const digits = t.replace(/^mrn/i, '');
    const byMrn = await many<PatientBrief>(db, 'PatientMrnPrefix', {
      prefix: likePattern(`MRN${digits}`, 'prefix'),
    });
    // Plain digits may also be a patient id.
    const byId = /^\d+$/.test(t) ? await one<PatientBrief>(db, 'PatientById', { id: Number(t) }) : undefined;
    return byId && !byMrn.some((p) => p.id === byId.id) ? [byId, ...byMrn].slice(0, 25) : byMrn;
  }
  return many<PatientBrief>(db, 'PatientNamePrefix', { prefix: likePattern(t, 'prefix') });
}

/**
 * The one patient an option names: an MRN (MRN1000042), an id (42), or a name that matches exactly one
 * patient ("Ann Lee", "Lee, Ann", or part of a name). Anything else is a clear error.
 */
export async function resolvePatient(db: Db, text: string): Promise<PatientRow> {
  const t = text.trim();
  if (/^mrn\d+$/i.test(t)) {
    const p = await one<PatientRow>(db, 'PatientByMrn', { mrn: t.toUpperCase() });
    if (!p) throw new UserError('not_found', `No patient has MRN ${t.toUpperCase()}.`);
    return p;
  }
  if (/^\d+$/.test(t)) {
    const p = await one<PatientRow>(db, 'PatientById', { id: Number(t) });
    if (!p) throw new UserError('not_found', `No patient has id ${t}.`);
    return p;
  }
  // An MRN from a hospital feed may be any identifier (a UUID in FHIR exports): an exact match wins.
  if (!/[\s,]/.test(t)) {
    const p = await one<PatientRow>(db, 'PatientByMrn', { mrn: t });
    if (p) return p;
  }
  const comma = /^([^,]+),\s*(.+)$/.exec(t);
  const parts = comma ? [comma[2] ?? '', comma[1] ?? ''] : t.split(/\s+/);
  if (parts.length === 2) {
    const exact = await many<PatientRow>(db, 'PatientsByFullName', {
      first: parts[0] ?? '',
      last: parts[1] ?? '',
      limit: 6,
    });
    if (exact.length === 1 && exact[0]) return exact[0];
    if (exact.length > 1) throw ambiguous(t, exact);
  }
  const matches = await searchPatients(db, t, 6);
  const [match] = matches;
  if (!match) throw new UserError('not_found', `No patient matches "${t}".`);
  if (matches.length > 1) throw ambiguous(t, matches);
  const only = await one<PatientRow>(db, 'PatientById', { id: match.id });
  if (!only) throw new UserError('not_found', `No patient matches "${t}".`);
  return only;
}

function ambiguous(text: string, matches: PatientBrief[]): UserError {
  const shown = matches.slice(0, 5);
  const listed = shown.map(
    (m) => `${m.first_name} ${m.last_name} (${m.mrn}, born ${m.date_of_birth.toISOString().slice(0, 10)})`,
  );
  return new UserError(
    'invalid_option',
    `Several patients match "${text}": ${listed.join('; ')}${matches.length > 5 ? '; ...' : ''}. Use the MRN to choose one.`,
    {},
    shown.map((m) => m.id),
  );
}

export const patientContacts = (db: Db, id: number) =>
  many<{ name: string; relationship: string; phone: string }>(db, 'PatientContacts', { patient: id });

export const patientAllergies = (db: Db, id: number) =>
  many<{ substance: string; severity: string | null; reaction: string; criticality: string | null }>(
    db,
    'PatientAllergies',
    { patient: id },
  );

export const patientLatestTreatment = (db: Db, id: number) =>
  one<{ id: number; type: string; performed_at: Date; outcome: string }>(db, 'PatientLatestTreatment', {
    patient: id,
  });

export interface LastVisitRow {
  id: number;
  arrived_at: Date;
  arrival_mode: string;
  condition_on_arrival: string;
  triage_level: number;
  reason: string;
  departed_at: Date | null;
  decision: string | null;
  patient_status: string | null;
}
export const patientLastVisit = (db: Db, id: number) =>
  one<LastVisitRow>(db, 'PatientLastVisit', { patient: id });

export interface PrescriptionRow extends ActivePrescription {
  id: number;
}
/** Prescriptions active on a local date (YYYY-MM-DD). */
export const activePrescriptions = (db: Db, id: number, date: string) =>
  many<PrescriptionRow>(db, 'PatientActivePrescriptions', { patient: id, date });

export const upcomingAppointments = (db: Db, id: number, from: Date, limit: number) =>
  many<AppointmentRow>(db, 'PatientUpcomingAppointments', { patient: id, from, limit });
export const recentAppointments = (db: Db, id: number, before: Date, limit: number) =>
  many<AppointmentRow>(db, 'PatientRecentAppointments', { patient: id, before, limit });

export const patientHistory = (db: Db, id: number) =>
  many<{ at: Date; event: string; detail: string }>(db, 'PatientHistory', { patient: id });

export interface FrequentRow extends Omit<PatientBrief, 'date_of_birth'> {
  treatments: number;
  average: number;
  treated: number;
  total: number;
}
export const frequentlyTreated = (db: Db, from: Date, to: Date, limit: number) =>
  many<FrequentRow>(db, 'FrequentlyTreatedPatients', { from, to, limit });

export interface NeverTreatedRow extends Omit<PatientBrief, 'date_of_birth'> {
  visits: number;
  last_arrival: Date;
  total: number;
}
export const neverTreatedWith = (db: Db, type: string, from: Date, to: Date, limit: number) =>
  many<NeverTreatedRow>(db, 'PatientsNeverTreatedWith', { from, to, type, limit });
