import { modulePrintUrl, RESERVED_PAGE_SLUGS, type ModuleEntry, type PageEntry } from '@lm/shared';

/** A published page and the module it is in. */
export interface PlacedPage {
  module: Pick<ModuleEntry, 'slug' | 'title'>;
  page: Pick<PageEntry, 'slug' | 'number' | 'title'>;
}

/**
 * Fails the build when a published page has a slug the site uses for a page of its own inside the
 * module folder (the print page), which Astro would resolve by writing one over the other. The CMS
 * refuses these slugs when a page is saved; this catches pages saved before that rule existed.
 */
export function assertNoReservedSlugs(nodes: readonly PlacedPage[]): void {
  for (const { module, page } of nodes) {
    if (!RESERVED_PAGE_SLUGS.includes(page.slug)) continue;
    throw new Error(
      `[site] The page "${page.number} ${page.title}" in module "${module.title}" has the slug "${page.slug}", ` +
        `which the site keeps for its own page ${modulePrintUrl(module.slug)}. Give the page another slug in the admin and publish it.`,
    );
  }
}
