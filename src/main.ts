import { startApp } from './app.ts';
import { readConfig, runCli } from './cli/run.ts';
import { createLogger } from './log.ts';

// Composition root: read the configuration once, then start.
runCli('hers-bot', 'npm start', async () => {
  const config = readConfig();
  await startApp(config, createLogger(config), (text) => console.log(text));
});
