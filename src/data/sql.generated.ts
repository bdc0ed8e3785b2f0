// Generated from sql/queries/*.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/unit/sql-codegen.test.ts fails while this file is out of date).
import type { SqlValue } from './sql-source.ts';

/** Every named query: the file it is in, what it returns, and its parameters. */
export const QUERIES = {
  AlertCensus: { file: 'alerts.sql', kind: 'one', params: ['at'] },
  AlertWaiting: { file: 'alerts.sql', kind: 'one', params: ['arrivedBy', 'at'] },
  AlertHighDispatches: { file: 'alerts.sql', kind: 'one', params: ['from', 'at'] },
  AlertRuleStates: { file: 'alerts.sql', kind: 'many', params: ['channel'] },
  InsertAlertRuleState: { file: 'alerts.sql', kind: 'execrows', params: ['channel', 'rule'] },
  UpdateAlertRuleState: {
    file: 'alerts.sql',
    kind: 'execrows',
    params: [
      'state',
      'transitions',
      'clearSince',
      'measured',
      'now',
      'firedAt',
      'clearedAt',
      'id',
      'seenVersion',
    ],
  },
  InsertAlertPost: {
    file: 'alerts.sql',
    kind: 'exec',
    params: [
      'channel',
      'rule',
      'seq',
      'kind',
      'happenedAt',
      'firedAt',
      'measured',
      'threshold',
      'instance',
      'now',
    ],
  },
  AlertPostIdBySeq: { file: 'alerts.sql', kind: 'one', params: ['channel', 'rule', 'seq'] },
  AlertPostById: { file: 'alerts.sql', kind: 'one', params: ['id'] },
  StaleAlertPosts: { file: 'alerts.sql', kind: 'many', params: ['channel', 'staleBefore'] },
  NewerAlertPosted: { file: 'alerts.sql', kind: 'one', params: ['channel', 'rule', 'seq'] },
  SupersedeAlertPost: { file: 'alerts.sql', kind: 'execrows', params: ['id', 'instance'] },
  LastAlertPosts: { file: 'alerts.sql', kind: 'many', params: ['channel'] },
  DaySchedule: {
    file: 'appointments.sql',
    kind: 'many',
    params: ['from', 'to', 'department', 'staffId', 'limit'],
  },
  LockAuditChainHead: { file: 'audit.sql', kind: 'one', params: [] },
  InsertAuditEvent: {
    file: 'audit.sql',
    kind: 'exec',
    params: [
      'occurredAt',
      'source',
      'actorId',
      'actorRoles',
      'guildId',
      'channelId',
      'command',
      'options',
      'patientIds',
      'rowCount',
      'outcome',
      'latencyMs',
      'interactionId',
      'detail',
      'prevHash',
      'hash',
    ],
  },
  InsertedAuditEvent: { file: 'audit.sql', kind: 'one', params: [] },
  AdvanceAuditChainHead: { file: 'audit.sql', kind: 'exec', params: ['lastEventId', 'hash'] },
  AuditChainHead: { file: 'audit.sql', kind: 'one', params: [] },
  AuditChainPage: { file: 'audit.sql', kind: 'many', params: ['after', 'limit'] },
  AuditChainLinkBefore: { file: 'audit.sql', kind: 'one', params: ['headId', 'back'] },
  AuditRowCount: { file: 'audit.sql', kind: 'one', params: [] },
  RecentAuditEvents: { file: 'audit.sql', kind: 'many', params: ['actorId', 'patientId', 'limit'] },
  DischargeFollowUps: { file: 'care.sql', kind: 'many', params: ['from', 'to'] },
  CareGaps: { file: 'care.sql', kind: 'many', params: ['from', 'to', 'now', 'limit'] },
  AppointmentOutcomes: { file: 'care.sql', kind: 'many', params: ['from', 'to', 'now'] },
  PrescriptionsEnding: { file: 'care.sql', kind: 'many', params: ['today', 'lastDay', 'limit'] },
  ArrivalsByCondition: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  LatestTreatmentPerPatient: { file: 'er.sql', kind: 'many', params: ['from', 'to', 'limit'] },
  DispatchesBetween: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  FirstCallsOfDispatches: { file: 'er.sql', kind: 'many', params: ['lo', 'hi'] },
  UnitsOnSceneOfDispatches: { file: 'er.sql', kind: 'many', params: ['lo', 'hi'] },
  AmbulanceTypes: { file: 'er.sql', kind: 'many', params: [] },
  TransportsOfDispatches: { file: 'er.sql', kind: 'many', params: ['lo', 'hi'] },
  ArrivalsOfTransports: { file: 'er.sql', kind: 'many', params: ['lo', 'hi'] },
  DispositionCounts: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  ArrivalBuckets: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  TreatmentBuckets: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  DispositionBuckets: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  CensusByCondition: { file: 'er.sql', kind: 'many', params: ['at'] },
  CensusLongestWaits: { file: 'er.sql', kind: 'many', params: ['at'] },
  LengthOfStay: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  SymptomMatches: { file: 'er.sql', kind: 'many', params: ['pattern', 'from', 'to', 'limit'] },
  AssessmentsPerPatient: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  TreatmentsByType: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  CallCount: { file: 'er.sql', kind: 'one', params: ['from', 'to'] },
  DispatchesBySeverity: { file: 'er.sql', kind: 'many', params: ['from', 'to'] },
  PatientNamesByIds: { file: 'er.sql', kind: 'many', params: ['ids'] },
  FlowVisits: { file: 'flow.sql', kind: 'many', params: ['from', 'to'] },
  ReturnVisits: { file: 'flow.sql', kind: 'many', params: ['from', 'to'] },
  ReturnCandidates: { file: 'flow.sql', kind: 'many', params: ['from', 'to'] },
  Hl7BatchOutcomes: { file: 'hl7-batch.sql', kind: 'many', params: ['senders', 'controlIds'] },
  Hl7BatchPatients: { file: 'hl7-batch.sql', kind: 'many', params: ['mrns'] },
  Hl7BatchVisits: { file: 'hl7-batch.sql', kind: 'many', params: ['authorities', 'visitNumbers'] },
  Hl7BatchInsertPatients: {
    file: 'hl7-batch.sql',
    kind: 'exec',
    params: ['mrn', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'phone'],
  },
  Hl7BatchSavePatients: {
    file: 'hl7-batch.sql',
    kind: 'exec',
    params: ['id', 'mrn', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'phone'],
  },
  Hl7BatchSavePatientTimes: { file: 'hl7-batch.sql', kind: 'exec', params: ['patientId', 'fieldTimes'] },
  Hl7BatchInsertVisits: {
    file: 'hl7-batch.sql',
    kind: 'exec',
    params: ['patientId', 'arrivedAt', 'reason', 'departedAt'],
  },
  Hl7BatchSaveVisits: {
    file: 'hl7-batch.sql',
    kind: 'exec',
    params: ['id', 'patientId', 'arrivedAt', 'reason', 'departedAt'],
  },
  Hl7BatchSaveVisitKeys: {
    file: 'hl7-batch.sql',
    kind: 'exec',
    params: ['authority', 'visitNumber', 'visitId', 'fieldTimes', 'cancelledAt'],
  },
  Hl7BatchSaveDecisions: {
    file: 'hl7-batch.sql',
    kind: 'exec',
    params: ['visitId', 'patientId', 'decidedAt', 'decision'],
  },
  Hl7BatchDeleteDecisions: { file: 'hl7-batch.sql', kind: 'exec', params: ['visitIds'] },
  Hl7BatchSaveMessages: {
    file: 'hl7-batch.sql',
    kind: 'exec',
    params: [
      'sender',
      'controlId',
      'messageType',
      'eventAt',
      'receivedAt',
      'outcome',
      'errorField',
      'errorReason',
      'raw',
    ],
  },
  Hl7MessageOutcome: { file: 'hl7.sql', kind: 'one', params: ['sender', 'controlId'] },
  SaveHl7Message: {
    file: 'hl7.sql',
    kind: 'exec',
    params: [
      'sender',
      'controlId',
      'messageType',
      'eventAt',
      'receivedAt',
      'outcome',
      'errorField',
      'errorReason',
      'raw',
    ],
  },
  PurgeHl7Messages: { file: 'hl7.sql', kind: 'execrows', params: ['before'] },
  Hl7PatientByMrn: { file: 'hl7.sql', kind: 'one', params: ['mrn'] },
  Hl7InsertPatient: {
    file: 'hl7.sql',
    kind: 'exec',
    params: ['mrn', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'phone'],
  },
  Hl7UpdatePatient: {
    file: 'hl7.sql',
    kind: 'exec',
    params: ['firstName', 'lastName', 'dateOfBirth', 'sex', 'phone', 'id'],
  },
  Hl7ChangeMrn: { file: 'hl7.sql', kind: 'exec', params: ['mrn', 'id'] },
  Hl7SavePatientTimes: { file: 'hl7.sql', kind: 'exec', params: ['patientId', 'fieldTimes'] },
  Hl7VisitByNumber: { file: 'hl7.sql', kind: 'one', params: ['authority', 'visitNumber'] },
  Hl7SaveVisitKey: {
    file: 'hl7.sql',
    kind: 'exec',
    params: ['authority', 'visitNumber', 'visitId', 'fieldTimes', 'cancelledAt'],
  },
  Hl7InsertVisit: {
    file: 'hl7.sql',
    kind: 'exec',
    params: ['patientId', 'arrivedAt', 'reason', 'departedAt'],
  },
  Hl7UpdateVisit: {
    file: 'hl7.sql',
    kind: 'exec',
    params: ['patientId', 'arrivedAt', 'reason', 'departedAt', 'id'],
  },
  Hl7SaveDecision: {
    file: 'hl7.sql',
    kind: 'exec',
    params: ['visitId', 'patientId', 'decidedAt', 'decision'],
  },
  Hl7DeleteDecision: { file: 'hl7.sql', kind: 'exec', params: ['visitId'] },
  Hl7AddDiagnosis: { file: 'hl7.sql', kind: 'exec', params: ['visitId', 'code', 'description'] },
  Hl7DeleteDiagnoses: { file: 'hl7.sql', kind: 'exec', params: ['visitId'] },
  Hl7DeleteVisit: { file: 'hl7.sql', kind: 'exec', params: ['id'] },
  Hl7UpdateAllergy: {
    file: 'hl7.sql',
    kind: 'execrows',
    params: ['severity', 'reaction', 'patientId', 'substance'],
  },
  Hl7InsertAllergy: {
    file: 'hl7.sql',
    kind: 'exec',
    params: ['patientId', 'substance', 'severity', 'reaction'],
  },
  Hl7MoveContacts: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MoveAllergies: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MoveTransports: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MoveAssessments: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MoveVisits: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MoveTreatments: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MoveDecisions: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MoveAppointments: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MovePrescriptions: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7MoveCalls: { file: 'hl7.sql', kind: 'exec', params: ['survivor', 'prior'] },
  Hl7DropCalls: { file: 'hl7.sql', kind: 'exec', params: ['prior'] },
  Hl7DeletePatient: { file: 'hl7.sql', kind: 'exec', params: ['id'] },
  TopMedications: { file: 'meds.sql', kind: 'many', params: ['fromDate', 'toDate', 'limit'] },
  DataOverview: { file: 'overview.sql', kind: 'one', params: [] },
  LatestMigration: { file: 'overview.sql', kind: 'one', params: [] },
  AddPageState: {
    file: 'pages.sql',
    kind: 'exec',
    params: ['id', 'userId', 'command', 'body', 'bytes', 'now', 'expiresAt'],
  },
  GetPageState: { file: 'pages.sql', kind: 'one', params: ['id', 'now'] },
  TouchPageState: { file: 'pages.sql', kind: 'exec', params: ['now', 'id'] },
  DeleteExpiredPageStates: { file: 'pages.sql', kind: 'execrows', params: ['now'] },
  EvictPageStates: { file: 'pages.sql', kind: 'execrows', params: ['maxEntries', 'maxBytes'] },
  PageStateTotals: { file: 'pages.sql', kind: 'one', params: [] },
  ClaimInteraction: { file: 'pages.sql', kind: 'execrows', params: ['interactionId', 'instance', 'now'] },
  DeleteOldInteractionClaims: { file: 'pages.sql', kind: 'execrows', params: ['before'] },
  SearchPatients: { file: 'patient.sql', kind: 'many', params: ['pattern', 'limit'] },
  PatientNamePrefix: { file: 'patient.sql', kind: 'many', params: ['prefix'] },
  PatientMrnPrefix: { file: 'patient.sql', kind: 'many', params: ['prefix'] },
  PatientById: { file: 'patient.sql', kind: 'one', params: ['id'] },
  PatientByMrn: { file: 'patient.sql', kind: 'one', params: ['mrn'] },
  PatientsByFullName: { file: 'patient.sql', kind: 'many', params: ['first', 'last', 'limit'] },
  PatientContacts: { file: 'patient.sql', kind: 'many', params: ['patient'] },
  PatientAllergies: { file: 'patient.sql', kind: 'many', params: ['patient'] },
  PatientLatestTreatment: { file: 'patient.sql', kind: 'one', params: ['patient'] },
  PatientLastVisit: { file: 'patient.sql', kind: 'one', params: ['patient'] },
  PatientActivePrescriptions: { file: 'patient.sql', kind: 'many', params: ['patient', 'date'] },
  PatientUpcomingAppointments: { file: 'patient.sql', kind: 'many', params: ['patient', 'from', 'limit'] },
  PatientRecentAppointments: { file: 'patient.sql', kind: 'many', params: ['patient', 'before', 'limit'] },
  PatientHistory: { file: 'patient.sql', kind: 'many', params: ['patient'] },
  FrequentlyTreatedPatients: { file: 'patient.sql', kind: 'many', params: ['from', 'to', 'limit'] },
  PatientsNeverTreatedWith: { file: 'patient.sql', kind: 'many', params: ['from', 'to', 'type', 'limit'] },
  TakeOverSummaryPost: {
    file: 'post-ledger.sql',
    kind: 'execrows',
    params: ['instance', 'now', 'id', 'seenState', 'seenInstance', 'seenAt'],
  },
  TakeOverAlertPost: {
    file: 'post-ledger.sql',
    kind: 'execrows',
    params: ['instance', 'now', 'id', 'seenState', 'seenInstance', 'seenAt'],
  },
  CompleteSummaryPost: {
    file: 'post-ledger.sql',
    kind: 'execrows',
    params: ['messageId', 'now', 'id', 'instance'],
  },
  CompleteAlertPost: {
    file: 'post-ledger.sql',
    kind: 'execrows',
    params: ['messageId', 'now', 'id', 'instance'],
  },
  FailSummaryPost: {
    file: 'post-ledger.sql',
    kind: 'execrows',
    params: ['status', 'error', 'id', 'instance'],
  },
  FailAlertPost: { file: 'post-ledger.sql', kind: 'execrows', params: ['status', 'error', 'id', 'instance'] },
  CountRateLimitHit: { file: 'rate-limit.sql', kind: 'exec', params: ['bucket', 'actorId', 'windowMs'] },
  RateLimitState: { file: 'rate-limit.sql', kind: 'one', params: ['bucket', 'actorId'] },
  DeleteEndedRateLimits: { file: 'rate-limit.sql', kind: 'execrows', params: [] },
  PhysicianSpecialties: { file: 'staff.sql', kind: 'many', params: [] },
  PhysicianWorkload: { file: 'staff.sql', kind: 'many', params: ['from', 'to'] },
  NurseWorkload: { file: 'staff.sql', kind: 'many', params: ['from', 'to'] },
  OnShift: { file: 'staff.sql', kind: 'many', params: ['at', 'department'] },
  Departments: { file: 'staff.sql', kind: 'many', params: [] },
  StaffByName: { file: 'staff.sql', kind: 'many', params: ['pattern'] },
  StaffById: { file: 'staff.sql', kind: 'one', params: ['id'] },
  Fleet: { file: 'staff.sql', kind: 'many', params: ['at'] },
  ClaimSummaryPost: {
    file: 'summary-post.sql',
    kind: 'execrows',
    params: ['channel', 'date', 'instance', 'now'],
  },
  GetSummaryPost: { file: 'summary-post.sql', kind: 'one', params: ['channel', 'date'] },
  CensusCount: { file: 'summary.sql', kind: 'one', params: ['at'] },
} as const;

