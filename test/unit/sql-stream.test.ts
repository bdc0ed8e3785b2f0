import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/data/mysql.ts';
import { assertLocalInfile, tsvLine } from '../../dev/seed/sql-stream.ts';

describe('tsvLine', () => {
  it('writes NULL as \\N, numbers as they are, and text with its specials escaped', () => {
    expect(tsvLine([1, null, 'plain', 2.5])).toBe('1\t\\N\tplain\t2.5');
    expect(tsvLine(['a\tb', 'c\nd', 'e\\f', 'g\rh', 'i\0j'])).toBe('a\\tb\tc\\nd\te\\\\f\tg\\rh\ti\\0j');
  });

  it('leaves quotes, unicode, the text NULL and empty text alone', () => {
    expect(tsvLine([`O'Brien "Bo"`, 'Zoë 医院 🚑', 'NULL', ''])).toBe(`O'Brien "Bo"\tZoë 医院 🚑\tNULL\t`);
  });

  it('keeps a literal backslash-N apart from NULL', () => {
    expect(tsvLine(['\\N'])).toBe('\\\\N');
  });

  it('refuses a number that is not finite', () => {
    expect(() => tsvLine([Number.NaN])).toThrow('not a finite number');
  });
});

describe('assertLocalInfile', () => {
  const server = (enabled: number) => ({ query: async () => [[{ enabled }], []] }) as unknown as Connection;

  it('passes when the server allows LOAD DATA LOCAL INFILE', async () => {
    await expect(assertLocalInfile(server(1))).resolves.toBeUndefined();
  });

  it('says how to turn local_infile on when it is off', async () => {
    await expect(assertLocalInfile(server(0))).rejects.toThrow(/local_infile/);
  });
});
