import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { moduleUrl } from '@lm/shared';

/** What a release must contain, from the published content read before the build. */
export interface ReleaseExpectations {
  /** Every published module needs its home page. */
  moduleSlugs: readonly string[];
  /** When pages are published, at least one page must have been written. */
  expectPages: boolean;
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** Counts the HTML files under `dir` and lists the module page folders (`modules/{m}/{p}/`). */
async function survey(dir: string): Promise<{ htmlFiles: number; pageFolders: number }> {
  let htmlFiles = 0;
  let pageFolders = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    htmlFiles += 1;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep);
    if (relative.length === 4 && relative[0] === 'modules' && relative[3] === 'index.html') pageFolders += 1;
  }
  return { htmlFiles, pageFolders };
}

/**
 * Checks a built release before it may go live: the home page, the 404 page, every published
 * module's page and, when pages are published, at least one page. Throws naming what is missing;
 * returns the number of HTML files.
 */
export async function verifyRelease(dir: string, expected: ReleaseExpectations): Promise<number> {
  const required = [
    'index.html',
    '404.html',
    ...expected.moduleSlugs.map((slug) => `${moduleUrl(slug).slice(1)}index.html`),
  ];
  const missing: string[] = [];
  for (const file of required) if (!(await exists(path.join(dir, file)))) missing.push(file);
  const { htmlFiles, pageFolders } = await survey(dir);
  if (expected.expectPages && pageFolders === 0) missing.push('modules/{module}/{page}/index.html (no page at all)');
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).join(', ');
    const more = missing.length > 10 ? ` and ${missing.length - 10} more` : '';
    throw new Error(`[rebuild] The new release is incomplete, so it was not deployed: missing ${shown}${more}.`);
  }
  return htmlFiles;
}
