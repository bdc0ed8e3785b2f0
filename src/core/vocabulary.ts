/**
 * The domain's closed vocabularies (docs/domain.md, section 1), once: commands, reports, the generator and the schema's
 * ENUM columns all use these lists. `ENUM_COLUMNS` ties each list to its column; an integration test
 * (test/integration/vocabulary.test.ts) fails when a list and its column disagree.
 */

export const STAFF_TYPES = ['physician', 'nurse', 'paramedic'] as const;
export type StaffType = (typeof STAFF_TYPES)[number];

export const NURSE_QUALIFICATIONS = ['RN BSN', 'RN MSN', 'RN PhD', 'LPN'] as const;

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];
/** FHIR AllergyIntolerance.criticality, kept by the FHIR import. */
export const ALLERGY_CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AMBULANCE_TYPES = ['ALS', 'BLS', 'PT'] as const;
export type AmbulanceType = (typeof AMBULANCE_TYPES)[number];

export const AMBULANCE_STATUSES = ['available', 'on_call', 'maintenance'] as const;

export const ARRIVAL_MODES = ['ambulance', 'walk_in', 'transfer'] as const;
export type ArrivalMode = (typeof ARRIVAL_MODES)[number];

export const CONDITIONS = ['critical', 'serious', 'moderate', 'minor', 'stable'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Emergency Severity Index, 1 (most urgent) to 5. */
export const TRIAGE_LEVELS = [1, 2, 3, 4, 5] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

export const TREATMENT_TYPES = [
  'Medication',
  'Surgery',
  'Physical Therapy',
  'Casting',
  'Stitching',
  'Oxygen Therapy',
  'Burn Treatment',
] as const;
export type TreatmentType = (typeof TREATMENT_TYPES)[number];

export const TREATMENT_OUTCOMES = ['Stabilized', 'Recovering', 'Improved', 'Healing'] as const;

export const PATIENT_STATUSES = ['Recovered', 'Improved', 'Unchanged', 'Worsened'] as const;
export type PatientStatus = (typeof PATIENT_STATUSES)[number];

export const DECISIONS = [
  'Discharge',
  'Continue Observation',
  'Transfer to another department',
  'Transfer to a higher-level hospital',
  'Left against medical advice',
  /** Left after a provider saw them, before treatment was complete, without telling staff. */
  'Eloped',
] as const;
export type Decision = (typeof DECISIONS)[number];

export const APPOINTMENT_STATUSES = ['scheduled', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const PRESCRIPTION_STATUSES = ['active', 'completed', 'stopped'] as const;

/** Where an audited action came from, and how it ended (the bot's own audit_event table). */
export const AUDIT_SOURCES = ['discord', 'console', 'scheduler', 'web'] as const;
export const PHI_LINK_KINDS = ['answer', 'account'] as const;
export const AUDIT_OUTCOMES = ['ok', 'empty', 'denied', 'invalid', 'error'] as const;
export const SUMMARY_POST_STATES = ['claimed', 'posted', 'failed'] as const;
/** How the HL7 ADT listener answered a message (HL7 acknowledgement codes). */
export const HL7_ACKS = ['AA', 'AE', 'AR'] as const;

/** ER surge alerts (src/core/alerts.ts): the rules, a rule's state, and a posted transition. */
export const ALERT_RULES = ['census', 'waiting', 'dispatch_surge'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export const ALERT_STATES = ['armed', 'firing', 'cooling'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const ALERT_TRANSITIONS = ['fired', 'cleared'] as const;
export type AlertTransition = (typeof ALERT_TRANSITIONS)[number];
/** A post of the alert channel: a transition, or the escalation of a fired post nobody acknowledged. */
export const ALERT_POST_KINDS = [...ALERT_TRANSITIONS, 'escalated'] as const;
export type AlertPostKind = (typeof ALERT_POST_KINDS)[number];
/** What /admin alerts changes: a rule's threshold (with its clear level), or its snooze. */
export const ALERT_SETTING_CHANGES = ['threshold', 'snooze'] as const;
export const ALERT_POST_STATES = ['claimed', 'posted', 'failed', 'superseded'] as const;
export type AlertPostState = (typeof ALERT_POST_STATES)[number];

/** /subscribe: what a subscribed report shows, when, where, and what became of each slot. */
export const SUBSCRIPTION_SENSITIVITIES = ['aggregate', 'phi'] as const;
export const SUBSCRIPTION_DAYS = ['every', 'weekdays', 'weekends'] as const;
export const SUBSCRIPTION_TARGETS = ['dm', 'channel'] as const;
export const SUBSCRIPTION_POST_STATES = ['claimed', 'posted', 'failed', 'skipped', 'missed'] as const;

/** Every ENUM column of the schema, `table.column`, with the list it must equal (order included). */
export const ENUM_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  'staff.staff_type': STAFF_TYPES,
  'nurse.qualification': NURSE_QUALIFICATIONS,
  'patient.sex': SEXES,
  'allergy.severity': ALLERGY_SEVERITIES,
  'allergy.criticality': ALLERGY_CRITICALITIES,
  'ambulance_dispatch.severity': SEVERITIES,
  'ambulance.type': AMBULANCE_TYPES,
  'ambulance.status': AMBULANCE_STATUSES,
  'er_visit.arrival_mode': ARRIVAL_MODES,
  'er_visit.condition_on_arrival': CONDITIONS,
  'er_treatment.type': TREATMENT_TYPES,
  'er_treatment.outcome': TREATMENT_OUTCOMES,
  'disposition_decision.patient_status': PATIENT_STATUSES,
  'disposition_decision.decision': DECISIONS,
  'fhir_encounter.decision': DECISIONS,
  // The visits' measure facts (migration 019) and the view defining them copy the decision.
  'er_visit_fact.decision': DECISIONS,
  'er_visit_fact_source.decision': DECISIONS,
  'appointment.status': APPOINTMENT_STATUSES,
  'prescription.status': PRESCRIPTION_STATUSES,
  'audit_event.source': AUDIT_SOURCES,
  'audit_event.outcome': AUDIT_OUTCOMES,
  'phi_link.kind': PHI_LINK_KINDS,
  'summary_post.state': SUMMARY_POST_STATES,
  'alert_rule_state.rule': ALERT_RULES,
  'alert_rule_state.state': ALERT_STATES,
  'alert_post.rule': ALERT_RULES,
  'alert_post.kind': ALERT_POST_KINDS,
  'alert_post.state': ALERT_POST_STATES,
  'alert_rule_setting.rule': ALERT_RULES,
  'alert_setting_change.rule': ALERT_RULES,
  'alert_setting_change.what': ALERT_SETTING_CHANGES,
  'hl7_message.outcome': HL7_ACKS,
  'subscription.sensitivity': SUBSCRIPTION_SENSITIVITIES,
  'subscription.days': SUBSCRIPTION_DAYS,
  'subscription.target': SUBSCRIPTION_TARGETS,
  'subscription_post.state': SUBSCRIPTION_POST_STATES,
};
