import { WarmSiteBuilder, type SiteBuildResult } from './warm-site-builder.js';

export interface BuildSiteOptions {
  /** Where the static site is written; Astro empties it first. */
  outDir: string;
  /** Environment for the build: STRAPI_URL and STRAPI_READ_TOKEN at least. */
  env: Record<string, string | undefined>;
  /** Receives each line Astro prints, for progress output. */
  onLine?: (line: string) => void;
  /** Aborts the build, e.g. when the benchmark is interrupted. */
  signal?: AbortSignal;
}

/**
 * Builds the whole site once, in a build worker of its own (the one the rebuild service keeps
 * warm, see WarmSiteBuilder), so a crash or a memory spike in a build never takes down its caller,
 * and the build's report comes back as a value. The worker stops afterwards.
 */
export async function buildSite({ outDir, env, onLine, signal }: BuildSiteOptions): Promise<SiteBuildResult> {
  const builder = new WarmSiteBuilder(env, onLine);
  try {
    return await builder.build({ outDir, reuseFrom: null, signal });
  } finally {
    builder.stop();
  }
}
