// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { buildReport } from './integrations/build-report.ts';
import { dataStoreFromDisk } from './integrations/data-store-from-disk.ts';
import { skipUnusedClientBuild } from './integrations/skip-unused-client-build.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  // External stylesheets only, so a strict Content-Security-Policy (style-src 'self') holds.
  // Two pages render at once: the machines have two cores and Strapi is idle while pages render.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // lm:build-report takes the render job the build worker asked for (scripts/lib/build-worker.ts)
  // and hands back the build's report; a plain `astro build` asks for nothing and renders everything.
  integrations: [react(), skipUnusedClientBuild(), dataStoreFromDisk(), buildReport()],
  // Content comes from Strapi at build time; nothing on these pages needs client JavaScript.
  prefetch: false,
  devToolbar: { enabled: false },
});
