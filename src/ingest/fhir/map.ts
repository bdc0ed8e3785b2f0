import { conceptCode, conceptText, identifierKey, personName, refTo, type Ref } from './references.ts';
import type * as F from './schemas.ts';

/**
 * Pure mapping of one validated resource to what the schema keeps, with its references still unresolved.
 * A resource the product does not use is skipped with a reason; one that cannot be stored is invalid.
 */
export type Mapped<T> = { row: T } | { skip: string } | { invalid: string };

const invalid = (reason: string) => ({ invalid: reason });
const skip = (reason: string) => ({ skip: reason });
const tooLong = (what: string, text: string, max: number) =>
  text.length > max
    ? `${what} is ${text.length} characters, longer than the ${max} the schema holds`
    : undefined;

export interface PatientRow {
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
}

/** Only the identifier typed MR is read: SSN, driver's licence and passport numbers are never stored. */
export function mapPatient(p: F.Patient): Mapped<PatientRow> {
  const mr = (p.identifier ?? []).find((i) => i.value && conceptCode(i.type) === 'MR');
  if (!mr?.value) return invalid('Patient has no identifier typed MR (the MRN)');
  const name = personName(p.name);
  if (!name) return invalid('Patient has no name (name.family or name.given)');
  const phone = (p.telecom ?? []).find((t) => t.system === 'phone' && t.value)?.value ?? null;
  const problem =
    tooLong('identifier MR', mr.value, 64) ??
    tooLong('name.given', name.first, 100) ??
    tooLong('name.family', name.last, 100) ??
    (phone === null ? undefined : tooLong('telecom phone', phone, 40));
  if (problem) return invalid(problem);
  return {
    row: {
      mrn: mr.value,
      firstName: name.first,
      lastName: name.last,
      dateOfBirth: p.birthDate,
      sex: p.gender ?? 'unknown',
      phone,
    },
  };
}

export interface DepartmentRow {
  name: string;
  identifiers: string[];
}

export function mapLocation(l: F.Location): Mapped<DepartmentRow> {
  if (l.mode === 'kind') return skip('Location is a kind of place (mode kind), not a department');
  if (!l.name?.trim()) return skip('Location has no name to file a department under');
  const problem = tooLong('Location name', l.name, 255);
  if (problem) return invalid(problem);
  const identifiers = (l.identifier ?? []).map(identifierKey).filter((k) => k !== undefined);
  return { row: { name: l.name.trim(), identifiers } };
}

export function mapOrganization(): Mapped<never> {
  return skip('Organization: the schema keeps no organizations');
}

export interface StaffRow {
  firstName: string;
  lastName: string;
  active: boolean;
  identifiers: string[];
}

export function mapPractitioner(p: F.Practitioner): Mapped<StaffRow> {
  const name = personName(p.name);
  if (!name) return invalid('Practitioner has no name (name.family or name.given)');
  const problem = tooLong('name.given', name.first, 60) ?? tooLong('name.family', name.last, 60);
  if (problem) return invalid(problem);
  const identifiers = (p.identifier ?? []).map(identifierKey).filter((k) => k !== undefined);
  return { row: { firstName: name.first, lastName: name.last, active: p.active ?? true, identifiers } };
}

export interface RoleRow {
  practitioner: Ref;
  staffType: 'physician' | 'nurse' | 'paramedic';
  specialty: string;
  location: Ref | undefined;
}

/** NUCC taxonomy: 163W/164 are nurses, 146 emergency medical services; anything else is read as a physician. */
export function mapPractitionerRole(r: F.PractitionerRole): Mapped<RoleRow> {
  const practitioner = refTo('Practitioner', r.practitioner);
  if (!practitioner) return invalid('PractitionerRole.practitioner is not a reference to a Practitioner');
  const code = conceptCode(r.code?.[0]) ?? '';
  const staffType = /^(163W|164)/.test(code) ? 'nurse' : code.startsWith('146') ? 'paramedic' : 'physician';
  const specialty = conceptText(r.specialty?.[0]) ?? conceptText(r.code?.[0]) ?? 'not recorded';
  const problem = tooLong('PractitionerRole specialty', specialty, 255);
  if (problem) return invalid(problem);
  return { row: { practitioner, staffType, specialty, location: refTo('Location', r.location?.[0]) } };
}

export interface EncounterRow {
  patient: Ref;
  cls: 'EMER' | 'IMP';
  startsAt: Date;
  endsAt: Date | null;
  reason: string;
  dischargeCode: string | null;
  /** First provider contact: the earliest practitioner participation, else the start of in-progress. */
  providerSeenAt: Date | null;
}

const INPATIENT = new Set(['IMP', 'ACUTE', 'NONAC']);

