import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport, type ImportSummary } from '../import/run-import.js';
import { WRITE_CONCURRENCY } from '../import/apply-plan.js';
import { ensureCmsCompiled } from '../lib/ensure-cms-compiled.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../lib/throwaway-strapi.js';
import { writeCibSite, type CibSiteShape } from './generate-cib-site.js';
import { phaseTimer } from './import-phase-timer.js';
import { percentile } from './percentile.js';
import { loadAverage, seconds } from './bench-format.js';

/** No-change re-runs of each site, for a median. */
const RERUNS = Number(process.env.BENCH_IMPORT_RERUNS ?? 3);
/** Write concurrencies to compare, each on a fresh Strapi (`1,4,8`); the importer's default unless set. */
const CONCURRENCIES = (process.env.BENCH_IMPORT_CONCURRENCY ?? String(WRITE_CONCURRENCY)).split(',').map(Number);
/** 10 modules of 100 pages: 1,000 pages, sections of 10. */
const SHAPE: CibSiteShape = {
  modules: Number(process.env.BENCH_IMPORT_MODULES ?? 10),
  pagesPerModule: 100,
  pagesPerSection: 10,
  imageEvery: 20,
};
const fixture = fileURLToPath(new URL('../../tests/fixtures/course-in-a-box', import.meta.url));
const image = path.join(fixture, 'img/outreach/asset-map.png');

interface Timed {
  ms: number;
  summary: ImportSummary;
  phases: string;
  messages: number;
}

/** One import of `site` with --publish, timed, its messages counted rather than printed. */
async function timedImport(strapi: ThrowawayStrapi, site: string, concurrency: number): Promise<Timed> {
  let messages = 0;
  const timer = phaseTimer(() => {
    messages += 1;
  });
  const started = performance.now();
  const summary = await runImport({
    paths: [site],
    publish: true,
    dryRun: false,
    env: strapi.write,
    progress: timer,
    concurrency,
    log: (line) => {
      timer.log(line);
    },
  });
  const ms = performance.now() - started;
  if (summary.failed.length > 0)
    throw new Error(`[bench] importing ${site} failed: ${summary.failed.map((failure) => failure.message).join('\n')}`);
  const phases = timer
    .times()
    .map(({ phase, ms: spent }) => `${phase} ${seconds(spent)}`)
    .join(', ');
  return { ms, summary, phases, messages };
}

/** "changed nothing", or what a re-run changed (which is a bug: the bench then fails). */
function changes(summary: ImportSummary): string {
  const changed = summary.created.length + summary.updated.length;
  if (changed === 0) return `changed nothing (${String(summary.skipped.length)} documents up to date)`;
  process.exitCode = 1;
  return `CHANGED ${String(changed)} documents: ${[...summary.created, ...summary.updated].slice(0, 5).join(', ')}`;
}

/** A fresh import of `site`, then no-change re-runs; prints one block of figures. */
async function benchSite(strapi: ThrowawayStrapi, name: string, site: string, pages: number, concurrency: number) {
  const fresh = await timedImport(strapi, site, concurrency);
  console.log(
    `[bench] ${name}: ${String(pages)} pages imported and published in ${seconds(fresh.ms)} (${(pages / (fresh.ms / 1000)).toFixed(1)} pages/s); ${fresh.phases}; ${String(fresh.summary.created.length)} documents created, ${String(fresh.messages)} warning lines`,
  );
  const reruns: Timed[] = [];
  for (let run = 0; run < RERUNS; run += 1) reruns.push(await timedImport(strapi, site, concurrency));
  const last = reruns.at(-1);
  if (last === undefined) return;
  console.log(
    `[bench] ${name}: re-run, median of ${String(RERUNS)}: ${seconds(
      percentile(
        reruns.map((run) => run.ms),
        50,
      ),
    )} (${reruns.map((run) => seconds(run.ms)).join(', ')}); ${changes(last.summary)}`,
  );
}

/**
 * `npm run bench:import`: on a throwaway Strapi (SQLite), imports the course-in-a-box fixture
 * and then 1,000 generated pages in its layout, each fresh and again with nothing changed, and
 * prints the times. BENCH_IMPORT_CONCURRENCY=1,4,8 compares write concurrencies.
 */
async function main(): Promise<void> {
  await ensureCmsCompiled();
  const generated = await mkdtemp(path.join(tmpdir(), 'lm-bench-site-'));
  try {
    const pages = await writeCibSite(generated, SHAPE, image);
    console.log(
      `[bench] load average at start: ${loadAverage()} (${String(cpus().length)} cores), node ${process.version}`,
    );
    for (const concurrency of CONCURRENCIES) {
      const strapi = await startThrowawayStrapi();
      try {
        console.log(`[bench] write concurrency ${String(concurrency)}, a fresh Strapi on SQLite`);
        await benchSite(strapi, 'fixture site', fixture, 6, concurrency);
        await benchSite(strapi, 'generated site', generated, pages, concurrency);
      } finally {
        await strapi.stop();
      }
    }
    console.log(`[bench] load average at end: ${loadAverage()}`);
  } finally {
    await rm(generated, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
