import { z } from 'zod';
import { SLUG_PATTERN } from './slug.js';

/**
 * Incremental rendering, the contract between the site and the build worker (scripts/lib/build-worker.ts).
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
  /** Identifies the code and settings the pages were rendered with (see scripts/lib/build-key.ts). */
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
 * What the build worker asks of the site (handed to the site's build integration as an option,
 * see site/integrations/build-report.ts). Without one (a plain `astro build`), everything is
 * rendered and no manifest is written.
 */
export const renderJobSchema = z.object({
  /** Identifies the code and settings this build renders with (see scripts/lib/build-key.ts). */
  buildKey: z.string().min(1),
  /** The live release folder, to copy unchanged modules from; null renders everything. */
  reuseFrom: z.string().min(1).nullable(),
  /** The live release's manifest (read by the worker), or null when there is none to trust. */
  previous: renderManifestSchema.nullable(),
});
export type RenderJob = z.infer<typeof renderJobSchema>;
