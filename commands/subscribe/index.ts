import { defineCommand } from '#src/runner/command.ts';
import add from './add.ts';
import list from './list.ts';
import remove from './remove.ts';

export default defineCommand({
  name: 'subscribe',
  description: 'Reports delivered to you (or a channel) at set local times',
  subcommands: [add, list, remove],
});
