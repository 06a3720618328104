import { createHash } from 'node:crypto';
import { currentSiteBuild, type RenderDecision, type RenderJob } from '@lm/shared';
import { contentGraph, type ModuleNode } from './content-graph';

export interface RenderPlan {
  /** Whether this build renders the pages of the module with this slug. */
  renders: (moduleSlug: string) => boolean;
}

const EVERYTHING: RenderPlan = { renders: () => true };

/** A digest of everything a module's pages are rendered from: its node in the content graph. */
function moduleDigest(buildKey: string, node: ModuleNode): string {
  return createHash('sha256').update(buildKey).update('\0').update(JSON.stringify(node)).digest('base64url');
}

async function decide(job: RenderJob): Promise<RenderDecision> {
  const modules = await contentGraph();
  const digests = Object.fromEntries(modules.map((node) => [node.module.slug, moduleDigest(job.buildKey, node)]));
  // Only a release rendered by the same code and settings has pages this build would repeat.
  const previous = job.reuseFrom !== null && job.previous?.buildKey === job.buildKey ? job.previous : null;
  const reused = Object.keys(digests).filter((slug) => previous?.modules[slug] === digests[slug]);
  return { digests, reused };
}

/**
 * Which modules this build renders (see shared/src/render-manifest.ts). In a build by the build
 * worker, modules whose content is the same as in the live release are left out, and the worker
 * copies their folders from it: after one publish, a build renders one module instead of all. In
 * a plain `astro build` (no build under way) everything is rendered. The home and 404 pages are
 * always rendered.
 *
 * Decided once per build, by the first getStaticPaths to ask, before any page renders; the
 * decision is kept in the build's state, where the build integration (site/integrations/
 * build-report.ts) reads it to write the manifest and the report. Nothing is written here. It is
 * not kept in a module variable: that would last one build only because every build's server
 * bundle is imported from a new folder (see scripts/lib/scratch-dir.ts), and nothing here needs
 * to rely on that.
 */
export async function renderPlan(): Promise<RenderPlan> {
  const build = currentSiteBuild();
  if (!build?.job) return EVERYTHING;
  build.decision ??= decide(build.job);
  const reused = new Set((await build.decision).reused);
  return { renders: (slug) => !reused.has(slug) };
}
