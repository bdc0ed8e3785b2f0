import { describe, expect, it } from 'vitest';
import { readiness } from '../../src/ops/http.ts';

describe('readiness', () => {
  it('with every part answering, is ready', async () => {
    expect(await readiness({ a: async () => {}, b: async () => {} }, 200)).toEqual({
      ready: true,
      failing: [],
      checks: { a: 'ok', b: 'ok' },
    });
  });

  it('with a part failing and one never answering, names both within the deadline', async () => {
    const started = performance.now();
    const r = await readiness(
      {
        discord: async () => {},
        mysql: () =>
          Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
        mongo: () => new Promise<void>(() => undefined),
      },
      200,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(r).toEqual({
      ready: false,
      failing: ['mysql', 'mongo'],
      checks: { discord: 'ok', mysql: 'failed (ECONNREFUSED)', mongo: 'no answer within 200 ms' },
    });
  });
});
