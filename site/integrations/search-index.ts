import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { currentSiteBuild } from '@lm/shared';
import { SEARCH_BUNDLE_FOLDER, moduleSearchPages } from './module-search-pages';

/**
 * Pagefind writes its ready-made search interfaces into every bundle (about 430 kB); the search
 * page has its own, so only these are written: every module's folder is copied into each later
 * release that reuses it, and smaller folders copy faster.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

function searchError(message: string, errors: readonly string[]): Error {
  return new Error(`[search] ${message}`, { cause: new Error(errors.join('\n')) });
}

/** Indexes one module's rendered pages into `modules/<slug>/_search/`; returns the pages indexed. */
async function indexModule(outDir: string, slug: string, urls: readonly string[]): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw searchError(`Pagefind could not start an index for module "${slug}".`, errors);
  try {
    // The URLs are given, not worked out from file paths: results link to them.
    const files = await Promise.all(
      urls.map(async (url) => ({ url, content: await readFile(path.join(outDir, url, 'index.html'), 'utf8') })),
    );
    // Sent in the pages' order, whichever file was read first, so the same pages make the same index.
    const added = await Promise.all(files.map((file) => index.addHTMLFile(file)));
    const failed = added.flatMap((response) => response.errors);
    if (failed.length > 0) throw searchError(`Pagefind could not index module "${slug}".`, failed);
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw searchError(`Pagefind could not write module "${slug}".`, bundle.errors);
    const target = path.join(outDir, 'modules', slug, SEARCH_BUNDLE_FOLDER);
    for (const file of bundle.files) {
      if (UNUSED_BUNDLE_FILE.test(file.path)) continue;
      const destination = path.join(target, file.path);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.content);
    }
    return urls.length;
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Writes a Pagefind search bundle into the folder of every module this build rendered, from the
 * pages' own HTML: the release holds only published content, so no draft can ever be found. A
 * module the build reused is copied from the live release with its bundle (scripts/lib/
 * copy-reused-modules.ts), so only changed modules are indexed; a plain `astro build` renders and
 * indexes them all. The search page (site/src/pages/search.astro) merges the bundles in the
 * browser.
 *
 * Must come before lm:build-report in the integrations: Astro runs `astro:build:done` hooks in
 * order, and the report reads what this one records in the build's state.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'lm:search-index',
    hooks: {
      'astro:build:done': async ({ pages, dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const modules = moduleSearchPages(pages.map((page) => page.pathname));
        let pagesIndexed = 0;
        try {
          for (const [slug, urls] of modules) pagesIndexed += await indexModule(outDir, slug, urls);
        } finally {
          // The Pagefind service is a child process: none is left behind in a warm build worker.
          await pagefind.close();
        }
        const indexMs = Math.round(performance.now() - started);
        const build = currentSiteBuild();
        if (build) build.searchIndex = { pagesIndexed, indexMs };
        logger.info(
          `Indexed ${String(pagesIndexed)} pages of ${String(modules.size)} modules for search in ${String(indexMs)} ms.`,
        );
      },
    },
  };
}
