import { commands } from '../../commands/index.ts';
import { UserError } from '../core/errors.ts';
import { interactive, runLine } from '../console/session.ts';
import { openContext } from '../context.ts';
import { parseFlags, readConfig, runCli } from './run.ts';

const USAGE = 'npm run console [-- [--json | --csv] "<command line>"]';

runCli('console', USAGE, async () => {
  const { values, positionals } = parseFlags(
    process.argv.slice(2),
    { json: { type: 'boolean' }, csv: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) {
    console.log(
      `usage: ${USAGE}\nWithout a command line, opens an interactive session. --json prints the reply as JSON; --csv prints an aggregate table as CSV.`,
    );
    return;
  }
  if (values.json && values.csv) throw new UserError('invalid_argument', 'Choose one of --json and --csv.');
  const config = readConfig();
  const { ctx, close } = await openContext(config);
  try {
    if (positionals.length === 0) {
      await interactive(commands, ctx);
      return;
    }
    const { out, error } = await runLine(
      positionals.join(' '),
      commands,
      ctx,
      values.json ? 'json' : values.csv ? 'csv' : 'text',
    );
    if (error) {
      process.stderr.write(`${out}\n`);
      process.exitCode = 2;
    } else {
      process.stdout.write(`${out}\n`);
    }
  } finally {
    await close();
  }
});
