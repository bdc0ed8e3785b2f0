import { defineConfig } from 'vitest/config';

/**
 * Three projects: unit tests need no server and start nothing; integration and e2e tests share the
 * MariaDB and FerretDB that the global setup brings up once. `npx vitest run --project unit` runs alone.
 */
const withServers = ['test/support/global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: withServers },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: withServers } },
    ],
  },
});
