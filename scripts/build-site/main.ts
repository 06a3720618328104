import path from 'node:path';
import { parseEnv, readEnvSchema } from '@lm/shared';
import { buildSite } from '../lib/build-site.js';
import { readDotenv } from '../lib/read-dotenv.js';
import { siteDir } from '../lib/paths.js';

/** `npm run build:site`: builds the public site into site/dist from the Strapi that .env names. */
async function main(): Promise<void> {
  const env = readDotenv();
  parseEnv(readEnvSchema, env, '[build]');
  const outDir = path.join(siteDir, 'dist');
  const { report, durationMs } = await buildSite({
    outDir,
    env,
    onLine: (line) => {
      console.log(line);
    },
  });
  console.log(
    `[build] ${report.pagesRendered} pages in ${(durationMs / 1000).toFixed(1)} s with ${report.graphqlRequests} GraphQL requests ` +
      `(precompression ${((report.phases.compressMs ?? 0) / 1000).toFixed(1)} s) → ${path.relative(process.cwd(), outDir)}`,
  );
  for (const warning of report.warnings) console.warn(`[build] warning: ${warning}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
