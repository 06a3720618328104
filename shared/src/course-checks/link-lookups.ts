import { legacyPathKey } from '../legacy-paths.js';
import { bodyParts } from './body-parts.js';
import type { CheckedPage, CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';
import { siteLinkTarget } from './site-link-target.js';

/** What the internal-link rule looks up to judge some pages' links (see internal-link-rules.ts). */
export interface LinkLookups {
  /** Slugs of the modules the links name: a link resolves inside its module, or names the module. */
  moduleSlugs: string[];
  /** Slugs of the pages the links name, each looked for in the named module. */
  pageSlugs: string[];
  /** {@link legacyPathKey} of each link's path: a link to an old address of a page arrives there. */
  legacyKeys: string[];
}

/**
 * The modules, pages and old addresses that the links of `pages` can lead to, so that a caller
 * (the CMS judging one publish) can read just those rather than the whole course. Links that are
 * not ours to check (other sites, mail, other site paths) need nothing, and neither does a link to
 * a page that `known` already holds in the module it names: the rule takes that page without
 * looking at old addresses. `known` must hold that module's pages in full (a module read whole),
 * or the page found may not be the one the whole course would give.
 */
export function linkLookups(pages: readonly CheckedPage[], known?: CourseData): LinkLookups {
  const places = known === undefined ? undefined : coursePlaces(known);
  const resolved = (moduleSlug: string, pageSlug: string) =>
    known?.pages.some((page) => page.slug === pageSlug && places?.moduleOfPage(page)?.slug === moduleSlug) === true;
  const moduleSlugs = new Set<string>();
  const pageSlugs = new Set<string>();
  const legacyKeys = new Set<string>();
  for (const page of pages) {
    for (const link of bodyParts(page.body).links) {
      const target = siteLinkTarget(link.url);
      if (target === null) continue;
      if (target.pageSlug !== null && resolved(target.moduleSlug, target.pageSlug)) continue;
      moduleSlugs.add(target.moduleSlug);
      if (target.pageSlug !== null) pageSlugs.add(target.pageSlug);
      legacyKeys.add(legacyPathKey(target.path));
    }
  }
  return { moduleSlugs: [...moduleSlugs], pageSlugs: [...pageSlugs], legacyKeys: [...legacyKeys] };
}
