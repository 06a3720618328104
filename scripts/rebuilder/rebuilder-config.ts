import path from 'node:path';
import { z } from 'zod';
import { databaseEnvSchema, parseEnv, PLACEHOLDER_PREFIX, readEnvSchema } from '@lm/shared';
import { releaseFields } from '../lib/site-server-config.js';
import { unsetIfEmpty, wholeNumber } from '../lib/whole-number.js';

/**
 * The rebuild service's configuration, read once from the environment (`.env` overridden by the
 * process's own variables). `repoRoot` anchors a relative RELEASES_DIR.
 */
export const rebuilderConfigSchema = (repoRoot: string) =>
  readEnvSchema
    .extend({
      /**
       * Interface the webhook API listens on (and the site server, unless SITE_HOST is set); 0.0.0.0
       * when Strapi runs on another host.
       */
      REBUILD_HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
      /** Port of the webhook API (/hooks/strapi, /status, /healthz, /rollback); 0 picks a free one. */
      REBUILD_PORT: wholeNumber('REBUILD_PORT', 4322, 0, 65_535),
      /** Shared secret Strapi sends in the x-rebuild-secret header (REBUILD_SECRET_HEADER). */
      REBUILD_WEBHOOK_SECRET: z
        .string({
          required_error:
            'REBUILD_WEBHOOK_SECRET is missing. Run `npm start` once to add it to .env, or set it to a long random value.',
        })
        .min(16, 'REBUILD_WEBHOOK_SECRET must be at least 16 characters (for example: openssl rand -base64 24).')
        .refine(
          (value) => !value.startsWith(PLACEHOLDER_PREFIX),
          'REBUILD_WEBHOOK_SECRET is still the placeholder from .env.example; set it to a long random value.',
        ),
      /** Quiet time after the last delivery before a build starts. */
      REBUILD_DEBOUNCE_MS: wholeNumber('REBUILD_DEBOUNCE_MS', 1_000, 0),
      /** Longest a burst of deliveries may delay its build. */
      REBUILD_MAX_WAIT_MS: wholeNumber('REBUILD_MAX_WAIT_MS', 10_000, 0),
      /** Longest one build may run before it is aborted and recorded as failed. */
      REBUILD_TIMEOUT_MS: wholeNumber('REBUILD_TIMEOUT_MS', 600_000, 1_000),
      /** How often the published content is compared with the live release; 0 turns polling off. */
      RECONCILE_INTERVAL_MS: wholeNumber('RECONCILE_INTERVAL_MS', 180_000, 0),
      ...releaseFields,
      /** Releases kept on disk (the live one is never deleted). */
      RELEASES_KEEP: wholeNumber('RELEASES_KEEP', 5, 1),
      /**
       * Command run (with /bin/sh) after each swap of `live`, so nginx reads the new release's
       * redirect map: `nginx -s reload` or `sudo systemctl reload nginx`. Unset: nothing is run
       * (the Node site server reads the map itself).
       */
      WEB_SERVER_RELOAD: z.preprocess(unsetIfEmpty, z.string().optional()),
      /** The CMS database: on PostgreSQL, each build holds an advisory lock there (build-lock.ts). */
      ...databaseEnvSchema.shape,
    })
    .refine((config) => config.REBUILD_MAX_WAIT_MS >= config.REBUILD_DEBOUNCE_MS, {
      message: 'REBUILD_MAX_WAIT_MS must not be shorter than REBUILD_DEBOUNCE_MS.',
      path: ['REBUILD_MAX_WAIT_MS'],
    })
    .transform((config) => ({ ...config, RELEASES_DIR: path.resolve(repoRoot, config.RELEASES_DIR) }));

/** The parsed configuration: numbers are numbers, RELEASES_DIR is absolute. */
export type RebuilderConfig = z.infer<ReturnType<typeof rebuilderConfigSchema>>;

/**
 * Parses the environment once at start. Throws one message that names every missing or invalid
 * variable, so the service stops before it listens or builds anything.
 */
export function parseRebuilderConfig(env: Record<string, string | undefined>, repoRoot: string): RebuilderConfig {
  return parseEnv(rebuilderConfigSchema(repoRoot), env, '[rebuild]');
}
