import { start } from './app.ts';
import { readConfig, runCli } from './cli/run.ts';

// Composition root: read the configuration once, then start.
runCli('hers-bot', 'npm start', () => start(readConfig()));
