/** The HERS vocabulary (domain.md) and the realistic lists the generator draws from. */

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONDITIONS = ['critical', 'serious', 'moderate', 'minor', 'stable'] as const;
export type Condition = (typeof CONDITIONS)[number];

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
export const DECISIONS = [
  'Discharge',
  'Continue Observation',
  'Transfer to another department',
  'Transfer to a higher-level hospital',
] as const;
export type Decision = (typeof DECISIONS)[number];

export const ARRIVAL_MODES = ['ambulance', 'walk_in', 'transfer'] as const;
export const AMBULANCE_TYPES = ['ALS', 'BLS', 'PT'] as const;
export const APPOINTMENT_STATUSES = ['scheduled', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;

/**
 * Each nature of emergency with the severities a dispatcher gives it (weights), the ER reason it
 * presents as, what the paramedic sees and does first, and the ER treatments it tends to need.
 */
export interface NatureProfile {
  severity: readonly (readonly [Severity, number])[];
  reason: string;
  observations: readonly string[];
  initialTreatment: readonly string[];
  treatments: readonly (readonly [TreatmentType, number])[];
}

export const NATURES: Record<string, NatureProfile> = {
  'cardiac arrest': {
    severity: [['high', 1]],
    reason: 'chest pain',
    observations: [
      'collapsed after complaining of chest pain; unresponsive, no pulse, CPR in progress',
      'pulseless on arrival, shockable rhythm',
    ],
    initialTreatment: ['CPR and defibrillation', 'CPR, epinephrine IV, airway management'],
    treatments: [
      ['Medication', 5],
      ['Oxygen Therapy', 3],
      ['Surgery', 1],
    ],
  },
  stroke: {
    severity: [['high', 1]],
    reason: 'severe headache',
    observations: [
      'facial droop and slurred speech, left arm weakness',
      'sudden confusion and severe headache',
    ],
    initialTreatment: [
      'stroke scale, glucose check, rapid transport',
      'oxygen, positioning, pre-alert stroke team',
    ],
    treatments: [
      ['Medication', 6],
      ['Oxygen Therapy', 2],
      ['Physical Therapy', 1],
    ],
  },
  'severe allergic reaction': {
    severity: [
      ['high', 3],
      ['medium', 1],
    ],
    reason: 'allergic reaction',
    observations: [
      'facial swelling, hives and wheezing',
      'throat tightness and shortness of breath after bee sting',
    ],
    initialTreatment: ['epinephrine IM, oxygen', 'epinephrine auto-injector, antihistamine'],
    treatments: [
      ['Medication', 8],
      ['Oxygen Therapy', 2],
    ],
  },
  'traumatic injury': {
    severity: [
      ['high', 2],
      ['medium', 2],
    ],
    reason: 'fractured limb',
    observations: [
      'motor vehicle collision, deformity of right leg',
      'fall from height, back pain and bleeding scalp',
    ],
    initialTreatment: ['spinal immobilisation, splinting', 'bleeding control, splinting, pain relief'],
    treatments: [
      ['Casting', 4],
      ['Surgery', 3],
      ['Stitching', 3],
      ['Medication', 2],
    ],
  },
  'breathing difficulty': {
    severity: [
      ['high', 1],
      ['medium', 3],
    ],
    reason: 'shortness of breath',
    observations: [
      'shortness of breath and wheezing, speaking in short phrases',
      'labored breathing, chest pain on deep breaths',
    ],
    initialTreatment: ['oxygen via mask, nebulised salbutamol', 'oxygen, upright positioning'],
    treatments: [
      ['Oxygen Therapy', 6],
      ['Medication', 4],
    ],
  },
  'severe bleeding': {
    severity: [
      ['high', 3],
      ['medium', 1],
    ],
    reason: 'laceration',
    observations: [
      'deep laceration to forearm, pulsatile bleeding',
      'heavy bleeding from thigh wound, pale and sweaty',
    ],
    initialTreatment: ['tourniquet and wound packing', 'direct pressure, IV fluids'],
    treatments: [
      ['Stitching', 6],
      ['Surgery', 3],
      ['Medication', 1],
    ],
  },
  burns: {
    severity: [
      ['high', 1],
      ['medium', 3],
    ],
    reason: 'burns',
    observations: ['partial-thickness burns to both hands', 'scald burns to chest and arm, severe pain'],
    initialTreatment: ['cool running water, cling film dressing', 'burn dressing, pain relief'],
    treatments: [
      ['Burn Treatment', 8],
      ['Medication', 2],
    ],
  },
  poisoning: {
    severity: [
      ['high', 1],
      ['medium', 2],
    ],
    reason: 'abdominal pain',
    observations: ['ingested household cleaner, vomiting', 'carbon monoxide exposure, headache and nausea'],
    initialTreatment: ['oxygen, container brought for identification', 'high-flow oxygen'],
    treatments: [
      ['Medication', 6],
      ['Oxygen Therapy', 3],
    ],
  },
  hypothermia: {
    severity: [
      ['medium', 2],
      ['low', 1],
    ],
    reason: 'confusion',
    observations: ['found outdoors, shivering, core temperature low', 'confused, cold skin, slow speech'],
    initialTreatment: ['remove wet clothing, warm blankets', 'passive rewarming'],
    treatments: [
      ['Medication', 3],
      ['Oxygen Therapy', 1],
    ],
  },
  'heat stroke': {
    severity: [
      ['high', 1],
      ['medium', 2],
    ],
    reason: 'confusion',
    observations: ['collapsed at outdoor event, hot dry skin', 'confused, temperature high, no sweating'],
    initialTreatment: ['active cooling, IV fluids', 'cooling packs, shade, fluids'],
    treatments: [
      ['Medication', 4],
      ['Oxygen Therapy', 1],
    ],
  },
  'high fever': {
    severity: [
      ['medium', 1],
      ['low', 3],
    ],
    reason: 'fever',
    observations: ['fever and lethargy for two days', 'high fever with rigors and cough'],
    initialTreatment: ['antipyretic, fluids', 'temperature monitoring, oral fluids'],
    treatments: [['Medication', 8]],
  },
  seizure: {
    severity: [
      ['high', 1],
      ['medium', 3],
    ],
    reason: 'seizure',
    observations: ['witnessed tonic-clonic seizure, now drowsy', 'prolonged seizure, tongue bitten'],
    initialTreatment: ['recovery position, midazolam', 'airway protection, glucose check'],
    treatments: [
      ['Medication', 8],
      ['Oxygen Therapy', 1],
    ],
  },
  drowning: {
    severity: [['high', 1]],
    reason: 'shortness of breath',
    observations: ['pulled from pool, coughing and hypoxic', 'near drowning, vomiting water'],
    initialTreatment: ['airway clearance, high-flow oxygen', 'rescue breaths, oxygen'],
    treatments: [
      ['Oxygen Therapy', 6],
      ['Medication', 2],
    ],
  },
  'electric shock': {
    severity: [
      ['high', 2],
      ['medium', 1],
    ],
    reason: 'burns',
    observations: ['contact with live wire, entry burn on hand', 'electric shock at work, palpitations'],
    initialTreatment: ['cardiac monitoring, burn dressing', 'ECG, dressings'],
    treatments: [
      ['Burn Treatment', 4],
      ['Medication', 3],
    ],
  },
  choking: {
    severity: [
      ['high', 2],
      ['medium', 1],
    ],
    reason: 'shortness of breath',
    observations: ['choking on food, partial obstruction cleared', 'stridor after foreign body, coughing'],
    initialTreatment: ['back blows and abdominal thrusts', 'oxygen, airway monitoring'],
    treatments: [
      ['Oxygen Therapy', 4],
      ['Medication', 2],
      ['Surgery', 1],
    ],
  },
  'drug overdose': {
    severity: [
      ['high', 3],
      ['medium', 1],
    ],
    reason: 'overdose',
    observations: ['pinpoint pupils, slow breathing', 'unresponsive, empty pill bottles nearby'],
    initialTreatment: ['naloxone IN, bag-valve-mask ventilation', 'airway support, naloxone'],
    treatments: [
      ['Medication', 8],
      ['Oxygen Therapy', 3],
    ],
  },
  'asthma attack': {
    severity: [
      ['medium', 3],
      ['low', 1],
    ],
    reason: 'asthma attack',
    observations: ['wheezing, inhaler not helping', 'shortness of breath, accessory muscle use'],
    initialTreatment: ['nebulised salbutamol and ipratropium', 'oxygen, nebuliser'],
    treatments: [
      ['Oxygen Therapy', 5],
      ['Medication', 5],
    ],
  },
  'diabetic emergency': {
    severity: [
      ['medium', 3],
      ['low', 1],
    ],
    reason: 'confusion',
    observations: ['low blood glucose, sweaty and confused', 'high blood glucose, vomiting and drowsy'],
    initialTreatment: ['oral glucose gel', 'IV glucose, monitoring'],
    treatments: [['Medication', 9]],
  },
  fracture: {
    severity: [
      ['medium', 1],
      ['low', 3],
    ],
    reason: 'fractured limb',
    observations: [
      'fall on outstretched hand, wrist deformity',
      'ankle swelling after twisting, unable to bear weight',
    ],
    initialTreatment: ['splint, ice, pain relief', 'vacuum splint, analgesia'],
    treatments: [
      ['Casting', 7],
      ['Physical Therapy', 2],
      ['Surgery', 1],
    ],
  },
  appendicitis: {
    severity: [
      ['medium', 2],
      ['low', 2],
    ],
    reason: 'abdominal pain',
    observations: [
      'right lower abdominal pain, fever, nausea',
      'abdominal pain worsening since morning, vomiting',
    ],
    initialTreatment: ['nil by mouth, pain relief', 'IV access, antiemetic'],
    treatments: [
      ['Surgery', 6],
      ['Medication', 3],
    ],
  },
};

export const NATURE_NAMES = Object.keys(NATURES);

/** What walk-in patients come with, weighted, and the ER treatments each tends to need. */
export const WALK_IN_REASONS: readonly (readonly [
  string,
  number,
  readonly (readonly [TreatmentType, number])[],
])[] = [
  [
    'chest pain',
    10,
    [
      ['Medication', 8],
      ['Oxygen Therapy', 2],
    ],
  ],
  [
    'shortness of breath',
    7,
    [
      ['Oxygen Therapy', 5],
      ['Medication', 5],
    ],
  ],
  ['severe headache', 6, [['Medication', 9]]],
  [
    'abdominal pain',
    12,
    [
      ['Medication', 7],
      ['Surgery', 2],
    ],
  ],
  [
    'fractured limb',
    8,
    [
      ['Casting', 7],
      ['Physical Therapy', 2],
    ],
  ],
  ['laceration', 9, [['Stitching', 9]]],
  ['burns', 3, [['Burn Treatment', 9]]],
  ['allergic reaction', 4, [['Medication', 9]]],
  [
    'asthma attack',
    4,
    [
      ['Oxygen Therapy', 5],
      ['Medication', 5],
    ],
  ],
  ['fever', 9, [['Medication', 9]]],
  [
    'back pain',
    8,
    [
      ['Medication', 6],
      ['Physical Therapy', 4],
    ],
  ],
  ['dizziness', 5, [['Medication', 9]]],
  ['vomiting', 6, [['Medication', 9]]],
  [
    'sprained ankle',
    6,
    [
      ['Casting', 4],
      ['Physical Therapy', 6],
    ],
  ],
];

/** ICD-10-style diagnosis for each ER reason. */
export const DIAGNOSES: Record<string, readonly (readonly [string, string])[]> = {
  'chest pain': [
    ['R07.9', 'Chest pain, unspecified'],
    ['I21.9', 'Acute myocardial infarction'],
    ['I46.9', 'Cardiac arrest'],
  ],
  'shortness of breath': [
    ['R06.02', 'Shortness of breath'],
    ['J18.9', 'Pneumonia'],
    ['T75.1', 'Drowning and nonfatal submersion'],
  ],
  'severe headache': [
    ['R51.9', 'Headache, unspecified'],
    ['I63.9', 'Cerebral infarction'],
    ['G43.909', 'Migraine'],
  ],
  'abdominal pain': [
    ['R10.9', 'Abdominal pain, unspecified'],
    ['K35.80', 'Acute appendicitis'],
    ['T65.91', 'Toxic effect of unspecified substance'],
  ],
  'fractured limb': [
    ['S52.50', 'Fracture of lower end of radius'],
    ['S82.60', 'Fracture of lateral malleolus'],
    ['S42.00', 'Fracture of clavicle'],
  ],
  laceration: [
    ['S51.81', 'Laceration of forearm'],
    ['S01.01', 'Laceration of scalp'],
    ['S71.11', 'Laceration of thigh'],
  ],
  burns: [
    ['T30.0', 'Burn, unspecified'],
    ['T23.2', 'Burn of hand, second degree'],
    ['T75.4', 'Electrocution'],
  ],
  'allergic reaction': [
    ['T78.40', 'Allergy, unspecified'],
    ['T78.2', 'Anaphylactic shock'],
  ],
  'asthma attack': [['J45.901', 'Asthma with acute exacerbation']],
  fever: [
    ['R50.9', 'Fever, unspecified'],
    ['J11.1', 'Influenza'],
  ],
  'back pain': [['M54.5', 'Low back pain']],
  dizziness: [['R42', 'Dizziness and giddiness']],
  vomiting: [
    ['R11.10', 'Vomiting, unspecified'],
    ['A08.4', 'Viral intestinal infection'],
  ],
  'sprained ankle': [['S93.40', 'Sprain of ankle']],
  confusion: [
    ['R41.0', 'Disorientation'],
    ['E16.2', 'Hypoglycaemia'],
    ['T67.0', 'Heatstroke'],
    ['T68', 'Hypothermia'],
  ],
  seizure: [
    ['R56.9', 'Seizure, unspecified'],
    ['G40.909', 'Epilepsy'],
  ],
  overdose: [
    ['T40.2', 'Poisoning by opioids'],
    ['T42.4', 'Poisoning by benzodiazepines'],
  ],
};

export const DEPARTMENTS = [
  'Emergency',
  'Emergency Medical Services',
  'Cardiology',
  'Radiology',
  'Neurology',
  'Orthopedics',
  'Pediatrics',
  'Family Medicine',
  'General Surgery',
  'Internal Medicine',
  'Pulmonology',
  'Oncology',
] as const;

/** Specialty of physicians in each non-emergency department. */
export const DEPARTMENT_SPECIALTY: Record<string, string> = {
  Cardiology: 'Cardiology',
  Radiology: 'Radiology',
  Neurology: 'Neurology',
  Orthopedics: 'Orthopedics',
  Pediatrics: 'Pediatrics',
  'Family Medicine': 'Family Medicine',
  'General Surgery': 'General Surgery',
  'Internal Medicine': 'Internal Medicine',
  Pulmonology: 'Pulmonology',
  Oncology: 'Oncology',
};

export const NURSE_QUALIFICATIONS = [
  ['RN BSN', 6],
  ['RN MSN', 2],
  ['RN PhD', 0.3],
  ['LPN', 2],
] as const;
export const PARAMEDIC_CERTIFICATIONS = ['NRP', 'FP-C', 'CCP-C', 'TP-C'] as const;
export const PARAMEDIC_SPECIALIZATIONS = [
  'Critical Care',
  'Flight',
  'Tactical',
  'Community',
  'Wilderness',
  'Pediatric',
] as const;

export const APPOINTMENT_REASONS: Record<string, readonly string[]> = {
  Cardiology: ['hypertension follow-up', 'post-MI review', 'arrhythmia check', 'echocardiogram review'],
  Radiology: ['CT scan', 'MRI scan', 'ultrasound', 'X-ray follow-up'],
  Neurology: ['post-stroke review', 'epilepsy follow-up', 'migraine management', 'memory assessment'],
  Orthopedics: ['fracture clinic', 'cast removal', 'joint pain', 'post-operative review'],
  Pediatrics: ['well-child visit', 'asthma review', 'vaccination', 'fever follow-up'],
  'Family Medicine': ['annual physical', 'diabetes review', 'medication review', 'ER follow-up'],
  'General Surgery': ['pre-operative assessment', 'post-operative review', 'hernia consult', 'wound check'],
  'Internal Medicine': ['chronic disease review', 'lab results', 'ER follow-up', 'anaemia work-up'],
  Pulmonology: ['COPD review', 'asthma review', 'spirometry', 'sleep study results'],
  Oncology: ['chemotherapy cycle', 'treatment review', 'scan results', 'symptom management'],
};

export const MEDICATIONS: readonly (readonly [string, string, string, number])[] = [
  // name, form, strength, relative popularity
  ['Paracetamol', 'tablet', '500 mg', 10],
  ['Ibuprofen', 'tablet', '400 mg', 9],
  ['Amoxicillin', 'capsule', '500 mg', 8],
  ['Amoxicillin-clavulanate', 'tablet', '875/125 mg', 4],
  ['Azithromycin', 'tablet', '250 mg', 4],
  ['Cephalexin', 'capsule', '500 mg', 4],
  ['Ciprofloxacin', 'tablet', '500 mg', 2],
  ['Metformin', 'tablet', '500 mg', 7],
  ['Lisinopril', 'tablet', '10 mg', 7],
  ['Amlodipine', 'tablet', '5 mg', 6],
  ['Atorvastatin', 'tablet', '20 mg', 7],
  ['Metoprolol', 'tablet', '50 mg', 5],
  ['Aspirin', 'tablet', '81 mg', 6],
  ['Clopidogrel', 'tablet', '75 mg', 3],
  ['Apixaban', 'tablet', '5 mg', 3],
  ['Furosemide', 'tablet', '40 mg', 3],
  ['Omeprazole', 'capsule', '20 mg', 6],
  ['Ondansetron', 'tablet', '4 mg', 5],
  ['Salbutamol', 'inhaler', '100 mcg', 5],
  ['Fluticasone-salmeterol', 'inhaler', '250/50 mcg', 3],
  ['Prednisone', 'tablet', '20 mg', 4],
  ['Cetirizine', 'tablet', '10 mg', 3],
  ['Epinephrine', 'auto-injector', '0.3 mg', 2],
  ['Levothyroxine', 'tablet', '50 mcg', 4],
  ['Sertraline', 'tablet', '50 mg', 3],
  ['Gabapentin', 'capsule', '300 mg', 3],
  ['Tramadol', 'tablet', '50 mg', 2],
  ['Oxycodone', 'tablet', '5 mg', 1],
  ['Naloxone', 'nasal spray', '4 mg', 1],
  ['Levetiracetam', 'tablet', '500 mg', 2],
  ['Insulin glargine', 'injection', '100 units/mL', 3],
  ['Silver sulfadiazine', 'cream', '1 %', 1],
  ['Mupirocin', 'ointment', '2 %', 1],
  ['Nitrofurantoin', 'capsule', '100 mg', 2],
  ['Docusate', 'capsule', '100 mg', 1],
];

export const DOSE_FREQUENCIES = [
  'once daily',
  'twice daily',
  'three times daily',
  'every 6 hours as needed',
  'at night',
] as const;

export const ALLERGENS = [
  ['Penicillin', 'rash and hives'],
  ['Sulfa drugs', 'rash'],
  ['Latex', 'contact dermatitis'],
  ['Peanuts', 'anaphylaxis'],
  ['Shellfish', 'swelling of lips and throat'],
  ['Aspirin', 'wheezing'],
  ['Ibuprofen', 'stomach upset and hives'],
  ['Codeine', 'nausea and itching'],
  ['Iodinated contrast', 'hives'],
  ['Eggs', 'hives'],
  ['Bee stings', 'anaphylaxis'],
] as const;

export const RELATIONSHIPS = ['Spouse', 'Partner', 'Parent', 'Child', 'Sibling', 'Friend'] as const;

export const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Amelia',
  'Oliver',
  'Ava',
  'Elijah',
  'Sophia',
  'James',
  'Isabella',
  'William',
  'Mia',
  'Benjamin',
  'Charlotte',
  'Lucas',
  'Harper',
  'Henry',
  'Evelyn',
  'Theodore',
  'Luna',
  'Jack',
  'Camila',
  'Levi',
  'Gianna',
  'Alexander',
  'Elizabeth',
  'Jackson',
  'Eleanor',
  'Mateo',
  'Ella',
  'Daniel',
  'Abigail',
  'Michael',
  'Sofia',
  'Mason',
  'Avery',
  'Sebastian',
  'Scarlett',
  'Ethan',
  'Emily',
  'Logan',
  'Aria',
  'Owen',
  'Penelope',
  'Samuel',
  'Chloe',
  'Jacob',
  'Layla',
  'Asher',
  'Mila',
  'Aiden',
  'Nora',
  'John',
  'Hazel',
  'Joseph',
  'Madison',
  'Wyatt',
  'Ellie',
  'David',
  'Lily',
  'Leo',
  'Nova',
  'Luke',
  'Isla',
  'Julian',
  'Grace',
  'Hudson',
  'Violet',
  'Grayson',
  'Aurora',
  'Matthew',
  'Riley',
  'Ezra',
  'Zoey',
  'Gabriel',
  'Willow',
  'Carter',
  'Emilia',
  'Isaac',
  'Stella',
  'Jayden',
  'Zoe',
  'Luca',
  'Victoria',
  'Anthony',
  'Hannah',
  'Dylan',
  'Addison',
  'Lincoln',
  'Leah',
  'Thomas',
  'Lucy',
  'Maverick',
  'Eliana',
  'Elias',
  'Ivy',
  'Josiah',
  'Everly',
  'Charles',
  'Lillian',
  'Caleb',
  'Paisley',
  'Christopher',
  'Elena',
  'Priya',
  'Arjun',
  'Wei',
  'Mei',
  'Hiroshi',
  'Yuki',
  'Fatima',
  'Omar',
  'Aisha',
  'Kwame',
  'Amara',
  'Diego',
  'Lucia',
  'Santiago',
  'Valentina',
  'Olga',
  'Dmitri',
  'Ingrid',
  'Lars',
  'Siobhan',
  'Declan',
] as const;

