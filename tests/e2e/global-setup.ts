import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { compileCms, startDemoSite } from '../../scripts/lib/demo-site.js';
import { ensureAdminBuild } from '../../scripts/lib/ensure-admin-build.js';
import type {} from './helpers/provided-context.js';

/** The test module's Markdown pages (two sections, a resource box, a word found on one page only). */
const fixtureDir = fileURLToPath(new URL('./fixtures/reading-circles', import.meta.url));

/**
 * Vitest global setup of the browser tests: compiles the CMS and builds its admin panel (once per
 * change of the admin's inputs; the admin tests drive it in Chromium), then starts the demo site as
 * production runs it (throwaway Strapi with the demo and test modules, rebuild service, static
 * server) and provides its URLs and Strapi's write settings to the tests. Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await compileCms();
  await ensureAdminBuild((line) => {
    console.error(line);
  });
  const site = await startDemoSite({
    extraContent: [fixtureDir],
    log: (line) => {
      console.error(line);
    },
  });
  project.provide('siteUrl', site.siteUrl);
  project.provide('rebuilderUrl', site.rebuilderUrl);
  project.provide('webhookSecret', site.webhookSecret);
  project.provide('strapiWriteEnv', { ...site.strapi.write });
  return site.stop;
}
