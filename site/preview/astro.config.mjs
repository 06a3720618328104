// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

/**
 * The draft preview server: a second Astro project whose only pages are the preview routes
 * (src/pages/preview/*), each rendering the public site's own pages and components from site/src
 * with draft content. The public site (site/astro.config.mjs) knows nothing of it, so its static
 * build and releases are unchanged. Built into site/preview/dist and served by
 * scripts/preview-server, which checks the preview link or session before anything here runs.
 */
export default defineConfig({
  // Canonical links stay the public ones, as on the public pages.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'server',
  // A request handler, not a server of its own: scripts/preview-server puts its checks and headers
  // in front of it and serves the built client files.
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'always',
  // External files only, as on the public site, so the preview's strict Content-Security-Policy holds.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [react()],
  prefetch: false,
  devToolbar: { enabled: false },
});
