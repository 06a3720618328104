import {
  contentSourceEnvSchema,
  mediaUrlEnvSchema,
  parseEnv,
  readEnvSchema,
  type ContentSourceEnv,
  type ReadEnv,
} from '@lm/shared';

/**
 * The build's connection to Strapi, validated once. `npm run build:site` loads `.env` through
 * Node's `--env-file`, and CI or the rebuilder may set the variables directly.
 */
export function readEnv(env: Record<string, string | undefined> = process.env): ReadEnv {
  return parseEnv(readEnvSchema, env, '[site]');
}

/** Where the media bucket's files are public (S3_PUBLIC_URL), when Strapi keeps media in one. */
export function readMediaUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return parseEnv(mediaUrlEnvSchema, env, '[site]').S3_PUBLIC_URL;
}

/** Where the content comes from: Strapi, unless SITE_CONTENT_SNAPSHOT names a snapshot file. */
export function readContentSourceEnv(env: Record<string, string | undefined> = process.env): ContentSourceEnv {
  return parseEnv(contentSourceEnvSchema, env, '[site]');
}
