import { defineConfig } from 'vitest/config';

/**
 * The integration tests whose subject is what Strapi stores and refuses: content model, course
 * checks, roles and tokens, imports, publishing. The others test the site build, the servers and
 * the rebuild service, which read content through the API and are the same on either database.
 */
const POSTGRES_TESTS = [
  'database-client',
  'course-checks',
  'editorial-roles',
  'token-rights',
  'graphql-limits',
  'importer',
  'importer-failures',
  'course-in-a-box',
  'check-content',
  'publish-status',
  'publish-to-live',
  'backup-restore',
];

/** Tests whose subject exists only on PostgreSQL (the build lock, instances sharing one database). */
const POSTGRES_ONLY_TESTS = ['build-lock', 'two-strapi-instances'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          globalSetup: ['tests/helpers/compile-cms.ts'],
          include: ['tests/integration/**/*.test.ts'],
          exclude: POSTGRES_ONLY_TESTS.map((name) => `tests/integration/${name}.test.ts`),
          environment: 'node',
          // One real Strapi per file; booting it and running astro build take tens of seconds.
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The integration tests that exercise the database, again on PostgreSQL: a throwaway
          // server started from the system's binaries, a database of its own for each Strapi.
          name: 'postgres',
          globalSetup: ['tests/helpers/start-postgres.ts'],
          setupFiles: ['tests/helpers/use-postgres.ts'],
          // What database-client.test.ts expects; the SQLite run's files have no TEST_DATABASE.
          env: { TEST_DATABASE: 'postgres' },
          include: [...POSTGRES_TESTS, ...POSTGRES_ONLY_TESTS].map((name) => `tests/integration/${name}.test.ts`),
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          // Compiles the CMS, then starts one demo site (Strapi, rebuild service, static server) for all files.
          globalSetup: ['tests/e2e/global-setup.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Real Chromium against a real site; a test that publishes waits for a real rebuild.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
