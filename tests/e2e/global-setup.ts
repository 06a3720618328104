import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { compileCms, startDemoSite } from '../../scripts/lib/demo-site.js';
import { ensureAdminBuild } from '../../scripts/lib/ensure-admin-build.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { ensurePreviewBuilt } from '../../scripts/preview-server/preview-build.js';
import { startPreviewServer, type RunningPreviewServer } from './helpers/start-preview-server.js';
import type {} from './helpers/provided-context.js';

/** The test module's Markdown pages (two sections, a resource box, a word found on one page only). */
const fixtureDir = fileURLToPath(new URL('./fixtures/reading-circles', import.meta.url));

/**
 * Vitest global setup of the browser tests: compiles the CMS and builds its admin panel (once per
 * change of the admin's inputs; the admin tests drive it in Chromium), then starts the demo site as
 * production runs it (throwaway Strapi with the demo and test modules, rebuild service, static
 * server, with Strapi's admin panel and a preview server for it) and provides its URLs, Strapi's
 * write settings and the author's and editor's logins to the tests. Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await compileCms();
  await ensureAdminBuild((line) => {
    console.error(line);
  });
  // Built before Strapi boots, so the builds do not compete for the cores.
  await ensurePreviewBuilt((line) => {
    console.error(line);
  });
  const previewPort = await freePort();
  const site = await startDemoSite({
    extraContent: [fixtureDir],
    log: (line) => {
      console.error(line);
    },
    // The admin tests log into this Strapi's admin and open its Preview.
    strapiEnv: { SERVE_ADMIN_PANEL: 'true', PREVIEW_URL: `http://127.0.0.1:${String(previewPort)}` },
  });
  let preview: RunningPreviewServer;
  try {
    preview = await startPreviewServer(site.strapi.env, previewPort);
  } catch (error) {
    await site.stop();
    throw error;
  }
  project.provide('siteUrl', site.siteUrl);
  project.provide('rebuilderUrl', site.rebuilderUrl);
  project.provide('webhookSecret', site.webhookSecret);
  project.provide('strapiWriteEnv', { ...site.strapi.write });
  project.provide('editorialLogins', {
    author: { email: site.strapi.env.AUTHOR_EMAIL ?? '', password: site.strapi.env.AUTHOR_PASSWORD ?? '' },
    editor: { email: site.strapi.env.EDITOR_EMAIL ?? '', password: site.strapi.env.EDITOR_PASSWORD ?? '' },
  });
  return async () => {
    await preview.stop();
    await site.stop();
  };
}
