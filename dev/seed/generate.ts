/**
 * The synthetic data generator (npm run db:seed, npm run demo, the tests): one pass over the span, drawing
 * from one seeded random stream. state.ts holds what it knows as it goes; staff.ts, prescriptions.ts (the
 * medication list), shifts.ts, emergencies.ts (with dispatch.ts, visits.ts, patients.ts, patient-flow.ts)
 * and appointments.ts each make their part of the data, in that order.
 */
import type { DispatchIncidentDoc, ErTreatmentDoc } from '../../src/data/documents.ts';
import { makeClinic } from './appointments.ts';
import { makeEmergencies } from './emergencies.ts';
import {
  columnsOf,
  TABLE_ORDER,
  type Cell,
  type DataSink,
  type GenerationStep,
  type TableData,
  type TableName,
} from './output.ts';
import { makeMedications } from './prescriptions.ts';
import { makeShifts } from './shifts.ts';
import { makeDepartments, makeFleet, makeStaff } from './staff.ts';
import { GeneratorState, type GenerateOptions } from './state.ts';

export { columnsOf, TABLE_ORDER } from './output.ts';
export type { Cell, DataSink, GenerationStep, TableData, TableName } from './output.ts';
export { scalePlan, type GenerateOptions } from './state.ts';

export interface Dataset {
  /** In foreign-key order: every table only references tables before it. */
  tables: TableData[];
  dispatchIncidents: DispatchIncidentDoc[];
  erTreatments: ErTreatmentDoc[];
  start: number;
  end: number;
}

/** The whole dataset in memory: for small scales (tests). db:seed streams through `generateInto`. */
export function generate(opts: GenerateOptions): Dataset {
  const sink = new MemorySink();
  const steps = generateInto(opts, sink);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return { ...sink.data(), ...step.value };
}

/**
 * Generates into `sink`, pausing at each step (see GenerationStep); returns the span the data covers. The
 * data does not depend on where it goes or on how the steps are driven.
 */
export function generateInto(
  opts: GenerateOptions,
  sink: DataSink,
): Generator<GenerationStep, { start: number; end: number }> {
  return run(new GeneratorState(opts, sink));
}

/** Reference data first; then shifts, emergencies and the clinic, each over the whole span. */
function* run(g: GeneratorState): Generator<GenerationStep, { start: number; end: number }> {
  makeDepartments(g);
  makeStaff(g);
  makeFleet(g);
  makeMedications(g);
  yield* makeShifts(g);
  yield* makeEmergencies(g);
  yield* makeClinic(g);
  return { start: g.start, end: g.end };
}
/** Keeps everything generated, for `generate`. */
class MemorySink implements DataSink {
  private readonly rows = Object.fromEntries(TABLE_ORDER.map((t) => [t, []])) as unknown as Record<
    TableName,
    Cell[][]
  >;
  private readonly incidents: DispatchIncidentDoc[] = [];
  private readonly treatments: ErTreatmentDoc[] = [];

  row(table: TableName, row: Cell[]): void {
    this.rows[table].push(row);
  }
  incident(doc: DispatchIncidentDoc): void {
    this.incidents.push(doc);
  }
  treatment(doc: ErTreatmentDoc): void {
    this.treatments.push(doc);
  }

  data(): Pick<Dataset, 'tables' | 'dispatchIncidents' | 'erTreatments'> {
    return {
      tables: TABLE_ORDER.map((name) => ({ name, columns: columnsOf(name), rows: this.rows[name] })),
      dispatchIncidents: this.incidents,
      erTreatments: this.treatments,
    };
  }
}
