import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from '@lm/shared';
import { unsetIfEmpty, wholeNumber } from './whole-number.js';

/**
 * The variables the site server and the rebuild service share: where releases live and which port
 * the public site is on. The rebuild service writes releases there; the site server serves `live`.
 */
export const releaseFields = {
  /** Folder of the releases and the `live` symlink, relative to the repository unless absolute. */
  RELEASES_DIR: z.preprocess(unsetIfEmpty, z.string().default('.releases')),
  /** Port the live site is served on; 0 picks a free one. */
  SITE_PORT: wholeNumber('SITE_PORT', 4321, 0, 65_535),
};

/**
 * The site server's configuration. It needs no Strapi and no secret, so it starts (and serves the
 * last live release) whatever state the rest is in. `repoRoot` anchors a relative RELEASES_DIR.
 */
export const siteServerConfigSchema = (repoRoot: string) =>
  z
    .object({
      ...releaseFields,
      /** Interface the site listens on; unset: REBUILD_HOST, which it shared before it had its own process. */
      SITE_HOST: z.preprocess(unsetIfEmpty, z.string().optional()),
      REBUILD_HOST: z.preprocess(unsetIfEmpty, z.string().optional()),
    })
    .transform((config) => ({
      RELEASES_DIR: path.resolve(repoRoot, config.RELEASES_DIR),
      SITE_PORT: config.SITE_PORT,
      SITE_HOST: config.SITE_HOST ?? config.REBUILD_HOST ?? '127.0.0.1',
    }));

/** The parsed configuration: RELEASES_DIR is absolute, SITE_HOST always set. */
export type SiteServerConfig = z.infer<ReturnType<typeof siteServerConfigSchema>>;

/** Parses the environment once at start; throws one message naming every invalid variable. */
export function parseSiteServerConfig(env: Record<string, string | undefined>, repoRoot: string): SiteServerConfig {
  return parseEnv(siteServerConfigSchema(repoRoot), env, '[site]');
}
