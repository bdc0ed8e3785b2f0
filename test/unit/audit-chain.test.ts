import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, linkHash, type ChainContent } from '../../src/data/audit-hash.ts';

const row: ChainContent = {
  occurred_at: new Date('2026-03-01T12:34:56.789Z'),
  source: 'discord',
  actor_id: '400000000000000001',
  actor_roles: '500000000000000001,500000000000000002',
  guild_id: '600000000000000001',
  channel_id: '700000000000000001',
  command: '/patient lookup',
  options: '{"patient":"MRN1000042","private":true}',
  patient_ids: '[42]',
  row_count: 1,
  outcome: 'ok',
  latency_ms: 12,
  interaction_id: '800000000000000001',
  detail: null,
};

describe('linkHash', () => {
  it('hashes JSON columns the same as text or parsed, in any key order (MySQL normalizes JSON)', () => {
    const h = linkHash(GENESIS_HASH, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(
      linkHash(GENESIS_HASH, {
        ...row,
        options: { private: true, patient: 'MRN1000042' },
        patient_ids: [42],
      }),
    ).toBe(h);
    expect(linkHash(GENESIS_HASH, { ...row, options: '{ "private": true, "patient": "MRN1000042" }' })).toBe(
      h,
    );
  });

  it('changes when any field or the previous hash changes', () => {
    const h = linkHash(GENESIS_HASH, row);
    const changed: Partial<ChainContent>[] = [
      { occurred_at: new Date('2026-03-01T12:34:56.788Z') },
      { source: 'console' },
      { actor_id: '400000000000000002' },
      { actor_roles: null },
      { guild_id: null },
      { channel_id: '700000000000000002' },
      { command: '/patient search' },
      { options: '{"patient":"MRN1000043","private":true}' },
      { options: null },
      { patient_ids: '[42,43]' },
      { row_count: 2 },
      { row_count: null },
      { outcome: 'denied' },
      { latency_ms: 13 },
      { interaction_id: null },
      { detail: '' },
    ];
    const hashes = changed.map((c) => linkHash(GENESIS_HASH, { ...row, ...c }));
    for (const x of hashes) expect(x).not.toBe(h);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(linkHash('1'.repeat(64), row)).not.toBe(h);
  });

  it('keeps field boundaries: moving text from one field to the next changes the hash', () => {
    expect(linkHash(GENESIS_HASH, { ...row, guild_id: 'ab', channel_id: 'c' })).not.toBe(
      linkHash(GENESIS_HASH, { ...row, guild_id: 'a', channel_id: 'bc' }),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves arrays in order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }], a: 'x' })).toBe('{"a":"x","b":[3,{"a":2,"z":1}]}');
  });
});
