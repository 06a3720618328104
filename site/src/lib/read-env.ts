import { parseEnv, readEnvSchema, type ReadEnv } from '@lm/shared';

/**
 * The build's connection to Strapi, validated once. `npm run build:site` loads `.env` through
 * Node's `--env-file`, and CI or the rebuilder may set the variables directly.
 */
export function readEnv(env: Record<string, string | undefined> = process.env): ReadEnv {
  return parseEnv(readEnvSchema, env, '[site]');
}
