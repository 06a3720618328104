import { buildSite } from '../build-site/build-site.js';
import type { BuildRunner } from './build-runner.js';
import type { Logger } from './logger.js';

/**
 * The real build: `astro build` in a child process, reading published content with the read-only
 * token in `env`. Its output is kept out of the log unless it fails (the error carries the tail).
 */
export function astroBuildRunner(env: Record<string, string | undefined>, logger: Logger): BuildRunner {
  return async ({ outDir, signal }) => {
    const result = await buildSite({ outDir, env, signal });
    logger.info(
      `astro build: ${result.pageCount} pages in ${(result.durationMs / 1000).toFixed(1)} s, ${result.graphqlRequests} GraphQL requests.`,
    );
  };
}
