import { idsByFhirId, knownEncounters, medicationIds, upsert } from './fhir.queries.ts';
import type { AllergyRow, DiagnosisRow, EncounterRow } from './map.ts';
import type { AppointmentRow, PrescriptionRow } from './map-orders.ts';
import { refsOf, usable, type WriteResult, type Writer } from './write.ts';

export const writeEncounters: Writer<EncounterRow> = async (conn, items) => {
  const result: WriteResult = { notUsed: new Map() };
  const patientOf = await refsOf(conn, 'Patient', items, (r) => r.patient, result, true);
  const ok = usable(items, result);
  const visits = ok.filter((i) => i.row.cls === 'EMER');
  await upsert(
    conn,
    'er_visit',
    ['patient_id', 'arrived_at', 'reason', 'departed_at', 'provider_seen_at', 'fhir_id'],
    visits.map(({ fhirId, row: r }) => [
      patientOf(r),
      r.startsAt,
      r.reason,
      r.endsAt,
      r.providerSeenAt,
      fhirId,
    ]),
    ['patient_id', 'arrived_at', 'reason', 'departed_at', 'provider_seen_at'],
  );
  const visitIds = await idsByFhirId(
    conn,
    'er_visit',
    visits.map((i) => i.fhirId),
  );
  await upsert(
    conn,
    'fhir_encounter',
    ['fhir_id', 'patient_id', 'class', 'starts_at', 'ends_at', 'discharge_code', 'visit_id'],
    ok.map(({ fhirId, row: r }) => [
      fhirId,
      patientOf(r),
      r.cls,
      r.startsAt,
      r.endsAt,
      r.dischargeCode,
      visitIds.get(fhirId) ?? null,
    ]),
    ['patient_id', 'class', 'starts_at', 'ends_at', 'discharge_code', 'visit_id'],
  );
  return result;
};

export const writeConditions: Writer<DiagnosisRow> = async (conn, items) => {
  const result: WriteResult = { notUsed: new Map() };
  const known = await knownEncounters(
    conn,
    items.flatMap((i) => (i.row.encounter.by === 'id' ? [i.row.encounter.id] : [])),
  );
  const visitOf = (r: DiagnosisRow) => (r.encounter.by === 'id' ? known.get(r.encounter.id) : undefined);
  for (const i of items) {
    const encounter = visitOf(i.row);
    if (!encounter) result.notUsed.set(i.fhirId, { skip: 'Condition is not about an ER visit' });
    else if (encounter.visitId === null)
      result.notUsed.set(i.fhirId, { skip: 'Condition is about an inpatient stay, not an ER visit' });
  }
  await upsert(
    conn,
    'diagnosis',
    ['visit_id', 'code', 'description', 'fhir_id'],
    usable(items, result).map(({ fhirId, row: r }) => [
      visitOf(r)?.visitId ?? null,
      r.code,
      r.description,
      fhirId,
    ]),
    ['visit_id', 'code', 'description'],
  );
  return result;
};

export const writeAllergies: Writer<AllergyRow> = async (conn, items) => {
  const result: WriteResult = { notUsed: new Map() };
  const patientOf = await refsOf(conn, 'Patient', items, (r) => r.patient, result, true);
  const columns = ['patient_id', 'substance', 'severity', 'reaction', 'criticality', 'fhir_id'];
  await upsert(
    conn,
    'allergy',
    columns,
    usable(items, result).map(({ fhirId, row: r }) => [
      patientOf(r),
      r.substance,
      r.severity,
      r.reaction,
      r.criticality,
      fhirId,
    ]),
    columns.slice(0, -1),
  );
  return result;
};

export const writePrescriptions: Writer<PrescriptionRow> = async (conn, items) => {
  const result: WriteResult = { notUsed: new Map() };
  const patientOf = await refsOf(conn, 'Patient', items, (r) => r.patient, result, true);
  const staffOf = await refsOf(conn, 'Practitioner', items, (r) => r.requester, result, false);
  const ok = usable(items, result);
  const visits = await knownEncounters(
    conn,
    ok.flatMap((i) => (i.row.encounter?.by === 'id' ? [i.row.encounter.id] : [])),
  );
  const visitOf = (r: PrescriptionRow) =>
    r.encounter?.by === 'id' ? (visits.get(r.encounter.id)?.visitId ?? null) : null;
  const medications = await medicationIds(
    conn,
    ok.map((i) => i.row.medication),
  );
  const columns = [
    'patient_id',
    'visit_id',
    'staff_id',
    'medication_id',
    'dose',
    'frequency',
    'starts_on',
    'ends_on',
    'status',
    'fhir_id',
  ];
  await upsert(
    conn,
    'prescription',
    columns,
    ok.map(({ fhirId, row: r }) => [
      patientOf(r),
      visitOf(r),
      staffOf(r),
      medications.get(r.medication) ?? null,
      r.dose,
      r.frequency,
      r.startsOn,
      r.endsOn,
      r.status,
      fhirId,
    ]),
    columns.slice(0, -1),
  );
  return result;
};

export const writeAppointments: Writer<AppointmentRow> = async (conn, items) => {
  const result: WriteResult = { notUsed: new Map() };
  const patientOf = await refsOf(conn, 'Patient', items, (r) => r.patient, result, true);
  const staffOf = await refsOf(conn, 'Practitioner', items, (r) => r.practitioner, result, false);
  const departmentOf = await refsOf(conn, 'Location', items, (r) => r.location, result, false);
  const columns = [
    'patient_id',
    'staff_id',
    'department_id',
    'starts_at',
    'ends_at',
    'status',
    'reason',
    'fhir_id',
  ];
  await upsert(
    conn,
    'appointment',
    columns,
    usable(items, result).map(({ fhirId, row: r }) => [
      patientOf(r),
      staffOf(r),
      departmentOf(r),
      r.startsAt,
      r.endsAt,
      r.status,
      r.reason,
      fhirId,
    ]),
    columns.slice(0, -1),
  );
  return result;
};
