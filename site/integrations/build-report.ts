import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  RENDER_MANIFEST_FILE,
  finishSiteBuild,
  startSiteBuild,
  takeBuildWarnings,
  takeSiteBuildRequest,
  type BuildReport,
  type BuildTimings,
  type RenderDecision,
  type RenderJob,
  type RenderManifest,
} from '@lm/shared';

function manifestOf(job: RenderJob, { digests, reused }: RenderDecision): RenderManifest {
  return {
    version: 1,
    buildKey: job.buildKey,
    modules: digests,
    reused,
    reusedFrom: reused.length > 0 ? job.reuseFrom : null,
  };
}

/** The bundling and rendering times lm:build-phases recorded, rounded to whole milliseconds. */
function timingsOf(timings: BuildTimings | undefined): BuildTimings {
  const pages = timings?.pageRenderMs ?? { content: 0, print: 0, other: 0 };
  return {
    serverBundleMs: timings?.serverBundleMs ?? 0,
    clientBundleMs: timings?.clientBundleMs ?? 0,
    generateMs: timings?.generateMs ?? 0,
    pageRenderMs: {
      content: Math.round(pages.content),
      print: Math.round(pages.print),
      other: Math.round(pages.other),
    },
  };
}

/**
 * The site's side of a build by the build worker (scripts/lib/build-worker.ts), which asks for a
 * job and a report with `requestSiteBuild` before it runs Astro's build API; a plain `astro build`
 * asks for nothing, renders everything and reports to nobody. It hands the job to the site's code (the
 * render plan, site/src/lib/render-plan.ts, reads it from the build's state), and when the pages
 * are rendered writes the render manifest into the release, for the next build to compare with,
 * and hands back what the build did as a value: pages rendered, modules rendered and left to copy,
 * GraphQL requests, pages indexed for search (by lm:search-index, which runs just before), phase
 * timings and warnings.
 */
export function buildReport(): AstroIntegration {
  let started = 0;
  let rendering = 0;
  let job: RenderJob | null = null;
  let onReport: (report: BuildReport) => void = () => undefined;
  return {
    name: 'lm:build-report',
    hooks: {
      'astro:config:setup': () => {
        started = performance.now();
        const request = takeSiteBuildRequest();
        job = request?.job ?? null;
        onReport = request?.onReport ?? (() => undefined);
        // Before the content sync, whose loaders count their GraphQL requests into this state.
        startSiteBuild(job);
      },
      'astro:build:start': () => {
        rendering = performance.now();
      },
      'astro:build:done': async ({ pages, dir }) => {
        const build = finishSiteBuild();
        // A plain `astro build` was asked for nothing: no manifest for a next build, no report.
        if (job === null) return;
        const decision: RenderDecision = (await build?.decision) ?? { digests: {}, reused: [] };
        const manifest = manifestOf(job, decision);
        await writeFile(path.join(fileURLToPath(dir), RENDER_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
        const reused = new Set(decision.reused);
        const indexMs = build?.searchIndex?.indexMs ?? 0;
        onReport({
          pagesRendered: pages.length,
          pagesCopied: 0,
          modulesRendered: Object.keys(decision.digests).filter((slug) => !reused.has(slug)),
          modulesReused: decision.reused,
          pagesIndexed: build?.searchIndex?.pagesIndexed ?? 0,
          graphqlRequests: build?.graphqlRequests ?? 0,
          phases: {
            contentMs: Math.round(rendering - started),
            // Indexing (lm:search-index) ran in this hook's place, before it: not rendering.
            renderMs: Math.round(performance.now() - rendering - indexMs),
            copyMs: 0,
            indexMs,
            ...timingsOf(build?.timings),
            // The worker times the whole of Astro's build call.
            astroMs: 0,
          },
          warnings: takeBuildWarnings(),
        });
      },
    },
  };
}
