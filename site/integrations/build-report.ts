import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  RENDER_MANIFEST_FILE,
  finishSiteBuild,
  startSiteBuild,
  takeBuildWarnings,
  type BuildReport,
  type RenderDecision,
  type RenderJob,
  type RenderManifest,
} from '@lm/shared';

export interface BuildReportOptions {
  /** What the build worker asks for: the build key and the live release to reuse from. */
  job: RenderJob;
  /** Receives the report when the build is done (copying is the worker's: none here). */
  onReport: (report: BuildReport) => void;
}

function manifestOf(job: RenderJob, { digests, reused }: RenderDecision): RenderManifest {
  return {
    version: 1,
    buildKey: job.buildKey,
    modules: digests,
    reused,
    reusedFrom: reused.length > 0 ? job.reuseFrom : null,
  };
}

/**
 * The site's side of a build by the build worker (scripts/lib/build-worker.ts), which adds it to
 * the site's integrations through Astro's build API. It hands the job to the site's code (the
 * render plan, site/src/lib/render-plan.ts, reads it from the build's state), and when the pages
 * are rendered writes the render manifest into the release, for the next build to compare with,
 * and hands back what the build did as a value: pages rendered, modules rendered and left to copy,
 * GraphQL requests, phase timings and warnings.
 */
export function buildReport({ job, onReport }: BuildReportOptions): AstroIntegration {
  let started = 0;
  let rendering = 0;
  return {
    name: 'lm:build-report',
    hooks: {
      'astro:config:setup': () => {
        started = performance.now();
        // Before the content sync, whose loaders count their GraphQL requests into this state.
        startSiteBuild(job);
      },
      'astro:build:start': () => {
        rendering = performance.now();
      },
      'astro:build:done': async ({ pages, dir }) => {
        const build = finishSiteBuild();
        const decision: RenderDecision = (await build?.decision) ?? { digests: {}, reused: [] };
        const manifest = manifestOf(job, decision);
        await writeFile(path.join(fileURLToPath(dir), RENDER_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
        const reused = new Set(decision.reused);
        onReport({
          pagesRendered: pages.length,
          pagesCopied: 0,
          modulesRendered: Object.keys(decision.digests).filter((slug) => !reused.has(slug)),
          modulesReused: decision.reused,
          graphqlRequests: build?.graphqlRequests ?? 0,
          phases: {
            contentMs: Math.round(rendering - started),
            renderMs: Math.round(performance.now() - rendering),
            copyMs: 0,
          },
          warnings: takeBuildWarnings(),
        });
      },
    },
  };
}
