import path from 'node:path';
import { LEGACY_PATHS_MAX, legacyPathKey, legacyPathProblem } from '@lm/shared';

/** What Jekyll computed a page's URLs from: its front matter and its file name. */
export interface JekyllPageAddress {
  /** The source file, as given to the importer; its base name stands for `:basename`. */
  file: string;
  /** `module_name`, e.g. "partnerships". */
  moduleSlug: string;
  /** `subsection`, e.g. "two-zero". */
  pageSlug: string;
  /** `permalink` from the front matter, when there is one. */
  permalink?: string | undefined;
  /** `redirect_from` (jekyll-redirect-from): paths the old site already redirected to this page. */
  redirectFrom?: readonly string[] | undefined;
}

/** Old paths, and why some candidates were not kept (for the import's warnings). */
export interface JekyllOldPaths {
  paths: string[];
  dropped: string[];
}

/**
 * The placeholders a page's `permalink` may use. `:title` and `:name` are the file's base name
 * for pages as for collection documents without a title override.
 */
function expandPermalink(permalink: string, basename: string): string {
  return permalink
    .replace(/:output_ext\b/g, '.html')
    .replace(/:(basename|name|title|slug)\b/g, basename)
    .replace(/\/{2,}/g, '/');
}

/**
 * The forms under which Jekyll (as hosted on GitHub Pages) served one URL: a URL ending in `/` is
 * the folder's index.html; `x.html` is also reached as `x` (GitHub Pages drops the extension);
 * an extensionless permalink is written as `x.html` and reached as `x` and `x.html`.
 */
function servedForms(url: string): string[] {
  if (url.endsWith('/')) return [url];
  if (url.endsWith('.html')) return [url, url.slice(0, -'.html'.length)];
  if (path.posix.extname(url) === '') return [url, `${url}.html`];
  return [url];
}

/**
 * The paths a Jekyll page had on the old site, which the new site redirects to the page. The old
 * site published module pages at `/modules/{module_name}/{subsection}.html`, and reached them
 * as `/modules/{module_name}/{subsection}/` (course-in-a-box's pretty URLs) too; a `permalink`
 * overrides where Jekyll wrote the page and `redirect_from` lists paths it already redirected.
 * Pure; the order is stable, so a re-import writes the same list.
 */
export function jekyllOldPaths(page: JekyllPageAddress): JekyllOldPaths {
  const base = `/modules/${page.moduleSlug}/${page.pageSlug}`;
  const candidates = [`${base}.html`, `${base}/`];
  if (page.permalink !== undefined && page.permalink.trim() !== '') {
    const basename = path.basename(page.file).replace(/\.[^.]+$/, '');
    const expanded = expandPermalink(page.permalink.trim(), basename);
    candidates.push(...servedForms(expanded.startsWith('/') ? expanded : `/${expanded}`));
  }
  candidates.push(...(page.redirectFrom ?? []).map((entry) => entry.trim()));
  const paths: string[] = [];
  const dropped: string[] = [];
  // By key: the site serves `/a` and `/a/` as one path, and the CMS refuses a page listing both.
  const keys = new Set<string>();
  for (const candidate of candidates) {
    if (keys.has(legacyPathKey(candidate))) continue;
    const problem = legacyPathProblem(candidate);
    if (problem !== null || candidate.includes(':')) {
      dropped.push(problem ?? `"${candidate}" holds a permalink placeholder the importer does not know`);
    } else if (paths.length >= LEGACY_PATHS_MAX) {
      dropped.push(`"${candidate}" is over the limit of ${LEGACY_PATHS_MAX} old addresses per page`);
    } else {
      keys.add(legacyPathKey(candidate));
      paths.push(candidate);
    }
  }
  return { paths, dropped };
}
