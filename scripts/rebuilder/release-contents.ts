import { pageUrl } from '@lm/shared';

/** A published page the release must hold: its file at `url` and its title in that file. */
export interface ExpectedPage {
  url: string;
  title: string;
}

/** What a new release must contain, from the published content read beside the build. */
export interface ReleaseContents {
  /** Every published module needs its home page. */
  moduleSlugs: string[];
  /** Every page reachable from a published module, through a published section. */
  pages: ExpectedPage[];
  /**
   * Published pages that no URL can show (their section, or its module, is not published): not a
   * fault of the build, so the release may go live, but editors are told in /status.
   */
  unreachable: string[];
}

/** A published section as the release listing reads it. */
export interface ListedSection {
  documentId: string;
  module: { slug: string } | null | undefined;
  pages: ReadonlyArray<{ documentId: string; slug: string; title: string } | null>;
}

/** A published page the sections did not list, with the parents Strapi gives it. */
export interface StrayPage {
  documentId: string;
  slug: string;
  title: string;
  section: { documentId: string; module: { slug: string } | null | undefined } | null | undefined;
}

const unreachableMessage = (page: { slug: string; title: string }, why: string): string =>
  `The published page "${page.title}" (${page.slug}) is on no page of the site: ${why}. Publish its section and module, or unpublish it.`;

/** The ids of the pages the sections list, so that only the others are read again. */
export const listedPageIds = (sections: readonly ListedSection[]): Set<string> =>
  new Set(sections.flatMap((section) => section.pages.flatMap((page) => (page ? [page.documentId] : []))));

/**
 * Puts the listings together: the pages each published section of a published module lists, and
 * for every other published page (the strays), where it belongs or why it has no URL. A stray
 * whose parents are published (a section with more pages than one request lists) is expected too.
 */
export function releaseContents(
  moduleSlugs: readonly string[],
  sections: readonly ListedSection[],
  strays: readonly StrayPage[],
): ReleaseContents {
  const pages: ExpectedPage[] = [];
  const unreachable: string[] = [];
  for (const section of sections) {
    const moduleSlug = section.module?.slug;
    for (const page of section.pages) {
      if (!page) continue;
      if (moduleSlug !== undefined) pages.push({ url: pageUrl(moduleSlug, page.slug), title: page.title });
      else unreachable.push(unreachableMessage(page, 'its section belongs to no published module'));
    }
  }
  for (const page of strays) {
    const moduleSlug = page.section?.module?.slug;
    if (moduleSlug !== undefined) {
      pages.push({ url: pageUrl(moduleSlug, page.slug), title: page.title });
    } else {
      const why = page.section ? 'its section belongs to no published module' : 'it has no published section';
      unreachable.push(unreachableMessage(page, why));
    }
  }
  return { moduleSlugs: [...moduleSlugs], pages, unreachable };
}
