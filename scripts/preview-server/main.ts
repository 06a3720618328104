import { parseEnv, previewServerEnvSchema } from '@lm/shared';
import { listen } from '../lib/listen.js';
import { readDotenv } from '../lib/read-dotenv.js';
import { loadPreviewHandler } from './load-preview-handler.js';
import { ensurePreviewBuilt, previewClientDir, sitePublicDir } from './preview-build.js';
import { createPreviewServer } from './preview-server.js';

/**
 * The draft preview server: `npm run preview` (npm start runs it beside the public site). Builds
 * site/preview when it is missing or out of date, then serves it on PREVIEW_HOST:PREVIEW_PORT to
 * whoever holds a link from the Strapi admin. Ctrl-C or SIGTERM stops it.
 */
async function main(): Promise<void> {
  const env = parseEnv(previewServerEnvSchema, readDotenv(), '[preview]');
  // The preview's pages read Strapi's address and the preview token from the process environment
  // when they render (Astro's Node adapter runs them in this process).
  process.env.STRAPI_URL = env.STRAPI_URL;
  process.env.STRAPI_PREVIEW_TOKEN = env.STRAPI_PREVIEW_TOKEN;
  // The preview is a production build whatever environment npm start runs Strapi with: Astro picks
  // its island script (whose hash the Content-Security-Policy allows) and React its server build
  // from NODE_ENV when they render, and development versions of both differ.
  process.env.NODE_ENV = 'production';
  const built = await ensurePreviewBuilt((line) => {
    console.log(`[preview] ${line}`);
  });
  if (built) console.log('[preview] Built the preview (its sources changed since the last build).');
  const server = createPreviewServer({
    secret: env.PREVIEW_SECRET,
    adminOrigin: new URL(env.STRAPI_URL).origin,
    secure: env.PREVIEW_URL.startsWith('https:'),
    astro: await loadPreviewHandler(),
    clientDir: previewClientDir,
    sitePublicDir,
    logError: (message) => {
      console.error(message);
    },
  });
  await listen(server, env.PREVIEW_HOST, env.PREVIEW_PORT, 'PREVIEW_PORT', '[preview]');
  console.log(`[preview] Serving draft previews on ${env.PREVIEW_URL} (only through links from the admin).`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
