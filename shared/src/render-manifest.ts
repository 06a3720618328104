import { z } from 'zod';
import { SLUG_PATTERN } from './slug.js';

/**
 * Incremental rendering, the contract between the site and the build worker (scripts/build-site).
 *
 * A module's pages (its home and every page in it) are rendered from that module's content alone:
 * the module, its sections and their pages. So when a build runs with the same code as the live
 * release and a module's content is unchanged, its pages would come out byte for byte the same,
 * and the worker copies them from the live release instead of rendering them again. The site
 * decides what to render (it has the content); the worker copies (it has the releases).
 */

/** Written into every release the worker builds; a dotfile, so the static server never serves it. */
export const RENDER_MANIFEST_FILE = '.render-manifest.json';

export const renderManifestSchema = z.object({
  version: z.literal(1),
  /** Identifies the code and settings the pages were rendered with (see the build worker). */
  buildKey: z.string().min(1),
  /** By module slug: a digest of the content its pages are rendered from. */
  modules: z.record(z.string().regex(SLUG_PATTERN), z.string()),
  /** Modules not rendered in this build: their folders are to be copied from `reusedFrom`. */
  reused: z.array(z.string().regex(SLUG_PATTERN)),
  /** The release folder the reused modules come from. */
  reusedFrom: z.string().nullable(),
});
export type RenderManifest = z.infer<typeof renderManifestSchema>;

/**
 * What the worker tells the site, through the environment of the build. Without these (a one-off
 * `astro build`), everything is rendered and no manifest is written.
 */
export const renderPlanEnvSchema = z.object({
  SITE_BUILD_KEY: z.string().min(1),
  /** Where to write this build's manifest. */
  SITE_RENDER_MANIFEST: z.string().min(1),
  /** The live release folder, whose manifest says what can be reused. */
  SITE_REUSE_FROM: z.string().min(1).optional(),
});
export type RenderPlanEnv = z.infer<typeof renderPlanEnvSchema>;
