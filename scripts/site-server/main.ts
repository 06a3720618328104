import { repoRoot } from '../lib/paths.js';
import { readDotenv } from '../lib/read-dotenv.js';
import { parseSiteServerConfig } from '../lib/site-server-config.js';
import { startSiteServer } from '../lib/site-server.js';

/**
 * The public site on its own process: `npm run site` (npm start runs it as a child, first). Serves
 * RELEASES_DIR/live on SITE_HOST:SITE_PORT from `.env` plus the process environment, whether or not
 * Strapi and the rebuild service run, so neither can take the site down. Ctrl-C or SIGTERM stops it.
 */
async function main(): Promise<void> {
  const config = parseSiteServerConfig(readDotenv(), repoRoot);
  const site = await startSiteServer({
    releasesDir: config.RELEASES_DIR,
    host: config.SITE_HOST,
    port: config.SITE_PORT,
  });
  console.log(`[site] Serving ${config.RELEASES_DIR}/live on ${site.url}.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void site.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
