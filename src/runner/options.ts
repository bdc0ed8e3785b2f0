import { z } from 'zod';
import { dateProblem, parseIsoDate } from '../core/time.ts';
import { ROLLING_WINDOWS, type RollingWindow, type TimeWindow } from '../core/window.ts';
import type { Choice, Context } from './context.ts';

/**
 * One declaration per option. A spec says what the option is (kind, description, bounds, choices); the
 * Discord definition (src/discord/definitions.ts), the zod validation (`optionsSchema`) and the terminal's
 * parser (src/console/parse.ts) are all derived from it, so they cannot disagree.
 */
export type OptionKind = 'string' | 'integer' | 'boolean' | 'user' | 'window';

export interface OptionSpec<T = unknown, R extends boolean = boolean> {
  readonly kind: OptionKind;
  readonly description: string;
  readonly required: R;
  /** Characters for strings, values for integers. */
  readonly min?: number;
  readonly max?: number;
  /** The only values accepted, with the label Discord shows for each. */
  readonly choices?: readonly Choice[];
  /** A calendar date, YYYY-MM-DD. */
  readonly date?: boolean;
  /** Suggestions as the person types (Discord autocomplete; the terminal ignores it). */
  readonly suggest?: (value: string, ctx: Context) => Promise<Choice[]>;
  /** For `window`: the rolling window used when none is given. */
  readonly fallback?: RollingWindow;
  /** Never set: carries the validated value's type. */
  readonly __value?: T;
}

export type Options = Readonly<Record<string, OptionSpec>>;

/** What `run` receives: each option's validated value, `undefined` when an optional one is not given. */
export type OptionValues<O extends Options> = {
  [K in keyof O]: O[K] extends OptionSpec<infer T, infer R> ? (R extends true ? T : T | undefined) : never;
};

interface Common<R extends boolean> {
  description: string;
  required?: R;
}

/** The option every aggregate report takes, unless always private: the answer goes to the asker only. */
export const PRIVATE_OPTION = 'private';

/** The raw option names a `window` spec stands for. */
export const WINDOW_KEYS = ['window', 'from', 'to'] as const;

export const opt = {
  string<const R extends boolean = false>(
    o: Common<R> & {
      min?: number;
      max?: number;
      suggest?: (value: string, ctx: Context) => Promise<Choice[]>;
    },
  ): OptionSpec<string, R> {
    return { kind: 'string', ...o, required: (o.required ?? false) as R };
  },

  /** One of a fixed list; `labels` gives a value a friendlier name in Discord's menu. */
  choice<const V extends string, const R extends boolean = false>(
    values: readonly V[],
    o: Common<R> & { labels?: Partial<Record<V, string>> },
  ): OptionSpec<V, R> {
    const { labels, ...rest } = o;
    return {
      kind: 'string',
      ...rest,
      required: (o.required ?? false) as R,
      choices: values.map((v) => ({ name: labels?.[v] ?? v, value: v })),
    };
  },

  integer<const R extends boolean = false>(
    o: Common<R> & { min?: number; max?: number },
  ): OptionSpec<number, R> {
    return { kind: 'integer', ...o, required: (o.required ?? false) as R };
  },

  boolean<const R extends boolean = false>(o: Common<R>): OptionSpec<boolean, R> {
    return { kind: 'boolean', ...o, required: (o.required ?? false) as R };
  },

  /** A Discord member (their user id); in the terminal, the id typed as digits. */
  user<const R extends boolean = false>(o: Common<R>): OptionSpec<string, R> {
    return { kind: 'user', ...o, required: (o.required ?? false) as R };
  },

  /** A calendar date in the hospital's time zone, YYYY-MM-DD. */
  date<const R extends boolean = false>(o: Common<R>): OptionSpec<string, R> {
    return { kind: 'string', ...o, required: (o.required ?? false) as R, date: true, min: 10, max: 10 };
  },

  /** A patient by MRN, id or name, suggested as the person types. */
  patient(o: { description?: string; suggest: (value: string, ctx: Context) => Promise<Choice[]> }) {
    return opt.string({
      description: o.description ?? 'Patient: MRN, id or name',
      required: true,
      max: 100,
      suggest: o.suggest,
    });
  },

  /**
   * The time window: `window:` (rolling, ending now; `fallback` when nothing is given) or `from:`/`to:`
   * calendar dates. Declared under the key `window`; `run` receives the resolved interval.
   */
  window(fallback: RollingWindow): OptionSpec<TimeWindow, true> {
    return {
      kind: 'window',
      description: `Time window ending now (default ${fallback})`,
      required: true,
      fallback,
    };
  },
};

