import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { approximateBytes, DEFAULT_PAGER_LIMITS } from '../../src/discord/pager.ts';
import { loadConfig } from '../../src/config.ts';

/** A paged reply whose text is about `chars` characters. */
function state(chars: number, user = '100000000000000001') {
  const reply: Reply = {
    title: 'Top medications',
    summary: '',
    sensitivity: 'aggregate',
    footer: 'last 30 days',
    patientIds: [],
    table: { columns: [{ name: 'medication' }], rows: [['x'.repeat(chars)]] },
  };
  return { userId: user, reply, pages: ['p'.repeat(chars)], command: '/meds top', needsPhi: false };
}

// How the store behaves against MySQL: test/integration/shared-state.test.ts.
describe('Pager limits', () => {
  it('counts a state by its text: two hundred 2,000-character pages are about 800 KB', () => {
    const s = { ...state(0), pages: Array.from({ length: 200 }, () => 'x'.repeat(2_000)) };
    expect(approximateBytes(s)).toBeGreaterThan(800_000);
    expect(approximateBytes(s)).toBeLessThan(802_000);
  });

  it('defaults to 1,000 states and 32 MB, and reads both limits from the settings', () => {
    expect(DEFAULT_PAGER_LIMITS).toEqual({ maxEntries: 1_000, maxBytes: 32 * 1024 * 1024 });
    expect(loadConfig({}).pages).toEqual(DEFAULT_PAGER_LIMITS);
    expect(loadConfig({ PAGE_STORE_MAX_ENTRIES: '50', PAGE_STORE_MAX_MB: '4' }).pages).toEqual({
      maxEntries: 50,
      maxBytes: 4 * 1024 * 1024,
    });
    expect(() => loadConfig({ PAGE_STORE_MAX_ENTRIES: '0' })).toThrow(/PAGE_STORE_MAX_ENTRIES/);
  });
});
