import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GeneratedContent } from '../lib/generate-content.js';
import { updateDocument } from '../lib/strapi-rest-client.js';
import type { ThrowawayStrapi } from '../lib/throwaway-strapi.js';
import { WarmSiteBuilder } from '../lib/warm-site-builder.js';
import { treeRss } from './process-tree-rss.js';
import { buildProcessEnv } from './build-process-env.js';

/** One build of the series: how long it took and the worker's memory once it was done. */
export interface SeriesBuild {
  durationMs: number;
  rssBytes: number;
  /**
   * The worker's heap in use after a full garbage collection: what it still holds, where its
   * resident memory also counts pages the allocator keeps after a collection.
   */
  heapUsedAfterGcBytes: number;
  pagesRendered: number;
}

/**
 * `builds` builds in one warm worker, never replaced, as the rebuild service runs them after
 * publishes: before each, one page's title is edited and published, and the build reuses the other
 * modules from the previous release. Returns each build's time and the worker's resident memory
 * right after it, and its heap after a garbage collection, to show whether the worker keeps
 * something from every build.
 */
export async function workerMemorySeries(options: {
  strapi: ThrowawayStrapi;
  content: GeneratedContent;
  builds: number;
  onBuild?: (index: number, build: SeriesBuild) => void;
}): Promise<SeriesBuild[]> {
  const { strapi, content, builds } = options;
  const builder = new WarmSiteBuilder({ ...buildProcessEnv(), ...strapi.read }, () => undefined, {
    buildsPerWorker: builds + 2,
    measureHeap: true,
  });
  const dirs = [
    await mkdtemp(path.join(tmpdir(), 'lm-bench-series-a-')),
    await mkdtemp(path.join(tmpdir(), 'lm-bench-series-b-')),
  ];
  const series: SeriesBuild[] = [];
  try {
    let live: string | null = null;
    for (let index = 0; index < builds; index += 1) {
      const page = content.pages[(index * 37) % content.pages.length];
      if (page && index > 0)
        await updateDocument(
          strapi.write,
          'pages',
          page.documentId,
          { title: `${page.title} ${String(index)}` },
          'published',
        );
      const outDir = dirs[index % 2] ?? '';
      const { report, durationMs, heapUsedAfterGcBytes = 0 } = await builder.build({ outDir, reuseFrom: live });
      const pid = builder.pid;
      const build = {
        durationMs,
        rssBytes: pid === undefined ? 0 : treeRss(pid),
        heapUsedAfterGcBytes,
        pagesRendered: report.pagesRendered,
      };
      series.push(build);
      options.onBuild?.(index + 1, build);
      live = outDir;
    }
    return series;
  } finally {
    builder.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
