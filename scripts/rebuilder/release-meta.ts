import { z } from 'zod';
import { fingerprintSchema } from '@lm/shared';

/** The file inside each release that describes it; a dotfile, so the static server never serves it. */
export const RELEASE_META_FILE = '.release.json';

/** What is known about a finished release, stored with it so it survives restarts. */
export const releaseMetaSchema = z.object({
  /** The release folder's name, e.g. `2025-11-28T15-30-12-123Z`. */
  id: z.string(),
  /** When the release was finished (ISO). */
  builtAt: z.string(),
  /** The published content it was built from, read just before the build. */
  fingerprint: fingerprintSchema,
  /** HTML files in the release. */
  pageCount: z.number().int().nonnegative(),
  /** What asked for the build. */
  trigger: z.string(),
  /** How long building and verifying took. */
  durationMs: z.number().nonnegative(),
});
export type ReleaseMeta = z.infer<typeof releaseMetaSchema>;
