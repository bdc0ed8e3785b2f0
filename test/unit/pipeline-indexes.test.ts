import type { Document, IndexDescription } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from '../../src/data/documents.ts';
import {
  bucketCollection,
  ER_TREATMENT_FIRSTS,
  INCIDENT_COUNTS,
  INCIDENT_ITEMS,
  isBucketCollection,
  TREATMENT_COUNTS,
  TREATMENT_ITEMS,
} from '../../src/data/er.buckets.ts';
import * as pipelines from '../../src/data/er.pipeline.ts';
import { MONGO_INDEXES } from '../../src/data/mongo.ts';

const FROM = new Date('2026-03-01T05:00:00Z');
const TO = new Date('2026-03-08T05:00:00Z');
const DAY = '2026-03-01';

/** Every pipeline the typed functions run, with the collection it runs on. */
const PIPELINES: Record<string, { collection: string; stages: Document[] }> = {
  incidentsOfSeverityOnDay: {
    collection: bucketCollection(INCIDENT_ITEMS, DAY),
    stages: pipelines.incidentsOfSeverityOnDay('high', DAY, FROM, TO),
  },
  natureCountsOnWholeDays: {
    collection: bucketCollection(INCIDENT_COUNTS, DAY),
    stages: pipelines.natureCountsOnWholeDays('high', [DAY, '2026-03-02']),
  },
  natureCountsOnPartOfDay: {
    collection: bucketCollection(INCIDENT_ITEMS, DAY),
    stages: pipelines.natureCountsOnPartOfDay('high', DAY, FROM, TO),
  },
  treatmentTypeCountsOnWholeDays: {
    collection: bucketCollection(TREATMENT_COUNTS, DAY),
    stages: pipelines.treatmentTypeCountsOnWholeDays([DAY]),
  },
  treatmentTypeCountsOnPartOfDay: {
    collection: bucketCollection(TREATMENT_ITEMS, DAY),
    stages: pipelines.treatmentTypeCountsOnPartOfDay(DAY, FROM, TO),
  },
  earliestTreatmentsOfType: {
    collection: ER_TREATMENT_FIRSTS,
    stages: pipelines.earliestTreatmentsOfType('Casting', 10),
  },
};

/** The indexes a collection has once db:migrate (or, for a month's bucket, its first write) made it. */
function indexesOf(collection: string): string[][] {
  // Month buckets are created by their first insert and have only _id; the others are declared.
  const declared: IndexDescription[] = MONGO_INDEXES[collection] ?? [];
  return [['_id'], ...declared.map((i) => Object.keys(i.key))];
}

/** An index serves a $match when the matched fields are a prefix of its keys (equality or range). */
function served(match: Document, indexes: string[][]): boolean {
  const fields = Object.keys(match);
  return indexes.some(
    (keys) =>
      fields.length > 0 &&
      fields.length <= keys.length &&
      fields.every((f) => keys.slice(0, fields.length).includes(f)),
  );
}

describe('every report pipeline starts where an index serves it', () => {
  it('covers every pipeline builder that er.pipeline.ts exports', () => {
    const builders = Object.entries(pipelines)
      .filter(([, v]) => typeof v === 'function')
      .map(([name]) => name)
      .filter((name) => /OnDay$|OnWholeDays$|OnPartOfDay$|OfType$/.test(name));
    expect(builders.sort()).toEqual(Object.keys(PIPELINES).sort());
  });

  for (const [name, { collection, stages }] of Object.entries(PIPELINES)) {
    it(`${name}: a leading $match on fields an index of ${collection} covers`, () => {
      const first = stages[0] as Document | undefined;
      expect(first && Object.keys(first)).toEqual(['$match']);
      expect(served(first?.$match as Document, indexesOf(collection))).toBe(true);
    });
  }

  it('tells a match on an unindexed field from an indexed one', () => {
    expect(served({ notes: 'x' }, indexesOf(ER_TREATMENTS))).toBe(false);
    expect(served({ severity: 'high', dispatchedAt: { $gte: FROM } }, indexesOf(DISPATCH_INCIDENTS))).toBe(
      true,
    );
    expect(served({ dispatchedAt: { $gte: FROM }, nature: 'fall' }, indexesOf(DISPATCH_INCIDENTS))).toBe(
      false,
    );
  });

  it('names bucket collections by UTC month and recognises them', () => {
    expect(bucketCollection(TREATMENT_ITEMS, '2026-03-31')).toBe('er_treatment_items_2026_03');
    expect(isBucketCollection('er_treatment_items_2026_03')).toBe(true);
    expect(isBucketCollection(ER_TREATMENTS)).toBe(false);
  });
});
