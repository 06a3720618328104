import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { pageUrl } from '@lm/shared';
import { buildSite } from '../lib/build-site.js';
import { runImport } from '../import/run-import.js';
import { listDocuments } from '../lib/strapi-rest-client.js';
import { freePort } from '../lib/free-port.js';
import { startSiteServer } from '../lib/site-server.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../lib/throwaway-strapi.js';
import { runRebuilder, type RunningRebuilder } from '../rebuilder/run-rebuilder.js';
import type { BuildRunner } from '../rebuilder/build-runner.js';
import { WarmSiteBuilder, type SiteBuildResult } from '../lib/warm-site-builder.js';
import { phaseMedianRows, type MeasuredRebuild } from './phase-medians.js';
import { pageScripts, type PageScript } from './page-script-bytes.js';
import { generateContent } from '../lib/generate-content.js';
import { measurePublishLatency, type PublishTarget } from './measure-publish-latency.js';
import { chromiumAvailable, measureAdminPublishToLive } from './measure-admin-publish-to-live.js';
import { ensureAdminBuild } from '../lib/ensure-admin-build.js';
import { percentile } from './percentile.js';
import { z } from 'zod';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureCmsCompiled } from '../lib/ensure-cms-compiled.js';
import { seconds as formatSeconds } from './bench-format.js';

const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 12);
/** Which datasets to measure (`demo,generated` by default): one alone halves a run. */
const DATASETS = (process.env.BENCH_DATASETS ?? 'demo,generated').split(',');
/** Publishes clicked in the admin (demo dataset only): each waits for a real rebuild. */
const ADMIN_PUBLISHES = Number(process.env.BENCH_ADMIN_PUBLISHES ?? 3);
/** Whether the admin is measured: Chromium is there and the run did not opt out. */
const MEASURE_ADMIN = ADMIN_PUBLISHES > 0 && chromiumAvailable();
const demoDir = fileURLToPath(new URL('../start/demo', import.meta.url));
const seconds = (ms: number): string => formatSeconds(ms, 2);

interface Row {
  dataset: string;
  pages: number;
  publishes: number;
  p50: number;
  p95: number;
  max: number;
  /** A cold build: the content cache was empty. */
  buildMs: number;
  graphqlRequests: number;
  /** The same build again with nothing changed, in a new process rendering every page. */
  warmBuildMs: number;
  warmGraphqlRequests: number;
  /** Median of the rebuild service's builds for the publishes (warm worker, incremental). */
  rebuildP50: number;
  /** Indexing for search in the cold build (every module). */
  indexMs: number;
  /** Median indexing time of the rebuild service's builds (only the changed module). */
  rebuildIndexP50: number;
  /** Writing the .br and .gz siblings in the cold build (every text file). */
  compressMs: number;
  /** The rebuilds for the publishes, with their phases. */
  rebuilds: MeasuredRebuild[];
  /** The JavaScript the first content page loads (see pageScripts). */
  scripts: PageScript[];
  /** Publish click in the admin → its side panel says "Live"; empty when not measured. */
  adminLatencies: number[];
}

const pageSchema = z.object({
  documentId: z.string(),
  slug: z.string(),
  section: z.object({ module: z.object({ slug: z.string() }) }),
});

/** A published page, with its module, to publish an edit to. */
interface PublishedPage {
  documentId: string;
  moduleSlug: string;
  slug: string;
}

/** Published pages with their module, to publish edits to. */
async function publishedPages(strapi: ThrowawayStrapi): Promise<PublishedPage[]> {
  const raw = await listDocuments(
    strapi.write,
    'pages',
    new URLSearchParams({
      status: 'published',
      'fields[0]': 'slug',
      'populate[section][populate][module][fields][0]': 'slug',
    }),
    { prefix: '[bench]' },
  );
  return raw.map((entry) => {
    const page = pageSchema.parse(entry);
    return { documentId: page.documentId, moduleSlug: page.section.module.slug, slug: page.slug };
  });
}

