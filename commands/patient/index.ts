import { defineCommand } from '#src/runner/command.ts';
import frequent from './frequent.ts';
import history from './history.ts';
import lookup from './lookup.ts';
import neverTreated from './never-treated.ts';
import search from './search.ts';

export default defineCommand({
  name: 'patient',
  description: 'Patient records: search, lookup, history and treatment patterns',
  subcommands: [search, lookup, history, frequent, neverTreated],
});