/** The options as a person gives them, one per name, `private` included where it applies. */
export interface LeafOption {
  name: string;
  kind: Exclude<OptionKind, 'window'>;
  description: string;
  required: boolean;
  min?: number;
  max?: number;
  choices?: readonly Choice[];
  date?: boolean;
  autocomplete: boolean;
}

/** Expands specs into the options a person types: a window becomes window, from and to. */
export function leafOptions(options: Options, withPrivate: boolean): LeafOption[] {
  const leaves: LeafOption[] = [];
  for (const [name, s] of Object.entries(options)) {
    if (s.kind === 'window') {
      if (name !== 'window') throw new Error(`a window option must be named "window", not "${name}"`);
      leaves.push(
        {
          name: 'window',
          kind: 'string',
          description: s.description,
          required: false,
          choices: ROLLING_WINDOWS.map((w) => ({ name: w, value: w })),
          autocomplete: false,
        },
        {
          name: 'from',
          kind: 'string',
          description: 'First day, YYYY-MM-DD (with to, instead of window)',
          required: false,
          min: 10,
          max: 10,
          date: true,
          autocomplete: false,
        },
        {
          name: 'to',
          kind: 'string',
          description: 'Last day, YYYY-MM-DD (with from)',
          required: false,
          min: 10,
          max: 10,
          date: true,
          autocomplete: false,
        },
      );
      continue;
    }
    leaves.push({
      name,
      kind: s.kind,
      description: s.description,
      required: s.required,
      ...(s.min !== undefined && { min: s.min }),
      ...(s.max !== undefined && { max: s.max }),
      ...(s.choices && { choices: s.choices }),
      ...(s.date && { date: true }),
      autocomplete: s.suggest !== undefined,
    });
  }
  if (withPrivate)
    leaves.push({
      name: PRIVATE_OPTION,
      kind: 'boolean',
      description: 'Show the answer to you only',
      required: false,
      autocomplete: false,
    });
  return leaves;
}

/** A real calendar date within the years dates may take; the problem reads after "Option `x`: ". */
const IsoDate = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    if (parseIsoDate(s) === undefined)
      ctx.addIssue({ code: 'custom', message: 'must be a real date as YYYY-MM-DD' });
    else {
      const problem = dateProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { standalone: true } });
    }
  });

function leafSchema(o: LeafOption): z.ZodType {
  let schema: z.ZodType;
  if (o.kind === 'boolean') schema = z.boolean();
  else if (o.kind === 'user') schema = z.string().regex(/^\d{17,20}$/, 'must be a Discord user');
  else if (o.kind === 'integer') {
    let n = z.number().int();
    if (o.min !== undefined) n = n.min(o.min);
    if (o.max !== undefined) n = n.max(o.max);
    schema = n;
  } else if (o.choices) {
    const values = o.choices.map((c) => c.value);
    schema = z.enum(values as [string, ...string[]]);
  } else if (o.date) schema = IsoDate;
  else {
    let s = z
      .string()
      .trim()
      .min(o.min ?? 1);
    if (o.max !== undefined) s = s.max(o.max);
    schema = s;
  }
  return o.required ? schema : schema.optional();
}

/** The zod schema of a subcommand's raw options, derived from the same leaves as its Discord definition. */
export function optionsSchema(leaves: readonly LeafOption[]): z.ZodObject {
  return z.object(Object.fromEntries(leaves.map((o) => [o.name, leafSchema(o)])));
}
