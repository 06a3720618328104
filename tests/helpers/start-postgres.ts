import { startThrowawayPostgres } from '../../scripts/lib/throwaway-postgres.js';
import compileCms from './compile-cms.js';

/**
 * Vitest global setup of the PostgreSQL run of the integration tests: compiles the CMS, starts a
 * throwaway PostgreSQL server and names it in TEST_POSTGRES, which makes every throwaway Strapi use
 * a database of its own there instead of a SQLite file (see throwaway-strapi.ts). The test files
 * run in processes started after this, which inherit the variable. Returns the teardown.
 */
export default async function startPostgres(): Promise<() => Promise<void>> {
  await compileCms();
  const server = await startThrowawayPostgres();
  process.env.TEST_POSTGRES = `${server.host}:${String(server.port)}:${server.user}`;
  return async () => {
    delete process.env.TEST_POSTGRES;
    await server.stop();
  };
}