/** Where the rebuild service of one dataset listens, serves and keeps its releases. */
interface ServiceSetup {
  /** Strapi's read settings and PATH, as the site build sees them. */
  env: Record<string, string | undefined>;
  secret: string;
  rebuildPort: number;
  sitePort: number;
  releasesDir: string;
}

/**
 * Starts the rebuild service as production runs it, logging only its errors. Its builds run in a
 * warm worker as in production; each build's result (report and duration) is kept in `builds`.
 */
async function startRebuildService(setup: ServiceSetup, builds: SiteBuildResult[]): Promise<RunningRebuilder> {
  const builder = new WarmSiteBuilder(setup.env);
  const build: BuildRunner = async ({ outDir, reuseFrom, signal }) => {
    const result = await builder.build({ outDir, reuseFrom, signal });
    builds.push(result);
    return { warnings: result.report.warnings, indexMs: result.report.phases.indexMs };
  };
  const rebuilder = await runRebuilder({
    build,
    env: {
      ...setup.env,
      REBUILD_WEBHOOK_SECRET: setup.secret,
      REBUILD_PORT: String(setup.rebuildPort),
      SITE_PORT: String(setup.sitePort),
      RELEASES_DIR: setup.releasesDir,
      // The production defaults for coalescing, and no reconcile poll: only webhooks trigger.
      RECONCILE_INTERVAL_MS: '0',
    },
    logger: {
      info: () => undefined,
      error: (message) => {
        console.error(message);
      },
    },
  });
  return {
    ...rebuilder,
    stop: async () => {
      await rebuilder.stop();
      builder.stop();
    },
  };
}

/** PUBLISHES pages to edit, spread over the whole site rather than hammering one page. */
function spreadPublishTargets(pages: PublishedPage[], siteUrl: string): PublishTarget[] {
  const step = Math.max(1, Math.floor(pages.length / PUBLISHES));
  return Array.from({ length: PUBLISHES }, (_, index) => pages[(index * step) % pages.length])
    .filter((page) => page !== undefined)
    .map((page) => ({
      documentId: page.documentId,
      url: `${siteUrl}${pageUrl(page.moduleSlug, page.slug)}`,
    }));
}

/**
 * Publish-to-live latency of edits to `pages`, with the rebuild service and the site server
 * running, and how long the service's builds for those edits took.
 */
async function measureLivePublishes(
  dataset: string,
  strapi: ThrowawayStrapi,
  pages: PublishedPage[],
  setup: ServiceSetup,
  adminPublishes: number,
): Promise<{ latencies: number[]; rebuilds: ServiceBuilds; measured: MeasuredRebuild[]; adminLatencies: number[] }> {
  const builds: SiteBuildResult[] = [];
  const rebuilder = await startRebuildService(setup, builds);
  const site = await startSiteServer({ releasesDir: setup.releasesDir, host: '127.0.0.1', port: setup.sitePort });
  try {
    await waitForLive(rebuilder.apiUrl);
    const targets = spreadPublishTargets(pages, site.url);
    console.log(`[bench] ${dataset}: ${String(targets.length)} publishes…`);
    const latencies = await measurePublishLatency(strapi.write, targets);
    // A publish may be followed by a second delivery and one follow-up build: wait for it, so the
    // service's history and the worker's builds hold the same builds when they are paired below.
    await waitForLive(rebuilder.apiUrl);
    const rebuilds = await serviceBuilds(rebuilder.apiUrl, targets.length);
    // The service's history is newest first; the worker's builds are in order, the first release first.
    const services = [...rebuilds.durations].reverse();
    const measured = builds
      .slice(-services.length)
      .map((build, index) => ({ build, serviceMs: services[index] ?? build.durationMs }));
    // After the API publishes are paired with their builds: these clicks build too.
    const adminLatencies =
      adminPublishes > 0
        ? await measureAdminPublishToLive({
            strapiUrl: strapi.url,
            login: { email: strapi.env.EDITOR_EMAIL ?? '', password: strapi.env.EDITOR_PASSWORD ?? '' },
            documentIds: targets.slice(0, adminPublishes).map((target) => target.documentId),
          })
        : [];
    return { latencies, rebuilds, measured, adminLatencies };
  } finally {
    await rebuilder.stop();
    await site.stop();
  }
}

