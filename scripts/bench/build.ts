import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { startThrowawayStrapi } from '../lib/throwaway-strapi.js';
import { pagesOf, seedContent } from './bench-content.js';
import { readBenchEnv } from './bench-env.js';
import { buildPhaseRows } from './build-phase-rows.js';
import { coldBuild, type ColdBuild } from './cold-build.js';
import { percentile } from './percentile.js';
import { writeSnapshot } from './write-snapshot.js';
import { ensureCmsCompiled } from '../lib/ensure-cms-compiled.js';
import { loadAverage, seconds } from './bench-format.js';

/**
 * `npm run bench:build`: the same content built cold, side by side, from Strapi (A) and from a
 * JSON snapshot of it rendered by the same components (B, the floor: everything but the fetch).
 * BENCH_PAGES pages (default 1,000) in the seed's shape; BENCH_RUNS builds of each (default 3),
 * alternated so the machine's load falls on both alike. Prints the medians, the ratio, peak memory
 * and where the time goes.
 */
async function main(): Promise<void> {
  const env = readBenchEnv();
  const shape = { modules: Math.max(1, Math.ceil(env.BENCH_PAGES / 100)), sectionsPerModule: 10, pagesPerSection: 10 };
  await ensureCmsCompiled();
  const strapi = await startThrowawayStrapi();
  const work = await mkdtemp(path.join(tmpdir(), 'lm-bench-build-'));
  try {
    console.log(`[bench] generating ${String(pagesOf(shape))} pages…`);
    const { ms: seedMs } = await seedContent(strapi, shape);
    const snapshot = path.join(work, 'content.json');
    const fromStrapi = { PATH: process.env.PATH, ...strapi.read };
    const snapshotMs = await writeSnapshot(fromStrapi, snapshot);
    const fromSnapshot = { ...fromStrapi, SITE_CONTENT_SNAPSHOT: snapshot };
    const a: ColdBuild[] = [];
    const stampsFirst: ColdBuild[] = [];
    const b: ColdBuild[] = [];
    // A0: from Strapi as cold builds read it before they fetched everything directly (stamps first).
    const kinds: Array<{ name: string; builds: ColdBuild[]; buildEnv: Record<string, string | undefined> }> = [
      { name: 'A (Strapi)', builds: a, buildEnv: fromStrapi },
      {
        name: 'A0 (Strapi, stamps first)',
        builds: stampsFirst,
        buildEnv: { ...fromStrapi, SITE_COLD_FETCH: 'stamps' },
      },
      { name: 'B (snapshot)', builds: b, buildEnv: fromSnapshot },
    ];
    for (let run = 1; run <= env.BENCH_RUNS; run += 1) {
      for (const { name, builds, buildEnv } of kinds) {
        const build = await coldBuild(buildEnv, path.join(work, 'out'));
        builds.push(build);
        console.log(
          `[bench] run ${String(run)} ${name}: ${seconds(build.wallMs)}, ${String(build.result.report.pagesRendered)} pages, peak ${String(Math.round(build.peakRssBytes / 2 ** 20))} MB (load ${loadAverage()})`,
        );
      }
    }
    const medianA = percentile(
      a.map((build) => build.wallMs),
      50,
    );
    const medianB = percentile(
      b.map((build) => build.wallMs),
      50,
    );
    const medianA0 = percentile(
      stampsFirst.map((build) => build.wallMs),
      50,
    );
    console.log('');
    console.log(
      `${String(pagesOf(shape))} pages, ${String(env.BENCH_RUNS)} cold builds each: A from Strapi ${seconds(medianA)}, B from the snapshot ${seconds(medianB)}, ratio A/B ${(medianA / medianB).toFixed(2)} (goal ≤ 1.3)`,
    );
    console.log(
      `A0 from Strapi, stamps first (the way before): ${seconds(medianA0)}, ratio A0/B ${(medianA0 / medianB).toFixed(2)}`,
    );
    console.log(`generation and import ${seconds(seedMs)}; writing the snapshot ${seconds(snapshotMs)}`);
    console.log('');
    for (const line of buildPhaseRows([
      { name: 'A (Strapi)', builds: a },
      { name: 'A0 (stamps first)', builds: stampsFirst },
      { name: 'B (snapshot)', builds: b },
    ]))
      console.log(line);
    console.log('');
    console.log(`node ${process.version}, ${String(cpus().length)} cores, load average at the end ${loadAverage()}`);
  } finally {
    await strapi.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof Error && error.cause !== undefined) console.error(error.cause);
  process.exitCode = 1;
});
