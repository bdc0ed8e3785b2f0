import { commands } from '../../commands/index.ts';
import { registerCommands } from '../discord/register.ts';
import { parseFlags, readConfig, runCli } from './run.ts';

const USAGE = 'npm run register [-- --dry-run]';

runCli('register', USAGE, async () => {
  const { values } = parseFlags(process.argv.slice(2), {
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(
      `usage: ${USAGE}\nPuts hers-bot's slash commands into DISCORD_GUILD_ID (or globally without it). --dry-run only shows what would change.`,
    );
    return;
  }
  const dryRun = values['dry-run'] === true;
  const r = await registerCommands(readConfig(), commands, dryRun);
  const list = (label: string, names: string[]) =>
    names.length > 0 && console.log(`  ${label}: ${names.map((n) => `/${n}`).join(', ')}`);
  console.log(`${dryRun ? 'would register' : 'registering'} ${commands.size} commands in ${r.scope}:`);
  list('added', r.added);
  list('changed', r.changed);
  list('removed', r.removed);
  list('unchanged', r.unchanged);
  console.log(
    r.applied
      ? 'done: Discord has the new definitions.'
      : dryRun
        ? 'dry run: nothing was sent.'
        : 'nothing to change.',
  );
});
