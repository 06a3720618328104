import { defineConfig } from 'vitest/config';

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
          environment: 'node',
          // One real Strapi per file; booting it and running astro build take tens of seconds.
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
