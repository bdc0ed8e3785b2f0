import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The Synthea Bulk Data sample, beside the clone (never copied into the repository). */
export const SAMPLE = resolve(
  fileURLToPath(new URL('../..', import.meta.url)),
  '../shared/fixtures/fhir/synthea-10',
);
