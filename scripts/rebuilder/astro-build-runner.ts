import type { WarmSiteBuilder } from '../build-site/warm-site-builder.js';
import type { BuildRunner } from './build-runner.js';
import type { Logger } from './logger.js';

/**
 * The real build: Astro in a warm worker process (see WarmSiteBuilder), reading published content
 * with the read-only token. Its output is kept out of the log unless it fails (the error carries
 * the tail).
 */
export function astroBuildRunner(builder: WarmSiteBuilder, logger: Logger): BuildRunner {
  return async ({ outDir, signal }) => {
    const result = await builder.build({ outDir, signal });
    logger.info(
      `astro build: ${result.pageCount} pages in ${(result.durationMs / 1000).toFixed(1)} s, ${result.graphqlRequests} GraphQL requests.`,
    );
  };
}
