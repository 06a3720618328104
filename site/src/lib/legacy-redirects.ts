import { legacyPathKey, moduleUrl, pageUrl } from '@lm/shared';
import { pageNodes } from './content-graph';

/** One old address of a published page and where it leads now. */
export interface LegacyRedirect {
  /** The old path as stored, e.g. "/modules/partnerships/two-zero.html". */
  from: string;
  /** The page's current URL, always site-relative (built from slugs, never taken from content). */
  to: string;
  /** The slug of the module the page belongs to. */
  moduleSlug: string;
}

/**
 * Every old address of every published page, except those that are (or fall on) a real page of
 * this build: a page that exists now wins over an old address, and an old path equal to the page's
 * own URL needs no redirect. Should two pages claim one path (the CMS refuses it, but a page moved
 * by editing its section could slip through), the first in reading order keeps it.
 */
export async function legacyRedirects(): Promise<LegacyRedirect[]> {
  const nodes = await pageNodes();
  const taken = new Set<string>();
  for (const node of nodes) {
    // The module's home and the whole-module print page live in its folder beside the pages.
    taken.add(legacyPathKey(moduleUrl(node.module.slug)));
    taken.add(legacyPathKey(`${moduleUrl(node.module.slug)}print/`));
    taken.add(legacyPathKey(pageUrl(node.module.slug, node.page.slug)));
  }
  const redirects: LegacyRedirect[] = [];
  for (const node of nodes) {
    for (const { path } of node.page.legacyPaths) {
      const key = legacyPathKey(path);
      if (taken.has(key)) continue;
      taken.add(key);
      redirects.push({ from: path, to: pageUrl(node.module.slug, node.page.slug), moduleSlug: node.module.slug });
    }
  }
  return redirects;
}
