import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENUM_COLUMNS } from '../../src/core/vocabulary.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';

/** `enum('a','b','it''s')` as information_schema spells it -> ['a', 'b', "it's"]. */
function enumValues(columnType: string): string[] {
  const body = /^enum\((.*)\)$/is.exec(columnType)?.[1] ?? '';
  return [...body.matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] ?? '').replace(/''/g, "'"));
}

describe('the vocabulary and the schema', () => {
  const db = testDatabases('vocab');
  let columns: Map<string, string[]>;

  beforeAll(async () => {
    await migrate(db.mysqlUrl);
    const c = await connect(db.mysqlUrl);
    try {
      const [rows] = await c.query<RowDataPacket[]>(
        `SELECT table_name AS t, column_name AS c, column_type AS type FROM information_schema.columns
         WHERE table_schema = DATABASE() AND data_type = 'enum' ORDER BY table_name, column_name`,
      );
      columns = new Map(rows.map((r) => [`${String(r.t)}.${String(r.c)}`, enumValues(String(r.type))]));
    } finally {
      await c.end();
    }
  });
  afterAll(() => db.drop());

  it('every ENUM column of the schema has its list in src/core/vocabulary.ts', () => {
    expect([...columns.keys()].sort()).toEqual(Object.keys(ENUM_COLUMNS).sort());
  });

  for (const [column, list] of Object.entries(ENUM_COLUMNS)) {
    it(`${column}: the list equals the column's values, in order`, () => {
      expect(columns.get(column)).toEqual([...list]);
    });
  }
});
