import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  RENDER_MANIFEST_FILE,
  renderManifestSchema,
  renderPlanEnvSchema,
  type RenderManifest,
  type RenderPlanEnv,
} from '@lm/shared';
import { contentGraph, type ModuleNode } from './content-graph';

export interface RenderPlan {
  /** Whether this build renders the pages of the module with this slug. */
  renders: (moduleSlug: string) => boolean;
}

/** A digest of everything a module's pages are rendered from: its node in the content graph. */
function moduleDigest(buildKey: string, node: ModuleNode): string {
  return createHash('sha256').update(buildKey).update('\0').update(JSON.stringify(node)).digest('base64url');
}

/** The live release's manifest, or null when there is none (or it cannot be trusted). */
async function readPrevious(dir: string): Promise<RenderManifest | null> {
  try {
    const parsed = renderManifestSchema.safeParse(
      JSON.parse(await readFile(path.join(dir, RENDER_MANIFEST_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function planWith(env: RenderPlanEnv): Promise<RenderPlan> {
  const modules = await contentGraph();
  const digests = Object.fromEntries(modules.map((node) => [node.module.slug, moduleDigest(env.SITE_BUILD_KEY, node)]));
  const previous = env.SITE_REUSE_FROM ? await readPrevious(env.SITE_REUSE_FROM) : null;
  // Only a release rendered by the same code and settings has pages this build would repeat.
  const comparable = previous?.buildKey === env.SITE_BUILD_KEY ? previous : null;
  const reused = new Set(
    modules.map((node) => node.module.slug).filter((slug) => comparable?.modules[slug] === digests[slug]),
  );
  const manifest: RenderManifest = {
    version: 1,
    buildKey: env.SITE_BUILD_KEY,
    modules: digests,
    reused: [...reused],
    reusedFrom: reused.size > 0 ? (env.SITE_REUSE_FROM ?? null) : null,
  };
  await writeFile(env.SITE_RENDER_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return { renders: (slug) => !reused.has(slug) };
}

let memo: { key: string; plan: Promise<RenderPlan> } | undefined;

/**
 * Which modules this build renders (see shared/src/render-manifest.ts). In a build by the warm
 * worker, modules whose content is the same as in the live release are left out, and the worker
 * copies their folders from it: after one publish, a build renders one module instead of all.
 * Anywhere else (no worker settings in the environment) everything is rendered. The home and 404
 * pages are always rendered. Decided once per build.
 */
export function renderPlan(): Promise<RenderPlan> {
  const env = renderPlanEnvSchema.safeParse(process.env);
  // Keyed by the settings, not kept for the life of the module: when a build's bundle comes out
  // the same as the last one's, Node reuses the module already imported, memo and all.
  const key = JSON.stringify(env.data ?? null);
  if (memo?.key !== key) {
    memo = { key, plan: env.success ? planWith(env.data) : Promise.resolve({ renders: () => true }) };
  }
  return memo.plan;
}
