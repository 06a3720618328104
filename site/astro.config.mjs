// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { dataStoreFromDisk } from './integrations/data-store-from-disk.ts';
import { skipUnusedClientBuild } from './integrations/skip-unused-client-build.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  // External stylesheets only, so a strict Content-Security-Policy (style-src 'self') holds.
  // Two pages render at once: the machines have two cores and Strapi is idle while pages render.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // The build worker (scripts/lib/build-worker.ts) adds its own, lm:build-report, through Astro's
  // build API: it hands the site the render job and hands back the build's report.
  integrations: [react(), skipUnusedClientBuild(), dataStoreFromDisk()],
  // Content comes from Strapi at build time; nothing on these pages needs client JavaScript.
  prefetch: false,
  devToolbar: { enabled: false },
});
