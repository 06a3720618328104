import { existsSync } from 'node:fs';
import { envPath } from './paths.js';
import { loadEnvFile } from './load-env-file.js';

/**
 * The environment scripts run with: `.env` when it exists, overridden by the process's own
 * variables (so CI and the rebuilder can set values without a file).
 */
export function readDotenv(path: string = envPath): Record<string, string | undefined> {
  return existsSync(path) ? loadEnvFile(path) : { ...process.env };
}
