import { rm } from 'node:fs/promises';
import path from 'node:path';
import { siteDir } from '../lib/paths.js';
import { WarmSiteBuilder, type SiteBuildResult } from '../lib/warm-site-builder.js';
import { fetchAndValidation, loadTimes } from './build-load-times.js';
import { samplePeakRss } from './process-tree-rss.js';

/**
 * Astro's cache folder (config.cacheDir): the content store, the loaders' meta and the last client
 * build. Removed before each measured build, so every build starts with nothing cached.
 */
const astroCacheDir = path.join(siteDir, 'node_modules', '.astro');

/** One cold build as the benchmarks report it. */
export interface ColdBuild {
  result: SiteBuildResult;
  /** The whole build as a caller waits for it, starting the build process included. */
  wallMs: number;
  /** Highest resident memory of the build process and its children, sampled every 100 ms. */
  peakRssBytes: number;
  /** Waiting for the content (longest collection) and validating it (summed), from the loaders. */
  fetchMs: number;
  validateMs: number;
}

/**
 * A full build in a new build process with Astro's caches removed: what a code change, a first
 * deploy or a recovery costs. `env` decides where the content comes from (Strapi, or a snapshot
 * with SITE_CONTENT_SNAPSHOT).
 */
export async function coldBuild(env: Record<string, string | undefined>, outDir: string): Promise<ColdBuild> {
  await rm(astroCacheDir, { recursive: true, force: true });
  const lines: string[] = [];
  const builder = new WarmSiteBuilder(env, (line) => lines.push(line));
  const sampler = samplePeakRss(() => builder.pid);
  const started = performance.now();
  try {
    const result = await builder.build({ outDir, reuseFrom: null });
    const wallMs = Math.round(performance.now() - started);
    const peakRssBytes = sampler.stop();
    return { result, wallMs, peakRssBytes, ...fetchAndValidation(loadTimes(lines)) };
  } catch (error) {
    sampler.stop();
    throw new Error(`[bench] A cold build failed:\n${lines.slice(-20).join('\n')}`, { cause: error });
  } finally {
    builder.stop();
  }
}
