import type { TestProject } from 'vitest/node';
import { servicesUp } from '../../src/dev/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mysqlServerUrl: string;
    mongoUri: string;
  }
}

/** Brings up MariaDB and a Mongo-wire server once for the whole run (services.ts owns how). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const services = await servicesUp({
    mongoUri: process.env.MONGODB_URI,
    log: (line) => console.log(`[services] ${line}`),
  });
  console.log(`[services] MySQL ${services.mysqlServerUrl}, ${services.mongoKind} ${services.mongoUri}`);
  project.provide('mysqlServerUrl', services.mysqlServerUrl);
  project.provide('mongoUri', services.mongoUri);
  return () => services.stop();
}
