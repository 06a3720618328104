import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../scripts/lib/throwaway-postgres.js';
import compileCms from './compile-cms.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL server of the `postgres` project, as "host:port:user". */
    testPostgres: string;
  }
}

/**
 * Vitest global setup of the PostgreSQL run of the integration tests: compiles the CMS and starts a
 * throwaway PostgreSQL server. The server is handed to this project's test files only (see
 * use-postgres.ts): the projects share one process, and a variable set here would reach the
 * SQLite run's files too. Returns the teardown.
 */
export default async function startPostgres(project: TestProject): Promise<() => Promise<void>> {
  await compileCms();
  const server = await startThrowawayPostgres();
  project.provide('testPostgres', `${server.host}:${String(server.port)}:${server.user}`);
  return server.stop;
}
