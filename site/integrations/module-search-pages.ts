/** Folders inside a module's folder that hold no content page: the search bundle and the print page. */
const NOT_CONTENT_PAGES = new Set(['_search', 'print']);

/** The name of the search bundle's folder inside a module's folder (`modules/<slug>/_search/`). */
export const SEARCH_BUNDLE_FOLDER = '_search';

/**
 * Groups the pages a build rendered (Astro's `pathname`s, e.g. `modules/intro/welcome/`) by module
 * slug, keeping only content pages: the module's own index, its print page and anything outside
 * `modules/` are left out. A module that was not rendered (reused from the live release) has no
 * pathname here, so it gets no entry and keeps the index it was copied with.
 */
export function moduleSearchPages(pathnames: readonly string[]): Map<string, string[]> {
  const byModule = new Map<string, string[]>();
  for (const pathname of pathnames) {
    const segments = pathname.split('/').filter((segment) => segment !== '');
    const [root, slug, page] = segments;
    if (root !== 'modules' || slug === undefined || page === undefined || NOT_CONTENT_PAGES.has(page)) continue;
    byModule.set(slug, [...(byModule.get(slug) ?? []), `/${segments.join('/')}/`]);
  }
  return byModule;
}
