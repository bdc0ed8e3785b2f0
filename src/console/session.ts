import { userInfo } from 'node:os';
import { createInterface, type CompleterResult } from 'node:readline';
import { isUserError } from '../core/errors.ts';
import { sanitizeLines } from '../core/text.ts';
import type { Command, Context } from '../runner/command.ts';
import { COMMAND_TIMEOUT_MS, execute, type Actor } from '../runner/execute.ts';
import { describeOutcome } from '../runner/outcome.ts';
import { formatReply, type Format } from './output.ts';
import { declaredOptions, parseCommandLine, subcommandNames } from './parse.ts';

export const actor = (): Actor => ({ source: 'console', actorId: `console:${userInfo().username}` });

/** How a command line ended, as the exit code of `npm run console -- "<line>"`. */
export const EXIT = { answered: 0, failure: 1, usage: 2, unavailable: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Runs one command line within the same deadline as in Discord; returns what to print (control characters
 * in anything echoed are removed) and how it ended.
 */
export async function runLine(
  line: string,
  commands: ReadonlyMap<string, Command>,
  ctx: Context,
  format: Format,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<{ out: string; code: ExitCode }> {
  const ended = (code: ExitCode, out: string) => ({ out: sanitizeLines(out), code });
  try {
    const inv = parseCommandLine(line, commands);
    const outcome = await execute(commands, inv, ctx, actor(), { timeoutMs });
    if (outcome.kind === 'reply')
      return {
        out: await formatReply(outcome.reply, format, ctx.config, `${inv.command}-${inv.subcommand}`),
        code: EXIT.answered,
      };
    const { message, exitCode } = describeOutcome(outcome, { detail: true });
    return ended(exitCode, message);
  } catch (err) {
    if (isUserError(err)) return ended(EXIT.usage, err.message);
    throw err;
  }
}

export function helpText(commands: ReadonlyMap<string, Command>, topic?: string): string {
  const lines: string[] = [];
  const describe = (command: Command, name: string) => {
    const subs = subcommandNames(command);
    for (const sub of subs.length ? subs : ['']) {
      const opts = declaredOptions(command, sub).map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`));
      const desc = sub ? command.subcommands.get(sub)?.description : command.description;
      lines.push(`  /${name}${sub ? ` ${sub}` : ''} ${opts.join(' ')}`.trimEnd(), `      ${desc ?? ''}`);
    }
  };
  const wanted = topic?.replace(/^\//, '');
  const command = wanted ? commands.get(wanted) : undefined;
  if (wanted && command) describe(command, wanted);
  else for (const [name, c] of commands) describe(c, name);
  lines.push(
    '',
    'Values with spaces: name:"Ann Lee". Windows: window:24h|7d|30d|90d|1y or from:YYYY-MM-DD to:YYYY-MM-DD.',
    'Also: help [command], exit.',
  );
  return lines.join('\n');
}

/** Tab completion: command names, then subcommands, then option names. */
export function completer(commands: ReadonlyMap<string, Command>) {
  return (line: string): CompleterResult => {
    const words = line.split(/\s+/);
    const last = words[words.length - 1] ?? '';
    if (words.length === 1) {
      const all = [...[...commands.keys()].map((c) => `/${c}`), 'help', 'exit'];
      return [all.filter((c) => c.startsWith(last)), last];
    }
    const command = commands.get((words[0] ?? '').replace(/^\//, ''));
    if (!command) return [[], last];
    const subs = subcommandNames(command);
    // After the command: a subcommand ("severity"), or a group and one of its own ("alerts show").
    const one = words[1] ?? '';
    const group = subs.some((s) => s.startsWith(`${one} `));
    const nameWords = subs.length === 0 ? 0 : group ? 2 : 1;
    if (words.length <= nameWords + 1) {
      const prefix = words.length === 3 ? `${one} ` : '';
      const next = subs
        .filter((s) => s.startsWith(prefix))
        .map((s) => s.slice(prefix.length).split(' ')[0] ?? '');
      return [[...new Set(next)].filter((w) => w.startsWith(last)).map((w) => `${w} `), last];
    }
    const sub = words.slice(1, nameWords + 1).join(' ');
    const names = declaredOptions(command, sub).map((o) => `${o.name}:`);
    return [names.filter((n) => n.startsWith(last)), last];
  };
}

/**
 * `--stdin`: answers each command line read from standard input, in order, with no prompt; blank lines and
 * lines starting with # are skipped. Lines that name patients stay out of the process list and the shell
 * history this way. Returns the highest exit code of the lines (0 when all were answered).
 */
export async function answerLines(
  commands: ReadonlyMap<string, Command>,
  ctx: Context,
  format: Format,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<ExitCode> {
  let worst: ExitCode = EXIT.answered;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const { out, code } = await runLine(line, commands, ctx, format);
    (code === EXIT.answered ? process.stdout : process.stderr).write(`${out}\n`);
    if (code > worst) worst = code;
  }
  return worst;
}

/** The interactive session: a prompt with history (kept in memory only: lines may name patients). */
export async function interactive(commands: ReadonlyMap<string, Command>, ctx: Context): Promise<void> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    completer: completer(commands),
    historySize: 200,
    prompt: 'hers> ',
  });
  console.log('hers-bot terminal session. Type help for the commands, exit to leave.');
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line === '') {
      rl.prompt();
      continue;
    }
    if (line === 'help' || line.startsWith('help ')) console.log(helpText(commands, line.split(/\s+/)[1]));
    else {
      const { out } = await runLine(line, commands, ctx, 'text');
      console.log(out);
    }
    rl.prompt();
  }
  rl.close();
}