/** EMER is an ER visit; inpatient classes are kept only to mark the ER visit before them admitted. */
export function mapEncounter(e: F.Encounter): Mapped<EncounterRow> {
  const cls = e.class.code ?? '';
  if (cls !== 'EMER' && !INPATIENT.has(cls))
    return skip(`Encounter class ${cls || '(none)'} is not an ER visit`);
  if (e.status === 'cancelled' || e.status === 'entered-in-error' || e.status === 'planned')
    return skip(`Encounter status ${e.status} is not a visit that happened`);
  const patient = refTo('Patient', e.subject);
  if (!patient) return invalid('Encounter.subject is not a reference to a Patient');
  const startsAt = new Date(e.period.start);
  const endsAt = e.period.end === undefined ? null : new Date(e.period.end);
  if (endsAt && endsAt.getTime() <= startsAt.getTime())
    return invalid('Encounter period.end is not after period.start');
  const reason = conceptText(e.reasonCode?.[0]) ?? conceptText(e.type?.[0]) ?? 'not recorded';
  const dispo = e.hospitalization?.dischargeDisposition;
  return {
    row: {
      patient,
      cls: cls === 'EMER' ? 'EMER' : 'IMP',
      startsAt,
      endsAt,
      // er_visit.reason holds 255 characters; a longer reason is kept to that (it is not clinical text).
      reason: reason.slice(0, 255),
      dischargeCode: dispo ? ((conceptCode(dispo) ?? null)?.slice(0, 16) ?? null) : null,
      providerSeenAt: providerContact(e, startsAt),
    },
  };
}

export interface DiagnosisRow {
  encounter: Ref;
  code: string;
  description: string;
}

export function mapCondition(c: F.Condition): Mapped<DiagnosisRow> {
  const encounter = refTo('Encounter', c.encounter);
  if (!encounter) return skip('Condition refers to no Encounter');
  const code = conceptCode(c.code);
  const description = conceptText(c.code);
  if (!code || !description) return invalid('Condition.code has no coding with a code');
  const problem = tooLong('Condition code', code, 20) ?? tooLong('Condition text', description, 255);
  if (problem) return invalid(problem);
  return { row: { encounter, code, description } };
}

export interface AllergyRow {
  patient: Ref;
  substance: string;
  severity: 'mild' | 'moderate' | 'severe' | null;
  reaction: string;
  criticality: 'low' | 'high' | 'unable-to-assess' | null;
}

const SEVERITY_ORDER = ['mild', 'moderate', 'severe'] as const;

/** The reaction is every manifestation (and description) of every reaction, joined, never cut. */
export function mapAllergy(a: F.AllergyIntolerance): Mapped<AllergyRow> {
  const status = conceptCode(a.verificationStatus);
  if (status === 'entered-in-error' || status === 'refuted')
    return skip(`AllergyIntolerance verification ${status} is not an allergy`);
  const patient = refTo('Patient', a.patient);
  if (!patient) return invalid('AllergyIntolerance.patient is not a reference to a Patient');
  const substance = conceptText(a.code);
  if (!substance) return invalid('AllergyIntolerance.code names no substance');
  const problem = tooLong('AllergyIntolerance substance', substance, 255);
  if (problem) return invalid(problem);
  const reactions = a.reaction ?? [];
  const texts = reactions.flatMap((r) => [
    ...(r.manifestation ?? []).map(conceptText).filter((t) => t !== undefined),
    ...(r.description ? [r.description] : []),
  ]);
  const severities = reactions.map((r) => SEVERITY_ORDER.indexOf(r.severity ?? ('' as 'mild')));
  const worst = Math.max(-1, ...severities);
  return {
    row: {
      patient,
      substance,
      severity: worst < 0 ? null : (SEVERITY_ORDER[worst] ?? null),
      reaction: texts.join('; '),
      criticality: a.criticality ?? null,
    },
  };
}

/**
 * When a provider first saw the patient of an Encounter: the earliest start of a Practitioner's (or
 * PractitionerRole's) participation, else of its in-progress status; none before the arrival. NULL when
 * the export carries neither (the ED measures then leave the visit out of door to provider).
 */
function providerContact(e: F.Encounter, arrived: Date): Date | null {
  const starts = (e.participant ?? [])
    .filter((p) => /^Practitioner/.test(p.individual?.reference ?? ''))
    .map((p) => p.period?.start);
  const seen =
    starts.length > 0
      ? starts
      : (e.statusHistory ?? []).filter((h) => h.status === 'in-progress').map((h) => h.period.start);
  const times = seen
    .flatMap((s) => (s === undefined ? [] : [Date.parse(s)]))
    .filter((t) => t >= arrived.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}