export const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Gomez',
  'Phillips',
  'Evans',
  'Turner',
  'Diaz',
  'Parker',
  'Cruz',
  'Edwards',
  'Collins',
  'Reyes',
  'Stewart',
  'Morris',
  'Morales',
  'Murphy',
  'Cook',
  'Rogers',
  'Gutierrez',
  'Ortiz',
  'Morgan',
  'Cooper',
  'Peterson',
  'Bailey',
  'Reed',
  'Kelly',
  'Howard',
  'Ramos',
  'Kim',
  'Cox',
  'Ward',
  'Richardson',
  'Watson',
  'Brooks',
  'Chavez',
  'Wood',
  'James',
  'Bennett',
  'Gray',
  'Mendoza',
  'Ruiz',
  'Hughes',
  'Price',
  'Alvarez',
  'Castillo',
  'Sanders',
  'Patel',
  'Myers',
  'Long',
  'Ross',
  'Foster',
  'Jimenez',
  'Okafor',
  'Mensah',
  'Chen',
  'Wang',
  'Singh',
  'Kaur',
  'Sato',
  'Tanaka',
  'Haddad',
  'Khan',
  'Ivanova',
  'Novak',
  'Kowalski',
  "O'Brien",
  'Byrne',
  'Lindqvist',
  'Rossi',
  'Ferrari',
  'Dubois',
  'Schmidt',
  'Müller',
  'Nakamura',
  'Abadi',
  'Costa',
] as const;

export const STREETS = [
  'Oak St',
  'Maple Ave',
  'Cedar Rd',
  'Pine St',
  'Elm St',
  'Washington Ave',
  'Lake Dr',
  'Hill Rd',
  'Park Ave',
  'Main St',
  'River Rd',
  'Sunset Blvd',
  'Church St',
  'Mill Ln',
  'Station Rd',
  'High St',
  'Harbor Way',
  'College Ave',
  'Forest Dr',
  'Meadow Ln',
] as const;

export const DISTRICTS = [
  'Northside',
  'Southside',
  'Eastgate',
  'Westfield',
  'Downtown',
  'Riverside',
  'Harbor',
  'Uptown',
] as const;
