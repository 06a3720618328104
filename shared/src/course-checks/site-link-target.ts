import { RESERVED_PAGE_SLUGS } from '../urls.js';

/** What a link into the site's module folders points at. */
export interface SiteLinkTarget {
  /** The link's path, without query or fragment. */
  path: string;
  moduleSlug: string;
  /** The page's slug; null for the module's own pages (its home, its print page). */
  pageSlug: string | null;
}

const MODULE_PATH = /^\/modules\/([^/]+)(?:\/([^/]+))?\/?$/;

/**
 * Reads a link as the site would route it: `/modules/{module}/{page}/` (with or without the
 * trailing slash, query or fragment) names a page, `/modules/{module}/` and the module's print
 * page name the module. Anything else (other sites, mail, other site paths) is not ours to check.
 */
export function siteLinkTarget(url: string): SiteLinkTarget | null {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const match = MODULE_PATH.exec(path);
  if (match === null) return null;
  const [, moduleSlug = '', pageSlug] = match;
  const ownPage = pageSlug === undefined || RESERVED_PAGE_SLUGS.includes(pageSlug);
  return { path, moduleSlug, pageSlug: ownPage ? null : pageSlug };
}
