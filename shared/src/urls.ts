/** The public site's URLs, in one place so that links and routes cannot drift apart. */

/** The home page, which lists modules. */
export const homeUrl = (): string => '/';

/** A module's home: its sections in order, their outcomes and pages. */
export const moduleUrl = (moduleSlug: string): string => `/modules/${moduleSlug}/`;

/** One page of a module, such as `/modules/partnerships/two-zero/`. */
export const pageUrl = (moduleSlug: string, pageSlug: string): string => `/modules/${moduleSlug}/${pageSlug}/`;

/** A whole module on one page, for printing: every section and page in order. */
export const modulePrintUrl = (moduleSlug: string): string => `/modules/${moduleSlug}/print/`;

/**
 * Page slugs the site uses for its own pages inside a module folder (see `modulePrintUrl`): a page
 * with one of these slugs would share a URL with them, so the CMS refuses them and the build fails.
 */
export const RESERVED_PAGE_SLUGS: readonly string[] = ['print'];
