import type { TestProject } from 'vitest/node';
import { servicesUp, type Services } from '../../dev/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mysqlServerUrl: string;
    mongoUri: string;
  }
}

/**
 * The servers, shared by every project that names this setup: vitest runs a project's global setup once
 * per project, in one process, so the first starts them and the last teardown stops them.
 */
interface Shared {
  services: Promise<Services>;
  users: number;
}
const KEY = Symbol.for('hers-bot.test-services');
const store = globalThis as typeof globalThis & { [KEY]?: Shared };

/** Brings up MariaDB and a Mongo-wire server once for the whole run (dev/services.ts owns how). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (store[KEY] ??= {
    services: servicesUp({
      mongoUri: process.env.MONGODB_URI,
      log: (line) => console.log(`[services] ${line}`),
    }).then((s) => {
      console.log(`[services] MySQL ${s.mysqlServerUrl}, ${s.mongoKind} ${s.mongoUri}`);
      return s;
    }),
    users: 0,
  });
  shared.users++;
  const services = await shared.services;
  project.provide('mysqlServerUrl', services.mysqlServerUrl);
  project.provide('mongoUri', services.mongoUri);
  return async () => {
    if (--shared.users > 0) return;
    delete store[KEY];
    await services.stop();
  };
}
