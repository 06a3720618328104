// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { buildPhases } from './integrations/build-phases.ts';
import { buildReport } from './integrations/build-report.ts';
import { searchIndex } from './integrations/search-index.ts';
import { dataStoreFromDisk } from './integrations/data-store-from-disk.ts';
import { skipUnusedClientBuild } from './integrations/skip-unused-client-build.ts';
import { reuseClientBuild } from './integrations/reuse-client-build.ts';
import { reusedModuleImages } from './integrations/reused-module-images.ts';

/**
 * Images the build may fetch and optimise (site/src/lib/optimised-images.ts): those Strapi's media
 * library serves, nothing else. The pattern is Strapi's origin, taken from STRAPI_URL as the
 * content loaders take it.
 */
function strapiImagePatterns() {
  const strapi = new URL(process.env.STRAPI_URL ?? 'http://localhost:1337');
  // With media in an S3 bucket (cms/config/plugins.ts), its public URL serves them; the site
  // validates S3_PUBLIC_URL where it renders images (site/src/lib/read-env.ts).
  const bucket = process.env.S3_PUBLIC_URL ? new URL(process.env.S3_PUBLIC_URL) : null;
  return [strapi, ...(bucket ? [bucket] : [])].map((origin) => ({
    protocol: origin.protocol.replace(/:$/, ''),
    hostname: origin.hostname,
    ...(origin.port === '' ? {} : { port: origin.port }),
  }));
}

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  // External stylesheets only, so a strict Content-Security-Policy (style-src 'self') holds.
  // Two pages render at once: the machines have two cores and Strapi is idle while pages render.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // lm:build-report takes the render job the build worker asked for (scripts/lib/build-worker.ts)
  // and hands back the build's report; a plain `astro build` asks for nothing and renders everything.
  // lm:search-index indexes the rendered modules when the build is done, before lm:build-report
  // reports the build (hooks run in this order). lm:build-phases times bundling and rendering for
  // the report. lm:reuse-client-build writes the last client build's files when the islands and
  // the build key are unchanged.
  integrations: [
    react(),
    reuseClientBuild(),
    skipUnusedClientBuild(),
    dataStoreFromDisk(),
    buildPhases(),
    searchIndex(),
    // Before lm:build-report, which ends the build's state this reads.
    reusedModuleImages(),
    buildReport(),
  ],
  // Content comes from Strapi at build time; only the search page (one island) needs client JavaScript.
  image: { remotePatterns: strapiImagePatterns() },
  prefetch: false,
  // Astro writes a small component <script> inline into the page, which the Content-Security-Policy
  // (script-src 'self' plus Astro's own island code by hash) would block: scripts stay files.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  devToolbar: { enabled: false },
});
