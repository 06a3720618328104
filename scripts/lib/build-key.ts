import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** What decides the HTML besides the content: the site, the shared code it imports, the packages. */
const SOURCES = [
  'site/src',
  'site/public',
  'site/astro.config.mjs',
  // The site's integrations: the search index (site/integrations/search-index.ts) is in the release too.
  'site/integrations',
  'site/package.json',
  // Fixes applied to Astro itself at install.
  'site/patches',
  'shared/src',
  'package-lock.json',
];
/** Settings that reach the HTML (the canonical URL, media URLs). Never secrets. */
const SETTINGS = ['SITE_URL', 'STRAPI_URL', 'S3_PUBLIC_URL'];

async function filesUnder(relative: string): Promise<string[]> {
  const full = path.join(repoRoot, relative);
  try {
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOTDIR') return [relative];
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Identifies the code and settings a build renders with. Two builds with the same key render the
 * same content to the same HTML, so a module whose content did not change can be copied from the
 * live release (see shared/src/render-manifest.ts). Computed before every build: the worker lives
 * for many builds and a developer may edit the site in between. Reads about 100 files (a few ms).
 */
export async function buildKey(env: Record<string, string | undefined>): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(SOURCES.map(filesUnder))).flat().sort();
  for (const file of files) {
    hash
      .update(`${file}\0`)
      .update(await readFile(path.join(repoRoot, file)))
      .update('\0');
  }
  for (const name of SETTINGS) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('base64url');
}
