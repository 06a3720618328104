import type { WarmSiteBuilder } from '../lib/warm-site-builder.js';
import type { BuildRunner } from './build-runner.js';
import type { Logger } from './logger.js';

/**
 * The real build: Astro in a warm worker process (see WarmSiteBuilder), reading published content
 * with the read-only token. Its output is kept out of the log unless it fails (the error carries
 * the tail); what it did is logged from its report.
 */
export function astroBuildRunner(builder: WarmSiteBuilder, logger: Logger): BuildRunner {
  return async ({ outDir, reuseFrom, signal }) => {
    const { report, durationMs } = await builder.build({ outDir, reuseFrom, signal });
    const { modulesReused, pagesCopied, phases } = report;
    const reused =
      modulesReused.length > 0
        ? ` (${pagesCopied} pages of ${modulesReused.length} unchanged modules copied from the live release in ${phases.copyMs} ms)`
        : '';
    logger.info(
      `astro build: ${report.pagesRendered} pages rendered${reused} in ${(durationMs / 1000).toFixed(1)} s ` +
        `(content ${phases.contentMs} ms, render ${phases.renderMs} ms, search index ${phases.indexMs} ms, ` +
        `precompression ${phases.compressMs ?? 0} ms), ` +
        `${report.graphqlRequests} GraphQL requests.`,
    );
    return { warnings: report.warnings, indexMs: phases.indexMs };
  };
}
