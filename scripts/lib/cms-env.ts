import { existsSync } from 'node:fs';
import { envPath } from './paths.js';
import { readDotenv } from './read-dotenv.js';

/**
 * The environment a Strapi CLI command runs with from a script: the root `.env` (overridden by
 * the shell's variables), and ENV_PATH naming that file, since Strapi in cms/ would otherwise read
 * cms/.env and reach another database than `npm start` does.
 */
export function cmsEnv(): Record<string, string | undefined> {
  return { ...readDotenv(), ...(existsSync(envPath) ? { ENV_PATH: envPath } : {}) };
}
