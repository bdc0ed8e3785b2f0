import { z } from 'zod';

/**
 * The subset of FHIR R4 that the import reads, one schema per resource type. Unknown elements are allowed and
 * ignored (stripped); what is listed is checked, so a line either maps whole or is reported invalid.
 */

/** A FHIR id: 1-64 letters, digits, '-' and '.'. */
export const FhirId = z
  .string()
  .regex(/^[A-Za-z0-9\-.]{1,64}$/, 'is not a FHIR id (1-64 of A-Z a-z 0-9 - .)');

/** A FHIR dateTime or instant with a time (YYYY-MM-DDThh:mm:ss, optional fraction, Z or an offset). */
export const DateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'is not a FHIR dateTime (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+hh:mm)',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');

export const FhirDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a FHIR date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');

const Coding = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() });
export type CodeableConcept = z.infer<typeof CodeableConcept>;

const Identifier = z.object({
  type: CodeableConcept.optional(),
  system: z.string().optional(),
  value: z.string().optional(),
});
export type Identifier = z.infer<typeof Identifier>;

export const Reference = z.object({
  reference: z.string().optional(),
  identifier: Identifier.optional(),
  display: z.string().optional(),
});
export type Reference = z.infer<typeof Reference>;

const Period = z.object({ start: DateTime.optional(), end: DateTime.optional() });
const HumanName = z.object({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
});
export type HumanName = z.infer<typeof HumanName>;
const ContactPoint = z.object({ system: z.string().optional(), value: z.string().optional() });

const base = <T extends string>(type: T) => ({ resourceType: z.literal(type), id: FhirId });

export const Patient = z.object({
  ...base('Patient'),
  identifier: z.array(Identifier).optional(),
  name: z.array(HumanName).optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: FhirDate,
  telecom: z.array(ContactPoint).optional(),
});

export const Encounter = z.object({
  ...base('Encounter'),
  status: z.string(),
  class: Coding,
  subject: Reference,
  period: Period.extend({ start: DateTime }),
  reasonCode: z.array(CodeableConcept).optional(),
  type: z.array(CodeableConcept).optional(),
  hospitalization: z.object({ dischargeDisposition: CodeableConcept.optional() }).optional(),
  // When the patient first met a provider: a practitioner's participation, or the encounter going in-progress.
  participant: z.array(z.object({ period: Period.optional(), individual: Reference.optional() })).optional(),
  statusHistory: z.array(z.object({ status: z.string(), period: Period })).optional(),
});

export const Condition = z.object({
  ...base('Condition'),
  code: CodeableConcept,
  subject: Reference,
  encounter: Reference.optional(),
});

export const AllergyIntolerance = z.object({
  ...base('AllergyIntolerance'),
  code: CodeableConcept,
  patient: Reference,
  criticality: z.enum(['low', 'high', 'unable-to-assess']).optional(),
  verificationStatus: CodeableConcept.optional(),
  reaction: z
    .array(
      z.object({
        manifestation: z.array(CodeableConcept).optional(),
        description: z.string().optional(),
        severity: z.enum(['mild', 'moderate', 'severe']).optional(),
      }),
    )
    .optional(),
});

const Dosage = z.object({
  text: z.string().optional(),
  asNeededBoolean: z.boolean().optional(),
  timing: z
    .object({
      repeat: z
        .object({
          frequency: z.number().optional(),
          period: z.number().optional(),
          periodUnit: z.string().optional(),
        })
        .optional(),
      code: CodeableConcept.optional(),
    })
    .optional(),
  doseAndRate: z
    .array(
      z.object({
        doseQuantity: z.object({ value: z.number().optional(), unit: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
export type Dosage = z.infer<typeof Dosage>;

export const MedicationRequest = z.object({
  ...base('MedicationRequest'),
  status: z.string(),
  medicationCodeableConcept: CodeableConcept.optional(),
  medicationReference: Reference.optional(),
  subject: Reference,
  encounter: Reference.optional(),
  authoredOn: DateTime.optional(),
  requester: Reference.optional(),
  dosageInstruction: z.array(Dosage).optional(),
  dispenseRequest: z.object({ validityPeriod: Period.optional() }).optional(),
});

export const Practitioner = z.object({
  ...base('Practitioner'),
  identifier: z.array(Identifier).optional(),
  active: z.boolean().optional(),
  name: z.array(HumanName).optional(),
});

export const PractitionerRole = z.object({
  ...base('PractitionerRole'),
  practitioner: Reference,
  code: z.array(CodeableConcept).optional(),
  specialty: z.array(CodeableConcept).optional(),
  location: z.array(Reference).optional(),
  active: z.boolean().optional(),
});

export const Location = z.object({
  ...base('Location'),
  identifier: z.array(Identifier).optional(),
  name: z.string().optional(),
  mode: z.string().optional(),
});

export const Organization = z.object({
  ...base('Organization'),
  identifier: z.array(Identifier).optional(),
  name: z.string().optional(),
});

export const Appointment = z.object({
  ...base('Appointment'),
  status: z.string(),
  start: DateTime.optional(),
  end: DateTime.optional(),
  description: z.string().optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  appointmentType: CodeableConcept.optional(),
  participant: z.array(z.object({ actor: Reference.optional() })),
});

export type Patient = z.infer<typeof Patient>;
export type Encounter = z.infer<typeof Encounter>;
export type Condition = z.infer<typeof Condition>;
export type AllergyIntolerance = z.infer<typeof AllergyIntolerance>;
export type MedicationRequest = z.infer<typeof MedicationRequest>;
export type Practitioner = z.infer<typeof Practitioner>;
export type PractitionerRole = z.infer<typeof PractitionerRole>;
export type Location = z.infer<typeof Location>;
export type Organization = z.infer<typeof Organization>;
export type Appointment = z.infer<typeof Appointment>;
