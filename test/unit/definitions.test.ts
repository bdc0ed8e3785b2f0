import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commands, PRIVATE_OPTION } from '../../commands/index.ts';
import { declaredOptions, subcommandNames } from '../../src/console/parse.ts';

describe('command definitions', () => {
  it('lists every command of the catalogue', () => {
    expect([...commands.keys()].sort()).toEqual([
      'admin',
      'ambulance',
      'appointments',
      'er',
      'meds',
      'patient',
      'staff',
      'summary',
    ]);
    const all = [...commands].flatMap(([name, c]) =>
      subcommandNames(c).length ? subcommandNames(c).map((s) => `${name} ${s}`) : [name],
    );
    expect(all).toHaveLength(28);
  });

  for (const [name, command] of commands) {
    describe(`/${name}`, () => {
      it('serialises to a valid Discord definition within the length limits', () => {
        const json = command.data.toJSON();
        expect(json.name).toBe(name);
        expect(json.description.length).toBeLessThanOrEqual(100);
        for (const sub of subcommandNames(command)) expect(sub).toMatch(/^[a-z0-9-]{1,32}$/);
      });

      const subs = subcommandNames(command).length ? subcommandNames(command) : [''];
      for (const sub of subs) {
        it(`${sub || '(no subcommand)'}: the zod schema and the slash options name the same options, with the same required ones`, () => {
          const schema = command.subcommands[sub]?.options as z.ZodObject;
          expect(schema, `a run() for "${sub}"`).toBeDefined();
          const all = declaredOptions(command, sub);
          // `private` is presentation (who sees the answer), offered on every aggregate report that is
          // not always private anyway.
          const spec = command.subcommands[sub];
          expect(all.some((o) => o.name === PRIVATE_OPTION)).toBe(
            spec?.sensitivity === 'aggregate' && !spec.alwaysPrivate,
          );
          const declared = all.filter((o) => o.name !== PRIVATE_OPTION);
          expect(Object.keys(schema.shape).sort()).toEqual(declared.map((o) => o.name).sort());
          for (const o of declared) {
            const field = schema.shape[o.name] as z.ZodType;
            expect(field.safeParse(undefined).success, `${o.name} required=${String(o.required)}`).toBe(
              !o.required,
            );
          }
        });
      }
    });
  }
});
