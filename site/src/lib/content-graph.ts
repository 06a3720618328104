import { getCollection } from 'astro:content';
import {
  compareNumbering,
  pageUrl,
  releaseAfterBuild,
  type ModuleEntry,
  type Outcome,
  type PageEntry,
  type SectionEntry,
} from '@lm/shared';
import { assertNoReservedSlugs } from './assert-no-reserved-slugs';

export type SectionNode = {
  section: SectionEntry;
  /** Pages in reading order ("2.0", "2.1", ..., "2.10"). */
  pages: PageEntry[];
};

export type ModuleNode = {
  module: ModuleEntry;
  /** Sections in number order. */
  sections: SectionNode[];
};

/** Where a page sits, for "Section 2 of 6 · Page 1 of 4". All positions count from 1. */
export type PagePosition = {
  /** The section's place among the module's sections (not its number, which may skip). */
  section: number;
  sectionCount: number;
  /** The page's place within its section. */
  page: number;
  pageCount: number;
};

export type PageNode = {
  module: ModuleEntry;
  section: SectionEntry;
  page: PageEntry;
  /** The pages before and after this one within its module, for the pager. */
  previous: PageEntry | undefined;
  next: PageEntry | undefined;
  /** The whole module, for the sidebar. A page depends only on its own module's content. */
  sections: SectionNode[];
  position: PagePosition;
};

let graph: Promise<ModuleNode[]> | undefined;

async function buildGraph(): Promise<ModuleNode[]> {
  const [modules, sections, pages] = await Promise.all([
    getCollection('modules'),
    getCollection('sections'),
    getCollection('pages'),
  ]);
  // Strapi returns a relation as null when its target is not published, so a page whose section
  // (or a section whose module) is a draft is simply unreachable, never half rendered.
  const pagesBySection = new Map<string, PageEntry[]>();
  for (const { data: page } of pages) {
    const sectionId = page.section?.documentId;
    if (!sectionId) continue;
    pagesBySection.set(sectionId, [...(pagesBySection.get(sectionId) ?? []), page]);
  }
  return modules
    .map(({ data: module }) => ({
      module,
      sections: sections
        .map(({ data }) => data)
        .filter((section) => section.module?.documentId === module.documentId)
        .sort((a, b) => a.number - b.number)
        .map((section) => ({
          section,
          pages: (pagesBySection.get(section.documentId) ?? []).sort((a, b) => compareNumbering(a.number, b.number)),
        })),
    }))
    .sort((a, b) => (a.module.order ?? 0) - (b.module.order ?? 0) || a.module.title.localeCompare(b.module.title));
}

/** Modules with their published sections and pages, in reading order. Loaded once per build. */
export function contentGraph(): Promise<ModuleNode[]> {
  if (graph === undefined) {
    graph = buildGraph();
    // A warm build worker keeps this module loaded after the build, and with it the graph (every
    // entry of the build): let it go then. The dev server evaluates this module again when content
    // changes and never finishes a build, so it would only pile up releases.
    if (!import.meta.env.DEV)
      releaseAfterBuild(() => {
        graph = undefined;
      });
  }
  return graph;
}

/**
 * Fails the build when two published pages share a URL, which Astro would silently resolve by
 * writing one page over the other. The CMS refuses a duplicate slug when a page is saved, but not
 * when a page is moved by editing the relation from the section's side.
 */
function assertUniqueUrls(nodes: PageNode[]): void {
  const seen = new Map<string, PageNode>();
  for (const node of nodes) {
    const url = pageUrl(node.module.slug, node.page.slug);
    const other = seen.get(url);
    if (other) {
      throw new Error(
        `[site] Two published pages have the URL ${url}: "${other.page.number} ${other.page.title}" and ` +
          `"${node.page.number} ${node.page.title}" in module "${node.module.title}". Give one of them another slug in the admin and publish it.`,
      );
    }
    seen.set(url, node);
  }
}

/** Every published page with its module, section and neighbours. */
export async function pageNodes(): Promise<PageNode[]> {
  const modules = await contentGraph();
  const nodes = modules.flatMap(({ module, sections }) => {
    const ordered = sections.flatMap(({ section, pages }, sectionIndex) =>
      pages.map((page, pageIndex) => ({
        section,
        page,
        position: {
          section: sectionIndex + 1,
          sectionCount: sections.length,
          page: pageIndex + 1,
          pageCount: pages.length,
        },
      })),
    );
    return ordered.map(({ section, page, position }, index) => ({
      module,
      section,
      page,
      previous: ordered[index - 1]?.page,
      next: ordered[index + 1]?.page,
      sections,
      position,
    }));
  });
  assertUniqueUrls(nodes);
  assertNoReservedSlugs(nodes);
  return nodes;
}

/** A module's outcomes, gathered from its sections in order: "What you will learn" on its home. */
export function moduleOutcomes(sections: readonly SectionNode[]): Outcome[] {
  return sections.flatMap(({ section }) => section.outcomes);
}

/** A module's pages in reading order, across its sections. */
export function modulePages(sections: readonly SectionNode[]): PageEntry[] {
  return sections.flatMap(({ pages }) => pages);
}