/** One dataset: seed a throwaway Strapi, measure a full build, then publish-to-live latency. */
async function benchDataset(
  dataset: string,
  seed: (strapi: ThrowawayStrapi) => Promise<void>,
  adminPublishes = 0,
): Promise<Row> {
  const [rebuildPort, sitePort] = [await freePort(), await freePort()];
  const secret = randomBytes(24).toString('base64url');
  const strapi = await startThrowawayStrapi({
    REBUILD_WEBHOOK_URL: `http://127.0.0.1:${String(rebuildPort)}/hooks/strapi`,
    REBUILD_WEBHOOK_SECRET: secret,
    SERVE_ADMIN_PANEL: String(adminPublishes > 0),
  });
  const releasesDir = await mkdtemp(path.join(tmpdir(), 'lm-bench-releases-'));
  const buildDir = await mkdtemp(path.join(tmpdir(), 'lm-bench-build-'));
  try {
    console.log(`[bench] ${dataset}: seeding…`);
    await seed(strapi);
    const pages = await publishedPages(strapi);

    console.log(`[bench] ${dataset}: full build of ${String(pages.length)} pages…`);
    const env = { PATH: process.env.PATH, ...strapi.read };
    const build = await buildSite({ outDir: buildDir, env });
    const warm = await buildSite({ outDir: buildDir, env });
    const [first] = pages;
    const scripts = first
      ? await pageScripts(buildDir, path.join('modules', first.moduleSlug, first.slug, 'index.html'))
      : [];

    const setup = { env, secret, rebuildPort, sitePort, releasesDir };
    const { latencies, rebuilds, measured, adminLatencies } = await measureLivePublishes(
      dataset,
      strapi,
      pages,
      setup,
      adminPublishes,
    );
    return {
      dataset,
      pages: pages.length,
      publishes: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      buildMs: build.durationMs,
      graphqlRequests: build.report.graphqlRequests,
      warmBuildMs: warm.durationMs,
      warmGraphqlRequests: warm.report.graphqlRequests,
      rebuildP50: percentile(rebuilds.durations, 50),
      indexMs: build.report.phases.indexMs,
      rebuildIndexP50: percentile(rebuilds.indexMs, 50),
      compressMs: build.report.phases.compressMs ?? 0,
      rebuilds: measured,
      scripts,
      adminLatencies,
    };
  } finally {
    await strapi.stop();
    await rm(releasesDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  }
}

/** The service's builds: how long each took (build, verify and swap) and its search indexing. */
interface ServiceBuilds {
  durations: number[];
  indexMs: number[];
}

/** The service's last `count` successful builds, from its /status history. */
async function serviceBuilds(apiUrl: string, count: number): Promise<ServiceBuilds> {
  const schema = z.object({
    history: z.array(
      z.object({ result: z.string(), durationMs: z.number().nullable(), indexMs: z.number().optional() }),
    ),
  });
  const { history } = schema.parse(await (await fetch(`${apiUrl}/status`)).json());
  const builds = history.filter((entry) => entry.result === 'success').slice(0, count);
  return {
    durations: builds.flatMap((entry) => (entry.durationMs === null ? [] : [entry.durationMs])),
    indexMs: builds.flatMap((entry) => (entry.indexMs === undefined ? [] : [entry.indexMs])),
  };
}

async function waitForLive(apiUrl: string): Promise<void> {
  const schema = z.object({ live: z.unknown().nullable(), running: z.unknown().nullable(), queued: z.boolean() });
  for (const started = Date.now(); Date.now() - started < 600_000; ) {
    const current = schema.parse(await (await fetch(`${apiUrl}/status`)).json());
    if (current.live && current.running === null && !current.queued) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('[bench] the first release never went live');
}

/**
 * `npm run bench:publish`: publish-to-live latency (publish API call returned → served HTML shows
 * the change), p50 and p95, on the demo content and on a generated set of 1,000 pages; plus the
 * full build time and GraphQL requests per build.
 */
async function main(): Promise<void> {
  await ensureCmsCompiled();
  if (MEASURE_ADMIN)
    await ensureAdminBuild((line) => {
      console.log(`[bench] ${line}`);
    });
  else
    console.log(
      '[bench] Not measuring publish → "Live" in the admin: no Chromium (set CHROMIUM_PATH) or BENCH_ADMIN_PUBLISHES=0.',
    );
  const rows: Row[] = [];
  if (DATASETS.includes('demo')) {
    rows.push(
      await benchDataset(
        'demo',
        async (strapi) => {
          await runImport({ paths: [demoDir], publish: true, dryRun: false, env: strapi.write, log: () => undefined });
        },
        MEASURE_ADMIN ? ADMIN_PUBLISHES : 0,
      ),
    );
  }
  if (DATASETS.includes('generated')) {
    rows.push(
      await benchDataset('generated', async (strapi) => {
        await generateContent({
          env: strapi.write,
          modules: 10,
          sectionsPerModule: 10,
          pagesPerSection: 10,
          log: (line) => {
            if (line.endsWith('00/1000 pages')) console.log(line);
          },
        });
      }),
    );
  }
  console.log('');
  console.log(
    '| dataset | pages | publishes | p50 | p95 | max | rebuild p50 | rebuild index p50 | cold build | cold index | GraphQL requests (cold) | warm build | GraphQL requests (warm) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.dataset} | ${String(row.pages)} | ${String(row.publishes)} | ${seconds(row.p50)} | ${seconds(row.p95)} | ${seconds(row.max)} | ${seconds(row.rebuildP50)} | ${seconds(row.rebuildIndexP50)} | ${seconds(row.buildMs)} | ${seconds(row.indexMs)} | ${String(row.graphqlRequests)} | ${seconds(row.warmBuildMs)} | ${String(row.warmGraphqlRequests)} |`,
    );
  }
  for (const row of rows) {
    console.log(
      `precompression in the cold build (${row.dataset}, .br and .gz of every text file): ${seconds(row.compressMs)}`,
    );
  }
  for (const row of rows.filter((candidate) => candidate.adminLatencies.length > 0)) {
    const admin = row.adminLatencies;
    console.log('');
    console.log(
      `Admin, Publish clicked → side panel says "Live" (${row.dataset}, ${String(admin.length)} publishes): p50 ${seconds(percentile(admin, 50))}, max ${seconds(Math.max(...admin))} (the panel asks every 2 s).`,
    );
  }
  console.log('');
  for (const line of phaseMedianRows(rows)) console.log(line);
  console.log('');
  for (const row of rows) {
    const total = row.scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
    const files = row.scripts.map((script) => `${script.name} ${(script.gzipBytes / 1024).toFixed(1)}`).join(', ');
    console.log(`JS a content page loads (${row.dataset}, gzip KB): ${(total / 1024).toFixed(1)} = ${files}`);
  }
  console.log('');
  console.log(
    'rebuild: the rebuild service building, verifying and swapping in a release after a publish (warm worker; renders only the changed module).',
  );
  console.log(
    'index: writing the search index of the modules a build rendered (all in a cold build, the changed one in a rebuild).',
  );
  console.log(
    'cold build / warm build: `astro build` in a new process rendering every page, with an empty content cache / with nothing changed (stamps only).',
  );
  console.log(
    `node ${process.version}, ${String((await import('node:os')).cpus().length)} cores; latency = publish API call returned → served HTML contains the change.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
