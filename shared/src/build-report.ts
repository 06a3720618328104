import { z } from 'zod';
import type { RenderJob } from './render-manifest.js';

/** Rendering time summed per kind of page (see BuildReport's phases.pageRenderMs). */
export const pageRenderTimesSchema = z.object({
  content: z.number().nonnegative(),
  print: z.number().nonnegative(),
  other: z.number().nonnegative(),
});
export type PageRenderTimes = z.infer<typeof pageRenderTimesSchema>;

/** Where a build's time went before the report is written, recorded as the build runs. */
export interface BuildTimings {
  serverBundleMs: number;
  clientBundleMs: number;
  generateMs: number;
  pageRenderMs: PageRenderTimes;
}

/**
 * What one site build did, as a value the build hands back (see site/integrations/build-report.ts
 * and scripts/lib/build-worker.ts): nothing about a build is read from its log lines.
 */
export const buildReportSchema = z.object({
  /** HTML pages Astro rendered (from `astro:build:done`). */
  pagesRendered: z.number().int().nonnegative(),
  /** HTML pages copied from the live release instead of rendered. */
  pagesCopied: z.number().int().nonnegative(),
  /** Modules (by slug) whose pages this build rendered. */
  modulesRendered: z.array(z.string()),
  /** Modules (by slug) whose folders were copied from the live release. */
  modulesReused: z.array(z.string()),
  /** Pages added to the rendered modules' search indexes (see site/integrations/search-index.ts). */
  pagesIndexed: z.number().int().nonnegative(),
  /** GraphQL requests the content loaders sent: they should grow with N/100, not with N. */
  graphqlRequests: z.number().int().nonnegative(),
  /** How long each phase took, in milliseconds. */
  phases: z.object({
    /** From the start of the build to the start of rendering: mostly the content sync. */
    contentMs: z.number().nonnegative(),
    /** Bundling and rendering the pages. */
    renderMs: z.number().nonnegative(),
    /** Copying the reused modules' folders from the live release. */
    copyMs: z.number().nonnegative(),
    /** Writing the search index of each rendered module (reused modules carry theirs along). */
    indexMs: z.number().nonnegative(),
    /** Part of renderMs: Vite's server build, which bundles the pages' code. */
    serverBundleMs: z.number().nonnegative(),
    /** Part of renderMs: Vite's client build, which bundles the islands for the browser. */
    clientBundleMs: z.number().nonnegative(),
    /** Part of renderMs: generating the pages (getStaticPaths, rendering, writing), wall clock. */
    generateMs: z.number().nonnegative(),
    /**
     * Time spent rendering pages, summed over the pages of each kind: content pages, print pages and
     * the rest (homes, 404, search, sitemap, redirect pages). Pages render `build.concurrency` at a
     * time, so the sum can exceed generateMs.
     */
    pageRenderMs: pageRenderTimesSchema,
    /** The whole of Astro's build call, from loading the config to the last hook. */
    astroMs: z.number().nonnegative(),
    /**
     * After Astro: writing the .br and .gz siblings of the release's text files (see
     * scripts/lib/precompress-release.ts). Absent from the site's own report, set by the build worker.
     */
    compressMs: z.number().nonnegative().optional(),
  }),
  /** Content the site left out (an unsafe link, say), for editors to fix (see setBuildWarnings). */
  warnings: z.array(z.string()),
});
export type BuildReport = z.infer<typeof buildReportSchema>;

/** Which modules a build renders and what each was rendered from (computed by the site). */
export interface RenderDecision {
  /** By module slug: a digest of the content its pages are rendered from. */
  digests: Record<string, string>;
  /** Modules left out of rendering, to be copied from the live release. */
  reused: string[];
}

/**
 * The build under way in this process. The build (Astro's API, with our integration) and the
 * site's code share a process but not modules: Vite loads the site's modules as modules of their
 * own, so the state lives on `globalThis` (as the warnings do, see build-warnings.ts).
 */
export interface SiteBuildState {
  /** What the worker asked for; null in a plain `astro build`. */
  job: RenderJob | null;
  /** GraphQL requests sent so far in this build. */
  graphqlRequests: number;
  /** The render plan, once the site has computed it. */
  decision: Promise<RenderDecision> | null;
  /** What indexing the rendered modules for search did, once it is done (see SearchIndexing). */
  searchIndex: SearchIndexing | null;
  /** Bundling and rendering times (see site/integrations/build-phases.ts). */
  timings: BuildTimings;
}

/** What the search integration (site/integrations/search-index.ts) did in a build. */
export interface SearchIndexing {
  /** Pages added to the modules' indexes. */
  pagesIndexed: number;
  /** How long indexing and writing the indexes took. */
  indexMs: number;
}

/** What a build worker asks of the next build in its process (see requestSiteBuild). */
export interface SiteBuildRequest {
  /** The build key and the live release to reuse from. */
  job: RenderJob;
  /** Receives the report when the build is done. */
  onReport: (report: BuildReport) => void;
}

declare global {
  // A global's type can only be declared with `var`.
  var learningModulesSiteBuild: SiteBuildState | undefined;
  var learningModulesSiteBuildRequest: SiteBuildRequest | undefined;
}

/**
 * Asks the next build in this process for a render job and its report. The build worker calls it
 * just before Astro's build API; the site's own integration (site/integrations/build-report.ts)
 * takes the request when the build starts. So the worker needs no code of the site's, only this.
 */
export function requestSiteBuild(request: SiteBuildRequest): void {
  globalThis.learningModulesSiteBuildRequest = request;
}

/** Takes the pending request (a plain `astro build` finds none). */
export function takeSiteBuildRequest(): SiteBuildRequest | undefined {
  const request = globalThis.learningModulesSiteBuildRequest;
  globalThis.learningModulesSiteBuildRequest = undefined;
  return request;
}

/** Starts the state of a new build (forgetting any earlier, failed one's). */
export function startSiteBuild(job: RenderJob | null): SiteBuildState {
  globalThis.learningModulesSiteBuild = {
    job,
    graphqlRequests: 0,
    decision: null,
    searchIndex: null,
    timings: {
      serverBundleMs: 0,
      clientBundleMs: 0,
      generateMs: 0,
      pageRenderMs: { content: 0, print: 0, other: 0 },
    },
  };
  return globalThis.learningModulesSiteBuild;
}

/** The build under way, if one was started (a plain `astro build` starts none). */
export function currentSiteBuild(): SiteBuildState | undefined {
  return globalThis.learningModulesSiteBuild;
}

/** Ends the build under way and returns its state. */
export function finishSiteBuild(): SiteBuildState | undefined {
  const state = globalThis.learningModulesSiteBuild;
  globalThis.learningModulesSiteBuild = undefined;
  return state;
}
