import { defineCommand } from '#src/runner/command.ts';
import followUp from './follow-up.ts';
import gaps from './gaps.ts';
import noShows from './no-shows.ts';

export default defineCommand({
  name: 'care',
  description: 'Care coordination: follow-up after ER discharge, care gaps, no-shows',
  subcommands: [followUp, gaps, noShows],
});
