import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { commandJson } from '../../src/discord/definitions.ts';
import { subcommandNames } from '../../src/runner/command.ts';
import { optionsSchema, PRIVATE_OPTION, type LeafOption } from '../../src/runner/options.ts';

/**
 * There is one declaration per option; the Discord definition and the zod validation are both derived
 * from it. These checks go over every option of every subcommand and confirm that what Discord offers is
 * exactly what validation accepts: names, required, choices, lengths and bounds.
 */

type JsonOption = {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: { name: string; value: string }[];
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  autocomplete?: boolean;
  options?: JsonOption[];
};

/** Values on either side of every limit a Discord option declares, and whether Discord would send them. */
function probes(o: JsonOption, isDate: boolean): { value: unknown; allowed: boolean }[] {
  const out: { value: unknown; allowed: boolean }[] = [{ value: undefined, allowed: !o.required }];
  if (o.type === 5) out.push({ value: true, allowed: true }, { value: 'yes', allowed: false });
  if (o.type === 4) {
    const min = o.min_value ?? -1000;
    const max = o.max_value ?? 1000;
    out.push({ value: min, allowed: true }, { value: max, allowed: true }, { value: 1.5, allowed: false });
    if (o.min_value !== undefined) out.push({ value: o.min_value - 1, allowed: false });
    if (o.max_value !== undefined) out.push({ value: o.max_value + 1, allowed: false });
  }
  if (o.type === 3 && o.choices) {
    for (const c of o.choices) out.push({ value: c.value, allowed: true });
    out.push({ value: `${o.choices[0]?.value ?? ''}x`, allowed: false });
  } else if (o.type === 3 && !isDate) {
    const min = o.min_length ?? 1;
    out.push({ value: 'a'.repeat(min), allowed: true });
    if (min > 1) out.push({ value: 'a'.repeat(min - 1), allowed: false });
    if (o.max_length !== undefined)
      out.push(
        { value: 'a'.repeat(o.max_length), allowed: true },
        { value: 'a'.repeat(o.max_length + 1), allowed: false },
      );
  } else if (o.type === 3) {
    out.push(
      { value: '2026-03-08', allowed: true },
      { value: '2026-02-30', allowed: false },
      { value: '2026-3-8', allowed: false },
    );
  }
  if (o.type === 6)
    out.push({ value: '123456789012345678', allowed: true }, { value: 'ann', allowed: false });
  return out;
}

describe('command definitions', () => {
  it('lists every command of the catalogue', () => {
    expect([...commands.keys()].sort()).toEqual([
      'admin',
      'ambulance',
      'appointments',
      'care',
      'er',
      'link-account',
      'meds',
      'patient',
      'staff',
      'subscribe',
      'summary',
    ]);
    const all = [...commands].flatMap(([name, c]) =>
      subcommandNames(c).length ? subcommandNames(c).map((s) => `${name} ${s}`) : [name],
    );
    expect(all).toHaveLength(45);
  });

  for (const [name, command] of commands) {
    describe(`/${name}`, () => {
      const json = commandJson(command) as { name: string; description: string; options?: JsonOption[] };

      it('serialises to a valid Discord definition within the length limits', () => {
        expect(json.name).toBe(name);
        expect(json.description.length).toBeLessThanOrEqual(100);
        // A subcommand of a group is named by its group and its own name ("alerts show").
        for (const sub of subcommandNames(command))
          expect(sub).toMatch(/^[a-z0-9-]{1,32}( [a-z0-9-]{1,32})?$/);
        for (const group of command.groups.keys()) {
          const json = commandJson(command).options?.find((o) => o.name === group) as JsonOption | undefined;
          expect(json?.type, group).toBe(2);
          expect(json?.description.length).toBeLessThanOrEqual(100);
        }
      });

      for (const [subName, sub] of command.subcommands) {
        // "alerts show": the subcommand show inside the group alerts.
        const [first = '', second] = subName.split(' ');
        const outer = json.options?.find((o) => o.name === first);
        const declared: JsonOption[] = !subName
          ? (json.options ?? [])
          : second === undefined
            ? (outer?.options ?? [])
            : (outer?.options?.find((o) => o.name === second)?.options ?? []);
        const schema = optionsSchema(sub.leaves);

        it(`${subName || '(no subcommand)'}: Discord offers exactly the options validation accepts`, () => {
          expect(Object.keys(schema.shape).sort()).toEqual(declared.map((o) => o.name).sort());
          expect(declared.some((o) => o.name === PRIVATE_OPTION)).toBe(!sub.alwaysPrivate);
          for (const o of declared) {
            expect(o.description.length, `${o.name} description`).toBeLessThanOrEqual(100);
            for (const p of probes(o, sub.leaves.find((l) => l.name === o.name)?.date === true)) {
              const parsed = schema.safeParse({ ...requiredValues(sub.leaves, o.name), [o.name]: p.value });
              expect(parsed.success, `${o.name}=${JSON.stringify(p.value)}`).toBe(p.allowed);
            }
          }
        });
      }
    });
  }
});

/** A valid value for every required option but `except`, so that one option can be probed alone. */
function requiredValues(leaves: readonly LeafOption[], except: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const o of leaves) {
    if (!o.required || o.name === except) continue;
    if (o.kind === 'boolean') values[o.name] = true;
    else if (o.kind === 'integer') values[o.name] = o.min ?? 1;
    else if (o.kind === 'user') values[o.name] = '123456789012345678';
    else if (o.choices) values[o.name] = o.choices[0]?.value;
    else if (o.date) values[o.name] = '2026-03-08';
    else values[o.name] = 'a'.repeat(Math.max(o.min ?? 1, 3));
  }
  return values;
}
