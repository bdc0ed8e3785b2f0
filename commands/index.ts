import type { Command } from '#src/runner/command.ts';
import admin from './admin/index.ts';
import ambulance from './ambulance/index.ts';
import appointments from './appointments/index.ts';
import care from './care/index.ts';
import er from './er/index.ts';
import linkAccount from './link-account/index.ts';
import meds from './meds/index.ts';
import patient from './patient/index.ts';
import staff from './staff/index.ts';
import subscribe from './subscribe/index.ts';
import summary from './summary/index.ts';

/** Every slash command, listed explicitly (docs/architecture.md, rule 1), keyed by its name. */
const all: Command[] = [
  patient,
  er,
  staff,
  ambulance,
  appointments,
  care,
  meds,
  summary,
  subscribe,
  admin,
  linkAccount,
];

export const commands: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.name, c]));
