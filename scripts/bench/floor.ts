import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { contentSnapshotSchema } from '@lm/shared';
import { ensureCmsCompiled } from '../lib/ensure-cms-compiled.js';
import { startThrowawayStrapi } from '../lib/throwaway-strapi.js';
import { seedContent } from './bench-content.js';
import { readBenchEnv } from './bench-env.js';
import { loadAverage, seconds } from './bench-format.js';
import { buildPhaseRows } from './build-phase-rows.js';
import { coldBuild, type ColdBuild } from './cold-build.js';
import { repeatSnapshot } from './repeat-snapshot.js';
import { writeSnapshot } from './write-snapshot.js';
import { buildProcessEnv } from './build-process-env.js';

/** The site that is repeated: one module of the seed's shape, 10 sections of 10 pages. */
const BASE = { modules: 1, sectionsPerModule: 10, pagesPerSection: 10 };
const BASE_PAGES = 100;

/**
 * `npm run bench:floor`: the floor of a full build (everything but the fetch: the site's loaders
 * read a content snapshot) at sizes a Strapi cannot be filled to here in reasonable time. One
 * generated module of 100 pages is imported into a throwaway Strapi and snapshotted as the build
 * reads it, then repeated (new ids, slugs and old addresses per copy) to each of BENCH_FLOOR_PAGES
 * (default 1000,10000); each size is built once, cold, in a new build process. Prints time, peak
 * memory and the phases, so the cost per page of each phase shows how a build grows with the site.
 */
async function main(): Promise<void> {
  const env = readBenchEnv();
  await ensureCmsCompiled();
  const work = await mkdtemp(path.join(tmpdir(), 'lm-bench-floor-'));
  const base = path.join(work, 'base.json');
  const strapi = await startThrowawayStrapi();
  try {
    console.log(`[bench] generating ${String(BASE_PAGES)} pages…`);
    await seedContent(strapi, BASE);
    await writeSnapshot({ PATH: process.env.PATH, ...strapi.read }, base);
  } finally {
    await strapi.stop();
  }
  try {
    const snapshot = contentSnapshotSchema.parse(JSON.parse(await readFile(base, 'utf8')));
    const columns: Array<{ name: string; builds: ColdBuild[] }> = [];
    for (const pages of env.BENCH_FLOOR_PAGES) {
      const file = path.join(work, `content-${String(pages)}.json`);
      await writeFile(file, JSON.stringify(repeatSnapshot(snapshot, pages / BASE_PAGES)));
      // Strapi is stopped: a build that reached for it would fail rather than measure the wrong thing.
      const build = await coldBuild(
        { ...buildProcessEnv(), ...strapi.read, SITE_CONTENT_SNAPSHOT: file },
        path.join(work, 'out'),
      );
      columns.push({ name: `${String(pages)} pages`, builds: [build] });
      console.log(
        `[bench] ${String(pages)} pages from the snapshot: ${seconds(build.wallMs)}, ${String(build.result.report.pagesRendered)} pages rendered, peak ${String(Math.round(build.peakRssBytes / 2 ** 20))} MB (load ${loadAverage()})`,
      );
      await rm(path.join(work, 'out'), { recursive: true, force: true });
    }
    console.log('');
    for (const line of buildPhaseRows(columns)) console.log(line);
    console.log('');
    console.log(`node ${process.version}, ${String(cpus().length)} cores, load average at the end ${loadAverage()}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof Error && error.cause !== undefined) console.error(error.cause);
  process.exitCode = 1;
});
