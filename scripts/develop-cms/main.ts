import { execa } from 'execa';
import { appendMissingEnvKeys, ensureEnvFile } from '../lib/ensure-env-file.js';
import { cmsDir, envExamplePath, envPath } from '../lib/paths.js';

/**
 * `npm run develop:cms`: Strapi alone, in development mode with its file watcher, reading the same
 * root `.env` as `npm start`. Strapi itself reads `cms/.env` unless ENV_PATH names another file, so
 * running `strapi develop` in cms/ directly would start on other ports and secrets than the site
 * and the rebuild service expect.
 */
async function main(): Promise<void> {
  if (ensureEnvFile(envPath, envExamplePath)) console.log(`[develop] Wrote ${envPath} with fresh secrets.`);
  const added = appendMissingEnvKeys(envPath, envExamplePath);
  if (added.length > 0) console.log(`[develop] Added to .env from .env.example: ${added.join(', ')}.`);
  const strapi = await execa('strapi', ['develop', ...process.argv.slice(2)], {
    cwd: cmsDir,
    preferLocal: true,
    stdio: 'inherit',
    env: { ENV_PATH: envPath, STRAPI_TELEMETRY_DISABLED: 'true' },
    reject: false,
  });
  process.exitCode = strapi.exitCode ?? 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
