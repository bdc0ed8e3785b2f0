import { describe, expect, inject, it } from 'vitest';
import { currentFiles, generate } from '../../tools/sql-codegen.ts';

describe('src/data/sql/*.generated.ts', () => {
  it('is what npm run db:codegen writes from sql/ today, typed from the migrated schema', async () => {
    const wanted = await generate(inject('mysqlServerUrl'));
    const current = currentFiles();
    expect([...current.keys()].sort(), 'run npm run db:codegen and commit the result').toEqual(
      [...wanted.keys()].sort(),
    );
    for (const [file, text] of wanted)
      expect(current.get(file), `${file}: run npm run db:codegen and commit the result`).toBe(text);
  }, 120_000);
});
