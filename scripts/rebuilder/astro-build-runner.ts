import type { WarmSiteBuilder } from '../build-site/warm-site-builder.js';
import type { BuildRunner } from './build-runner.js';
import type { Logger } from './logger.js';

/**
 * The real build: Astro in a warm worker process (see WarmSiteBuilder), reading published content
 * with the read-only token. Its output is kept out of the log unless it fails (the error carries
 * the tail).
 */
export function astroBuildRunner(builder: WarmSiteBuilder, logger: Logger): BuildRunner {
  return async ({ outDir, reuseFrom, signal }) => {
    const result = await builder.build({ outDir, reuseFrom, signal });
    const { modules, pages } = result.reused;
    const reused = modules > 0 ? ` (${pages} pages of ${modules} unchanged modules copied from the live release)` : '';
    logger.info(
      `astro build: ${result.pageCount} pages rendered${reused} in ${(result.durationMs / 1000).toFixed(1)} s, ${result.graphqlRequests} GraphQL requests.`,
    );
    return { warnings: result.warnings };
  };
}
