import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Db } from '../../src/data/queries.ts';
import * as er from '../../src/data/sql/er.generated.ts';
import * as summaryPost from '../../src/data/sql/summary-post.generated.ts';

// Each call below is refused before it reaches a database, so none is needed. The @ts-expect-error lines
// are the other half of each test: `npm run typecheck` fails if any of these calls compiles.
const db = undefined as unknown as Db;
const from = new Date('2026-03-01T00:00:00Z');
const to = new Date('2026-03-08T00:00:00Z');

describe('running a named query with the types bypassed', () => {
  it('refuses a misspelled query name', () => {
    // @ts-expect-error: no query is named ArrivalsByConditon
    expect(() => er.arrivalsByConditon(db, { from, to })).toThrow('arrivalsByConditon is not a function');
  });

  it('refuses a missing parameter instead of sending NULL', async () => {
    // @ts-expect-error: :to is missing
    await expect(er.arrivalsByCondition(db, { from })).rejects.toThrow(
      'query ArrivalsByCondition takes :from, :to; missing to',
    );
  });

  it('refuses a misspelled parameter', async () => {
    // @ts-expect-error: ArrivalsByCondition has no :form
    await expect(er.arrivalsByCondition(db, { form: from, to })).rejects.toThrow(
      'query ArrivalsByCondition takes :from, :to; missing from; unknown form',
    );
  });

  it('refuses a list of values for a query with named parameters', async () => {
    // @ts-expect-error: parameters are named, not positional
    await expect(er.arrivalsByCondition(db, [from, to])).rejects.toThrow(
      'query ArrivalsByCondition takes :from, :to',
    );
  });

  it('gives each query the result of its kind, typed from the schema', () => {
    // :one is a row or nothing, :many a list, :execrows a count: a caller never names a row type.
    expectTypeOf(er.callCount).returns.resolves.toEqualTypeOf<er.CallCountRow | undefined>();
    expectTypeOf(er.arrivalsByCondition).returns.resolves.toEqualTypeOf<er.ArrivalsByConditionRow[]>();
    expectTypeOf(summaryPost.claimSummaryPost).returns.resolves.toEqualTypeOf<number>();
    expectTypeOf<er.CallCountRow>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<er.ArrivalsByConditionArgs>().toEqualTypeOf<{ from: Date; to: Date }>();
  });
});
