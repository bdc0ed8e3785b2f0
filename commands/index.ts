import type { Command } from '../src/runner/command.ts';
import ambulance from './ambulance/index.ts';
import er from './er/index.ts';
import summary from './summary/index.ts';

/** Every slash command, listed explicitly (style.md rule 1), keyed by its name. */
const all: Command[] = [er, ambulance, summary];

export const commands: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.name, c]));
