import { inject } from 'vitest';

/**
 * Setup file of the `postgres` project, run in each of its test files before the tests: names the
 * project's PostgreSQL server in TEST_POSTGRES, which makes every throwaway Strapi of the file use
 * a database of its own there instead of a SQLite file (see throwaway-strapi.ts).
 */
process.env.TEST_POSTGRES = inject('testPostgres');
