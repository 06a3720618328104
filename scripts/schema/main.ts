import { execa } from 'execa';
import { cmsDir } from '../lib/paths.js';
import { startThrowawayStrapi } from '../lib/throwaway-strapi.js';

/**
 * `npm run schema`: compiles the CMS and boots it once on a throwaway database with artifact
 * generation on, so Strapi's GraphQL plugin writes shared/schema.graphql from the content model.
 * `npm run codegen` (chained by the npm script) then regenerates the typed documents.
 */
async function main(): Promise<void> {
  console.log('[schema] Compiling the CMS…');
  await execa('tsc', ['-p', 'tsconfig.json'], { cwd: cmsDir, preferLocal: true, stdio: 'inherit' });
  console.log('[schema] Booting Strapi to write shared/schema.graphql…');
  const strapi = await startThrowawayStrapi({ GRAPHQL_GENERATE_ARTIFACTS: 'true' });
  await strapi.stop();
  console.log('[schema] Wrote shared/schema.graphql.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
