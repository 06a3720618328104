import { legacyPathKey } from '../legacy-paths.js';
import { bodyParts } from './body-parts.js';
import type { CheckedPage } from './course-data.js';
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
 * not ours to check (other sites, mail, other site paths) need nothing.
 */
export function linkLookups(pages: readonly CheckedPage[]): LinkLookups {
  const moduleSlugs = new Set<string>();
  const pageSlugs = new Set<string>();
  const legacyKeys = new Set<string>();
  for (const page of pages) {
    for (const link of bodyParts(page.body).links) {
      const target = siteLinkTarget(link.url);
      if (target === null) continue;
      moduleSlugs.add(target.moduleSlug);
      if (target.pageSlug !== null) pageSlugs.add(target.pageSlug);
      legacyKeys.add(legacyPathKey(target.path));
    }
  }
  return { moduleSlugs: [...moduleSlugs], pageSlugs: [...pageSlugs], legacyKeys: [...legacyKeys] };
}
