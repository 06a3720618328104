import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'astro';
import {
  RENDER_MANIFEST_FILE,
  renderManifestSchema,
  requestSiteBuild,
  takeBuildWarnings,
  type BuildReport,
  type RenderJob,
  type RenderManifest,
  releaseBuildMemory,
} from '@lm/shared';
import { buildKey } from './build-key.js';
import { buildJobSchema, type BuildJob, type BuildReply } from './build-job.js';
import { copyReusedModules } from './copy-reused-modules.js';
import { finishRelease } from './finish-release.js';
import { siteDir } from './paths.js';
import { removeStaleScratchDirs, withScratchDir } from './scratch-dir.js';

/**
 * A long-lived build process (see warm-site-builder.ts): it runs Astro's build API once per job it
 * is sent over IPC and replies with the build's report. Astro, Vite and Rollup stay loaded and warm
 * between builds, which halves the time of a rebuild (measured at 1,000 pages: 8 s cold, 4 s warm).
 * Given the live release (`reuseFrom`), a build renders only the modules whose content changed and
 * copies the others from it (see shared/src/render-manifest.ts).
 */

function reply(message: BuildReply): void {
  process.send?.(message);
}

/** The live release's manifest, or null when there is none (or it cannot be trusted). */
async function readManifest(release: string): Promise<RenderManifest | null> {
  try {
    const raw = await readFile(path.join(release, RENDER_MANIFEST_FILE), 'utf8');
    const parsed = renderManifestSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Runs Astro's build from a working folder of its own (see withScratchDir), asking the site's
 * build integration (lm:build-report) for the job; returns what it reported. The site's
 * integrations check the Astro internals they rely on (site/integrations/astro-internals.ts).
 */
async function astroBuild(outDir: string, job: RenderJob): Promise<BuildReport> {
  const reports: BuildReport[] = [];
  const started = performance.now();
  await withScratchDir(async (dir) => {
    process.chdir(dir);
    try {
      requestSiteBuild({ job, onReport: (report) => reports.push(report) });
      await build({ root: siteDir, outDir, logLevel: 'info' });
    } finally {
      process.chdir(siteDir);
      // This build's server bundle stays loaded for the life of the worker (Node never unloads a
      // module): let go of the content its modules hold, or every build's content stays in memory.
      releaseBuildMemory();
    }
  });
  const [report] = reports;
  if (!report) throw new Error('[build] Astro finished without the site reporting what it built (lm:build-report).');
  return { ...report, phases: { ...report.phases, astroMs: Math.round(performance.now() - started) } };
}

async function renderJob({ outDir, reuseFrom }: BuildJob): Promise<BuildReport> {
  // Whatever an earlier, failed build left behind is not this build's.
  takeBuildWarnings();
  const key = await buildKey(process.env);
  const previous = reuseFrom === null ? null : await readManifest(reuseFrom);
  const report = await astroBuild(outDir, { buildKey: key, reuseFrom, previous });
  if (reuseFrom === null || report.modulesReused.length === 0) return report;
  const copying = performance.now();
  const pagesCopied = await copyReusedModules({ outDir, from: reuseFrom, modules: report.modulesReused });
  if (pagesCopied !== null) {
    return { ...report, pagesCopied, phases: { ...report.phases, copyMs: Math.round(performance.now() - copying) } };
  }
  console.log('[build] The live release was built with other assets; rendering every page instead.');
  const full = await astroBuild(outDir, { buildKey: key, reuseFrom: null, previous: null });
  return { ...full, graphqlRequests: report.graphqlRequests + full.graphqlRequests };
}

/** Renders (or copies) the release, then finishes it for the web server (see finish-release.ts). */
async function runJob(job: BuildJob): Promise<BuildReport> {
  const report = await renderJob(job);
  const { durationMs } = await finishRelease(job.outDir);
  return { ...report, phases: { ...report.phases, compressMs: durationMs } };
}

// The service that started this process is gone (even killed with -9): so is the reason to run.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: unknown) => {
  const job = buildJobSchema.safeParse(message);
  if (!job.success) return;
  const { id } = job.data;
  runJob(job.data).then(
    (report) => {
      // `gc` is there only when the builder asked for the heap (--expose-gc, see measureHeap).
      if (globalThis.gc === undefined) {
        reply({ id, ok: true, report });
        return;
      }
      globalThis.gc();
      reply({ id, ok: true, report, heapUsedAfterGcBytes: process.memoryUsage().heapUsed });
    },
    (error: unknown) => {
      reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    },
  );
});

void removeStaleScratchDirs().finally(() => process.send?.({ ready: true }));
