import path from 'node:path';
import { parseEnv, readEnvSchema } from '@lm/shared';
import { readDotenv } from '../lib/read-dotenv.js';
import { siteDir } from '../lib/paths.js';
import { buildSite } from './build-site.js';

/** `npm run build:site`: builds the public site into site/dist from the Strapi that .env names. */
async function main(): Promise<void> {
  const env = readDotenv();
  parseEnv(readEnvSchema, env, '[build]');
  const outDir = path.join(siteDir, 'dist');
  const result = await buildSite({
    outDir,
    env,
    onLine: (line) => {
      console.log(line);
    },
  });
  console.log(
    `[build] ${result.pageCount} pages in ${(result.durationMs / 1000).toFixed(1)} s with ${result.graphqlRequests} GraphQL requests → ${path.relative(process.cwd(), outDir)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
