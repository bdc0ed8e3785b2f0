import { describe, expect, it } from 'vitest';
import { execRows, many, one, type Db } from '../../src/data/queries.ts';

// Each call below is refused before it reaches a database, so none is needed. The @ts-expect-error lines
// are the other half of each test: `npm run typecheck` fails if any of these calls compiles.
const db = undefined as unknown as Db;
const from = new Date('2026-03-01T00:00:00Z');
const to = new Date('2026-03-08T00:00:00Z');

describe('running a named query with the types bypassed', () => {
  it('refuses a misspelled query name', async () => {
    // @ts-expect-error: no query is named ArrivalsByConditon
    await expect(many(db, 'ArrivalsByConditon', { from, to })).rejects.toThrow(
      'no query named ArrivalsByConditon in sql/queries',
    );
  });

  it('refuses a missing parameter instead of sending NULL', async () => {
    // @ts-expect-error: :to is missing
    await expect(many(db, 'ArrivalsByCondition', { from })).rejects.toThrow(
      'query ArrivalsByCondition takes :from, :to; missing to',
    );
  });

  it('refuses a misspelled parameter', async () => {
    // @ts-expect-error: ArrivalsByCondition has no :form
    await expect(many(db, 'ArrivalsByCondition', { form: from, to })).rejects.toThrow(
      'query ArrivalsByCondition takes :from, :to; missing from; unknown form',
    );
  });

  it('refuses a list of values for a query with named parameters', async () => {
    // @ts-expect-error: parameters are named, not positional
    await expect(many(db, 'ArrivalsByCondition', [from, to])).rejects.toThrow(
      'query ArrivalsByCondition takes :from, :to',
    );
  });

  it('refuses a query of another kind', async () => {
    // @ts-expect-error: CallCount is :one
    await expect(many(db, 'CallCount', { from, to })).rejects.toThrow(
      'query CallCount is :one; it cannot run as :many',
    );
    await expect(
      // @ts-expect-error: ClaimSummaryPost is an INSERT (:execrows), not a SELECT
      one(db, 'ClaimSummaryPost', { channel: 'c', date: '2026-03-08', instance: 'i', now: to }),
    ).rejects.toThrow('query ClaimSummaryPost is :execrows; it cannot run as :one');
    // @ts-expect-error: GetSummaryPost is a SELECT
    await expect(execRows(db, 'GetSummaryPost', { channel: 'c', date: '2026-03-08' })).rejects.toThrow(
      'query GetSummaryPost is :one; it cannot run as :execrows',
    );
  });
});