export type QueryName = keyof typeof QUERIES;

/**
 * What each query is given: an object of its named parameters, or nothing. (A fixed-length list only
 * for SQL still written with ? placeholders.)
 */
export interface QueryParams {
  AlertCensus: { at: SqlValue };
  AlertWaiting: { arrivedBy: SqlValue; at: SqlValue };
  AlertHighDispatches: { from: SqlValue; at: SqlValue };
  AlertRuleStates: { channel: SqlValue };
  InsertAlertRuleState: { channel: SqlValue; rule: SqlValue };
  UpdateAlertRuleState: {
    state: SqlValue;
    transitions: SqlValue;
    clearSince: SqlValue;
    measured: SqlValue;
    now: SqlValue;
    firedAt: SqlValue;
    clearedAt: SqlValue;
    id: SqlValue;
    seenVersion: SqlValue;
  };
  InsertAlertPost: {
    channel: SqlValue;
    rule: SqlValue;
    seq: SqlValue;
    kind: SqlValue;
    happenedAt: SqlValue;
    firedAt: SqlValue;
    measured: SqlValue;
    threshold: SqlValue;
    instance: SqlValue;
    now: SqlValue;
  };
  AlertPostIdBySeq: { channel: SqlValue; rule: SqlValue; seq: SqlValue };
  AlertPostById: { id: SqlValue };
  StaleAlertPosts: { channel: SqlValue; staleBefore: SqlValue };
  NewerAlertPosted: { channel: SqlValue; rule: SqlValue; seq: SqlValue };
  SupersedeAlertPost: { id: SqlValue; instance: SqlValue };
  LastAlertPosts: { channel: SqlValue };
  DaySchedule: { from: SqlValue; to: SqlValue; department: SqlValue; staffId: SqlValue; limit: SqlValue };
  LockAuditChainHead: null;
  InsertAuditEvent: {
    occurredAt: SqlValue;
    source: SqlValue;
    actorId: SqlValue;
    actorRoles: SqlValue;
    guildId: SqlValue;
    channelId: SqlValue;
    command: SqlValue;
    options: SqlValue;
    patientIds: SqlValue;
    rowCount: SqlValue;
    outcome: SqlValue;
    latencyMs: SqlValue;
    interactionId: SqlValue;
    detail: SqlValue;
    prevHash: SqlValue;
    hash: SqlValue;
  };
  InsertedAuditEvent: null;
  AdvanceAuditChainHead: { lastEventId: SqlValue; hash: SqlValue };
  AuditChainHead: null;
  AuditChainPage: { after: SqlValue; limit: SqlValue };
  AuditChainLinkBefore: { headId: SqlValue; back: SqlValue };
  AuditRowCount: null;
  RecentAuditEvents: { actorId: SqlValue; patientId: SqlValue; limit: SqlValue };
  DischargeFollowUps: { from: SqlValue; to: SqlValue };
  CareGaps: { from: SqlValue; to: SqlValue; now: SqlValue; limit: SqlValue };
  AppointmentOutcomes: { from: SqlValue; to: SqlValue; now: SqlValue };
  PrescriptionsEnding: { today: SqlValue; lastDay: SqlValue; limit: SqlValue };
  ArrivalsByCondition: { from: SqlValue; to: SqlValue };
  LatestTreatmentPerPatient: { from: SqlValue; to: SqlValue; limit: SqlValue };
  DispatchesBetween: { from: SqlValue; to: SqlValue };
  FirstCallsOfDispatches: { lo: SqlValue; hi: SqlValue };
  UnitsOnSceneOfDispatches: { lo: SqlValue; hi: SqlValue };
  AmbulanceTypes: null;
  TransportsOfDispatches: { lo: SqlValue; hi: SqlValue };
  ArrivalsOfTransports: { lo: SqlValue; hi: SqlValue };
  DispositionCounts: { from: SqlValue; to: SqlValue };
  ArrivalBuckets: { from: SqlValue; to: SqlValue };
  TreatmentBuckets: { from: SqlValue; to: SqlValue };
  DispositionBuckets: { from: SqlValue; to: SqlValue };
  CensusByCondition: { at: SqlValue };
  CensusLongestWaits: { at: SqlValue };
  LengthOfStay: { from: SqlValue; to: SqlValue };
  SymptomMatches: { pattern: SqlValue; from: SqlValue; to: SqlValue; limit: SqlValue };
  AssessmentsPerPatient: { from: SqlValue; to: SqlValue };
  TreatmentsByType: { from: SqlValue; to: SqlValue };
  CallCount: { from: SqlValue; to: SqlValue };
  DispatchesBySeverity: { from: SqlValue; to: SqlValue };
  PatientNamesByIds: { ids: SqlValue };
  FlowVisits: { from: SqlValue; to: SqlValue };
  ReturnVisits: { from: SqlValue; to: SqlValue };
  ReturnCandidates: { from: SqlValue; to: SqlValue };
  Hl7BatchOutcomes: { senders: SqlValue; controlIds: SqlValue };
  Hl7BatchPatients: { mrns: SqlValue };
  Hl7BatchVisits: { authorities: SqlValue; visitNumbers: SqlValue };
  Hl7BatchInsertPatients: {
    mrn: SqlValue;
    firstName: SqlValue;
    lastName: SqlValue;
    dateOfBirth: SqlValue;
    sex: SqlValue;
    phone: SqlValue;
  };
  Hl7BatchSavePatients: {
    id: SqlValue;
    mrn: SqlValue;
    firstName: SqlValue;
    lastName: SqlValue;
    dateOfBirth: SqlValue;
    sex: SqlValue;
    phone: SqlValue;
  };
  Hl7BatchSavePatientTimes: { patientId: SqlValue; fieldTimes: SqlValue };
  Hl7BatchInsertVisits: { patientId: SqlValue; arrivedAt: SqlValue; reason: SqlValue; departedAt: SqlValue };
  Hl7BatchSaveVisits: {
    id: SqlValue;
    patientId: SqlValue;
    arrivedAt: SqlValue;
    reason: SqlValue;
    departedAt: SqlValue;
  };
  Hl7BatchSaveVisitKeys: {
    authority: SqlValue;
    visitNumber: SqlValue;
    visitId: SqlValue;
    fieldTimes: SqlValue;
    cancelledAt: SqlValue;
  };
  Hl7BatchSaveDecisions: { visitId: SqlValue; patientId: SqlValue; decidedAt: SqlValue; decision: SqlValue };
  Hl7BatchDeleteDecisions: { visitIds: SqlValue };
  Hl7BatchSaveMessages: {
    sender: SqlValue;
    controlId: SqlValue;
    messageType: SqlValue;
    eventAt: SqlValue;
    receivedAt: SqlValue;
    outcome: SqlValue;
    errorField: SqlValue;
    errorReason: SqlValue;
    raw: SqlValue;
  };
  Hl7MessageOutcome: { sender: SqlValue; controlId: SqlValue };
  SaveHl7Message: {
    sender: SqlValue;
    controlId: SqlValue;
    messageType: SqlValue;
    eventAt: SqlValue;
    receivedAt: SqlValue;
    outcome: SqlValue;
    errorField: SqlValue;
    errorReason: SqlValue;
    raw: SqlValue;
  };
  PurgeHl7Messages: { before: SqlValue };
  Hl7PatientByMrn: { mrn: SqlValue };
  Hl7InsertPatient: {
    mrn: SqlValue;
    firstName: SqlValue;
    lastName: SqlValue;
    dateOfBirth: SqlValue;
    sex: SqlValue;
    phone: SqlValue;
  };
  Hl7UpdatePatient: {
    firstName: SqlValue;
    lastName: SqlValue;
    dateOfBirth: SqlValue;
    sex: SqlValue;
    phone: SqlValue;
    id: SqlValue;
  };
  Hl7ChangeMrn: { mrn: SqlValue; id: SqlValue };
  Hl7SavePatientTimes: { patientId: SqlValue; fieldTimes: SqlValue };
  Hl7VisitByNumber: { authority: SqlValue; visitNumber: SqlValue };
  Hl7SaveVisitKey: {
    authority: SqlValue;
    visitNumber: SqlValue;
    visitId: SqlValue;
    fieldTimes: SqlValue;
    cancelledAt: SqlValue;
  };
  Hl7InsertVisit: { patientId: SqlValue; arrivedAt: SqlValue; reason: SqlValue; departedAt: SqlValue };
  Hl7UpdateVisit: {
    patientId: SqlValue;
    arrivedAt: SqlValue;
    reason: SqlValue;
    departedAt: SqlValue;
    id: SqlValue;
  };
  Hl7SaveDecision: { visitId: SqlValue; patientId: SqlValue; decidedAt: SqlValue; decision: SqlValue };
  Hl7DeleteDecision: { visitId: SqlValue };
  Hl7AddDiagnosis: { visitId: SqlValue; code: SqlValue; description: SqlValue };
  Hl7DeleteDiagnoses: { visitId: SqlValue };
  Hl7DeleteVisit: { id: SqlValue };
  Hl7UpdateAllergy: { severity: SqlValue; reaction: SqlValue; patientId: SqlValue; substance: SqlValue };
  Hl7InsertAllergy: { patientId: SqlValue; substance: SqlValue; severity: SqlValue; reaction: SqlValue };
  Hl7MoveContacts: { survivor: SqlValue; prior: SqlValue };
  Hl7MoveAllergies: { survivor: SqlValue; prior: SqlValue };
  Hl7MoveTransports: { survivor: SqlValue; prior: SqlValue };
  Hl7MoveAssessments: { survivor: SqlValue; prior: SqlValue };
  Hl7MoveVisits: { survivor: SqlValue; prior: SqlValue };
  Hl7MoveTreatments: { survivor: SqlValue; prior: SqlValue };
  Hl7MoveDecisions: { survivor: SqlValue; prior: SqlValue };
  Hl7MoveAppointments: { survivor: SqlValue; prior: SqlValue };
  Hl7MovePrescriptions: { survivor: SqlValue; prior: SqlValue };
  Hl7MoveCalls: { survivor: SqlValue; prior: SqlValue };
  Hl7DropCalls: { prior: SqlValue };
  Hl7DeletePatient: { id: SqlValue };
  TopMedications: { fromDate: SqlValue; toDate: SqlValue; limit: SqlValue };
  DataOverview: null;
  LatestMigration: null;
  AddPageState: {
    id: SqlValue;
    userId: SqlValue;
    command: SqlValue;
    body: SqlValue;
    bytes: SqlValue;
    now: SqlValue;
    expiresAt: SqlValue;
  };
  GetPageState: { id: SqlValue; now: SqlValue };
  TouchPageState: { now: SqlValue; id: SqlValue };
  DeleteExpiredPageStates: { now: SqlValue };
  EvictPageStates: { maxEntries: SqlValue; maxBytes: SqlValue };
  PageStateTotals: null;
  ClaimInteraction: { interactionId: SqlValue; instance: SqlValue; now: SqlValue };
  DeleteOldInteractionClaims: { before: SqlValue };
  SearchPatients: { pattern: SqlValue; limit: SqlValue };
  PatientNamePrefix: { prefix: SqlValue };
  PatientMrnPrefix: { prefix: SqlValue };
  PatientById: { id: SqlValue };
  PatientByMrn: { mrn: SqlValue };
  PatientsByFullName: { first: SqlValue; last: SqlValue; limit: SqlValue };
  PatientContacts: { patient: SqlValue };
  PatientAllergies: { patient: SqlValue };
  PatientLatestTreatment: { patient: SqlValue };
  PatientLastVisit: { patient: SqlValue };
  PatientActivePrescriptions: { patient: SqlValue; date: SqlValue };
  PatientUpcomingAppointments: { patient: SqlValue; from: SqlValue; limit: SqlValue };
  PatientRecentAppointments: { patient: SqlValue; before: SqlValue; limit: SqlValue };
  PatientHistory: { patient: SqlValue };
  FrequentlyTreatedPatients: { from: SqlValue; to: SqlValue; limit: SqlValue };
  PatientsNeverTreatedWith: { from: SqlValue; to: SqlValue; type: SqlValue; limit: SqlValue };
  TakeOverSummaryPost: {
    instance: SqlValue;
    now: SqlValue;
    id: SqlValue;
    seenState: SqlValue;
    seenInstance: SqlValue;
    seenAt: SqlValue;
  };
  TakeOverAlertPost: {
    instance: SqlValue;
    now: SqlValue;
    id: SqlValue;
    seenState: SqlValue;
    seenInstance: SqlValue;
    seenAt: SqlValue;
  };
  CompleteSummaryPost: { messageId: SqlValue; now: SqlValue; id: SqlValue; instance: SqlValue };
  CompleteAlertPost: { messageId: SqlValue; now: SqlValue; id: SqlValue; instance: SqlValue };
  FailSummaryPost: { status: SqlValue; error: SqlValue; id: SqlValue; instance: SqlValue };
  FailAlertPost: { status: SqlValue; error: SqlValue; id: SqlValue; instance: SqlValue };
  CountRateLimitHit: { bucket: SqlValue; actorId: SqlValue; windowMs: SqlValue };
  RateLimitState: { bucket: SqlValue; actorId: SqlValue };
  DeleteEndedRateLimits: null;
  PhysicianSpecialties: null;
  PhysicianWorkload: { from: SqlValue; to: SqlValue };
  NurseWorkload: { from: SqlValue; to: SqlValue };
  OnShift: { at: SqlValue; department: SqlValue };
  Departments: null;
  StaffByName: { pattern: SqlValue };
  StaffById: { id: SqlValue };
  Fleet: { at: SqlValue };
  ClaimSummaryPost: { channel: SqlValue; date: SqlValue; instance: SqlValue; now: SqlValue };
  GetSummaryPost: { channel: SqlValue; date: SqlValue };
  CensusCount: { at: SqlValue };
}
