import { copyFile, constants, lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { currentSiteBuild } from '@lm/shared';

/** An optimised image a page links to: Astro writes them into `_astro/` under a content hash. */
const IMAGE_REFERENCE = /\/_astro\/([\w.-]+\.(?:webp|avif|png|jpe?g|gif|svg))/g;

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The `_astro/` images the pages of these modules of a release show. */
async function imagesShownBy(release: string, modules: readonly string[]): Promise<Set<string>> {
  const names = new Set<string>();
  for (const slug of modules) {
    for (const file of await htmlFiles(path.join(release, 'modules', slug))) {
      for (const match of (await readFile(file, 'utf8')).matchAll(IMAGE_REFERENCE)) {
        if (match[1] !== undefined) names.add(match[1]);
      }
    }
  }
  return names;
}

/**
 * Optimised images of the modules this build does not render. Astro writes an image into `_astro/`
 * only when a page it renders asks for it, so the modules the build worker copies from the live
 * release (scripts/lib/copy-reused-modules.ts) would link to images the new release lacks, and the
 * worker, finding assets of the old release missing, would render everything again. This copies
 * the images those pages show from the live release (plain files only, never a planted link), so
 * a publish still renders just the module that changed.
 */
export function reusedModuleImages(): AstroIntegration {
  return {
    name: 'lm:reused-module-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const build = currentSiteBuild();
        const from = build?.job?.reuseFrom ?? null;
        const decision = await build?.decision;
        if (from === null || decision === undefined || decision === null || decision.reused.length === 0) return;
        const outDir = fileURLToPath(dir);
        await mkdir(path.join(outDir, '_astro'), { recursive: true });
        let copied = 0;
        for (const name of await imagesShownBy(from, decision.reused)) {
          const source = path.join(from, '_astro', name);
          const info = await lstat(source).catch(() => null);
          if (info === null || !info.isFile()) continue;
          try {
            await copyFile(source, path.join(outDir, '_astro', name), constants.COPYFILE_EXCL);
            copied += 1;
          } catch (error) {
            // Rendered by this build as well (a module that shows the same image): already there.
            if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
          }
        }
        if (copied > 0) logger.info(`${String(copied)} images of reused modules copied from the live release`);
      },
    },
  };
}
