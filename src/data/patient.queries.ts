import * as sql from './sql/patient.generated.ts';
import { UserError } from '../core/errors.ts';
import { nameParts } from '../core/names.ts';
import { likePattern, type Db } from './queries.ts';

export type PatientRow = sql.PatientByIdRow;

export type PatientBrief = Pick<PatientRow, 'id' | 'mrn' | 'first_name' | 'last_name' | 'date_of_birth'>;

/** A patient whose name matched: identifiers only, and how many matched in all. */
export type SearchRow = sql.SearchPatientsRow;

/** Patients whose first or last name contains the text, or who have the full name typed (see nameParts). */
export function searchPatients(db: Db, text: string, limit: number): Promise<SearchRow[]> {
  const full = nameParts(text);
  return sql.searchPatients(db, {
    pattern: likePattern(text.trim()),
    first: full ? likePattern(full.first) : null,
    last: full ? likePattern(full.last) : null,
    eitherOrder: full?.eitherOrder ?? false,
    limit,
  });
}

/** At most 25 patients for autocomplete: by MRN or id prefix when the text looks like one, else by name prefix. */
export async function patientSuggestions(db: Db, text: string): Promise<PatientBrief[]> {
  const t = text.trim();
  if (t === '') return [];
  if (/^(mrn)?\d+$/i.test(t)) {
    const digits = t.replace(/^mrn/i, '');
    const byMrn = await sql.patientMrnPrefix(db, {
      prefix: likePattern(`MRN${digits}`, 'prefix'),
    });
    // Plain digits may also be a patient id.
    const byId = /^\d+$/.test(t) ? await sql.patientById(db, { id: Number(t) }) : undefined;
    return byId && !byMrn.some((p) => p.id === byId.id) ? [byId, ...byMrn].slice(0, 25) : byMrn;
  }
  return sql.patientNamePrefix(db, { prefix: likePattern(t, 'prefix') });
}

/**
 * The one patient an option names: an MRN (MRN1000042), an id (42), or a name that matches exactly one
 * patient ("Ann Lee", "Lee, Ann", or part of a name). Anything else is a clear error.
 */
export async function resolvePatient(db: Db, text: string): Promise<PatientRow> {
  const t = text.trim();
  if (/^mrn\d+$/i.test(t)) {
    const p = await sql.patientByMrn(db, { mrn: t.toUpperCase() });
    if (!p) throw new UserError('not_found', `No patient has MRN ${t.toUpperCase()}.`);
    return p;
  }
  if (/^\d+$/.test(t)) {
    const p = await sql.patientById(db, { id: Number(t) });
    if (!p) throw new UserError('not_found', `No patient has id ${t}.`);
    return p;
  }
  // An MRN from a hospital feed may be any identifier (a UUID in FHIR exports): an exact match wins.
  if (!/[\s,]/.test(t)) {
    const p = await sql.patientByMrn(db, { mrn: t });
    if (p) return p;
  }
  const full = nameParts(t);
  if (full) {
    const exact = await sql.patientsByFullName(db, { first: full.first, last: full.last, limit: 6 });
    if (exact.length === 1 && exact[0]) return exact[0];
    if (exact.length > 1) throw ambiguous(t, exact);
  }
  const matches = await searchPatients(db, t, 6);
  const [match] = matches;
  if (!match) throw new UserError('not_found', `No patient matches "${t}".`);
  if (matches.length > 1) throw ambiguous(t, matches);
  const only = await sql.patientById(db, { id: match.id });
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

export const patientContacts = (db: Db, id: number) => sql.patientContacts(db, { patient: id });

export const patientAllergies = (db: Db, id: number) => sql.patientAllergies(db, { patient: id });

export const patientLatestTreatment = (db: Db, id: number) =>
  sql.patientLatestTreatment(db, {
    patient: id,
  });

export type LastVisitRow = sql.PatientLastVisitRow;
export const patientLastVisit = (db: Db, id: number) => sql.patientLastVisit(db, { patient: id });

export type PrescriptionRow = sql.PatientActivePrescriptionsRow;
/** Prescriptions active on a local date (YYYY-MM-DD). */
export const activePrescriptions = (db: Db, id: number, date: string) =>
  sql.patientActivePrescriptions(db, { patient: id, date });

export const upcomingAppointments = (db: Db, id: number, from: Date, limit: number) =>
  sql.patientUpcomingAppointments(db, { patient: id, from, limit });
export const recentAppointments = (db: Db, id: number, before: Date, limit: number) =>
  sql.patientRecentAppointments(db, { patient: id, before, limit });

export const patientHistory = (db: Db, id: number) => sql.patientHistory(db, { patient: id });

export type FrequentRow = sql.FrequentlyTreatedPatientsRow;
export const frequentlyTreated = (db: Db, from: Date, to: Date, limit: number) =>
  sql.frequentlyTreatedPatients(db, { from, to, limit });

export type NeverTreatedRow = sql.PatientsNeverTreatedWithRow;
export const neverTreatedWith = (db: Db, type: string, from: Date, to: Date, limit: number) =>
  sql.patientsNeverTreatedWith(db, { from, to, type, limit });
