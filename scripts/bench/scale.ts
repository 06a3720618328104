import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../lib/free-port.js';
import { startThrowawayStrapi } from '../lib/throwaway-strapi.js';
import { pagesOf, seedContent } from './bench-content.js';
import { readBenchEnv } from './bench-env.js';
import { coldBuild } from './cold-build.js';
import { livePublishLatency } from './live-publish-latency.js';
import { percentile } from './percentile.js';
import { workerMemorySeries } from './worker-memory-series.js';
import { ensureCmsCompiled } from '../lib/ensure-cms-compiled.js';
import { loadAverage, megabytes, seconds } from './bench-format.js';
import { buildProcessEnv } from './build-process-env.js';

/**
 * `npm run bench:scale`: ten times the content. Generates BENCH_SCALE_MODULES × BENCH_SCALE_SECTIONS
 * × BENCH_SCALE_PAGES pages (default 100 × 10 × 10 = 10,000) in the seed's shape, imports them, and
 * prints the import time, a full cold build's time and peak memory, its GraphQL requests,
 * publish-to-live p50 and p95 (BENCH_PUBLISHES edits), and the warm worker's memory after each of
 * BENCH_SCALE_BUILDS builds.
 */
async function main(): Promise<void> {
  const env = readBenchEnv();
  const shape = {
    modules: env.BENCH_SCALE_MODULES,
    sectionsPerModule: env.BENCH_SCALE_SECTIONS,
    pagesPerSection: env.BENCH_SCALE_PAGES,
  };
  await ensureCmsCompiled();
  const webhookPort = await freePort();
  const secret = randomBytes(24).toString('base64url');
  const strapi = await startThrowawayStrapi({
    REBUILD_WEBHOOK_URL: `http://127.0.0.1:${String(webhookPort)}/hooks/strapi`,
    REBUILD_WEBHOOK_SECRET: secret,
  });
  const out = await mkdtemp(path.join(tmpdir(), 'lm-bench-scale-'));
  try {
    const pages = pagesOf(shape);
    console.log(
      `[bench] generating ${String(pages)} pages (${String(shape.modules)} × ${String(shape.sectionsPerModule)} × ${String(shape.pagesPerSection)})…`,
    );
    const { content, ms: importMs } = await seedContent(strapi, shape);
    console.log(`[bench] import: ${seconds(importMs)} (load ${loadAverage()})`);

    const cold = await coldBuild({ ...buildProcessEnv(), ...strapi.read }, out);
    console.log(
      `[bench] cold build: ${seconds(cold.wallMs)}, peak ${megabytes(cold.peakRssBytes)}, ${String(cold.result.report.graphqlRequests)} GraphQL requests, fetch ${seconds(cold.fetchMs)} (load ${loadAverage()})`,
    );
    await rm(out, { recursive: true, force: true });

    const latencies = await livePublishLatency({
      strapi,
      content,
      publishes: env.BENCH_PUBLISHES,
      webhookPort,
      secret,
    });
    console.log(`[bench] publish-to-live: ${latencies.map((ms) => seconds(ms)).join(', ')} (load ${loadAverage()})`);

    const series = await workerMemorySeries({
      strapi,
      content,
      builds: env.BENCH_SCALE_BUILDS,
      onBuild: (index, build) => {
        console.log(
          `[bench] worker build ${String(index)}: ${seconds(build.durationMs)}, ${String(build.pagesRendered)} pages rendered, worker ${megabytes(build.rssBytes)}, heap after GC ${megabytes(build.heapUsedAfterGcBytes)} (load ${loadAverage()})`,
        );
      },
    });
    const first = series[0];
    const last = series.at(-1);
    console.log('');
    console.log(`| ${String(pages)} pages | figure | target |`);
    console.log('| --- | ---: | ---: |');
    console.log(`| generation and import | ${seconds(importMs)} | |`);
    console.log(`| full cold build | ${seconds(cold.wallMs)} | ≤ 60 s |`);
    console.log(`| peak RSS of the cold build | ${megabytes(cold.peakRssBytes)} | ≤ 1024 MB |`);
    console.log(`| GraphQL requests per cold build | ${String(cold.result.report.graphqlRequests)} | |`);
    console.log(
      `| publish-to-live p50 (${String(latencies.length)} publishes) | ${seconds(percentile(latencies, 50))} | ≤ 5 s |`,
    );
    console.log(`| publish-to-live p95 | ${seconds(percentile(latencies, 95))} | ≤ 10 s |`);
    if (first && last) {
      const perBuild = (from: number, to: number): string =>
        `${megabytes(from)} → ${megabytes(to)} (${((to - from) / 2 ** 20 / Math.max(1, series.length - 1)).toFixed(1)} MB a build)`;
      const builds = `build 1 → ${String(series.length)}`;
      console.log(`| worker RSS after ${builds} | ${perBuild(first.rssBytes, last.rssBytes)} | flat |`);
      console.log(
        `| worker heap after GC, ${builds} | ${perBuild(first.heapUsedAfterGcBytes, last.heapUsedAfterGcBytes)} | flat |`,
      );
    }
    console.log('');
    console.log(`node ${process.version}, ${String(cpus().length)} cores, load average at the end ${loadAverage()}`);
  } finally {
    await strapi.stop();
    await rm(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof Error && error.cause !== undefined) console.error(error.cause);
  process.exitCode = 1;
});
