import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import {
  CONTENT_TYPE_UIDS,
  legacyPathVariants,
  linkLookups,
  mergeCourseData,
  type CheckedPage,
  type CourseData,
} from '../utils/shared';
import { descendantsOf } from './descendants-of';
import { readCourseRows, type RowFilter } from './read-course-rows';
import { withParents } from './with-parents';

const DRAFT = { publishedAt: null };
const ref = z.object({ documentId: z.string() }).nullish();
const sectionHomeRow = z.object({ module: ref }).nullish();
const pageHomeRow = z.object({ section: z.object({ documentId: z.string(), module: ref }).nullish() }).nullish();

/**
 * Where a document's structure is judged: the module its draft sits in (a page's through its
 * section), or, without one, the section holding it; null for a page in no section.
 */
async function homeOf(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
): Promise<{ moduleId: string } | { sectionId: string } | null> {
  if (uid === CONTENT_TYPE_UIDS.module) return { moduleId: documentId };
  if (uid === CONTENT_TYPE_UIDS.section) {
    const row = sectionHomeRow.parse(
      await strapi.db.query(uid).findOne({
        where: { ...DRAFT, documentId },
        select: ['documentId'],
        populate: { module: { select: ['documentId'] } },
      }),
    );
    const moduleId = row?.module?.documentId;
    return moduleId === undefined ? { sectionId: documentId } : { moduleId };
  }
  const row = pageHomeRow.parse(
    await strapi.db.query(CONTENT_TYPE_UIDS.page).findOne({
      where: { ...DRAFT, documentId },
      select: ['documentId'],
      populate: { section: { select: ['documentId'], populate: { module: { select: ['documentId'] } } } },
    }),
  );
  const section = row?.section;
  if (section === null || section === undefined) return null;
  const moduleId = section.module?.documentId;
  return moduleId === undefined ? { sectionId: section.documentId } : { moduleId };
}

/**
 * Pages that may claim one of these old addresses ({@link legacyPathKey}s): a superset, which the
 * link rule narrows by key. Without a percent sign a stored path is its key, with or without the
 * trailing slash (legacy-paths-valid.ts refuses empty segments); with one it may encode the key
 * any way, and such paths are rare (old Jekyll URLs are ASCII), so all of them are read.
 */
function legacyPathCandidates(keys: readonly string[]): RowFilter[] {
  if (keys.length === 0) return [];
  return [
    { legacyPaths: { $or: [{ path: { $in: keys.flatMap(legacyPathVariants) } }, { path: { $contains: '%' } }] } },
  ];
}

/**
 * The pages and modules the links of `pages` can lead to, with their sections and modules, beyond
 * what `known` (a module read whole) already settles: most links lead within their own module.
 */
async function readLinked(
  strapi: Core.Strapi,
  pages: readonly CheckedPage[],
  known: CourseData,
): Promise<CourseData | null> {
  const { moduleSlugs, pageSlugs, legacyKeys } = linkLookups(pages, known);
  if (moduleSlugs.length === 0) return null;
  const byOldAddress = legacyPathCandidates(legacyKeys);
  const pageFilters: RowFilter[] = [
    ...(pageSlugs.length === 0
      ? []
      : [{ slug: { $in: pageSlugs }, section: { module: { slug: { $in: moduleSlugs } } } }]),
    ...byOldAddress,
  ];
  const linked = await readCourseRows(
    strapi,
    { modules: { slug: { $in: moduleSlugs } }, sections: null, pages: { $or: pageFilters } },
    new Set(),
  );
  return withParents(strapi, linked);
}

/**
 * The part of the course the course checks need to judge one module, section or page: what they
 * report for it, and for the documents a write to it carries along (a section's pages, a module's
 * sections and pages), is the same on this part as on the whole course. Reading only this part keeps
 * a write's cost to the size of its module, not of the site (the whole course was read and checked
 * on every write: about 0.3 s of each publish, and 60% of an import of 1,000 pages).
 *
 * - Page numbers are judged within a section and page slugs within a module, so the module the
 *   document's draft sits in is read whole: its sections and all their pages (or, for a section or
 *   page in no module, its section). Where a page or section came from needs nothing: leaving a
 *   module cannot make a clash there that involves it.
 * - Resource boxes, image alt texts and published parents look at the document itself, read with
 *   its published version (a page's body only when `withBody`).
 * - Internal links are resolved as the site routes them: the modules they name by slug, the pages
 *   of those slugs in those modules, and every page claiming one of their paths as an old address
 *   (a redirect crosses modules), each with its section and module, since a link resolves through
 *   them and the messages name them. A link to a page of the module read whole is settled there,
 *   as the rule looks no further once it finds the page.
 */
export async function readCourseDataFor(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  { withBody }: { withBody: boolean },
): Promise<CourseData> {
  const home = await homeOf(strapi, uid, documentId);
  const isPage = uid === CONTENT_TYPE_UIDS.page;
  const members =
    home === null
      ? { sections: [], pages: [] }
      : 'moduleId' in home
        ? await descendantsOf(strapi, CONTENT_TYPE_UIDS.module, home.moduleId, 'draft')
        : await descendantsOf(strapi, CONTENT_TYPE_UIDS.section, home.sectionId, 'draft');
  const sections = home !== null && 'sectionId' in home ? [home.sectionId] : members.sections;
  const pages = isPage ? [...members.pages, documentId] : members.pages;
  const own = {
    modules: home !== null && 'moduleId' in home ? { documentId: home.moduleId } : null,
    sections: sections.length === 0 ? null : { documentId: { $in: sections } },
    pages: pages.length === 0 ? null : { documentId: { $in: [...new Set(pages)] } },
  };
  const bodies = new Set(withBody && isPage ? [documentId] : []);
  const around = await readCourseRows(strapi, own, bodies);
  const linked =
    bodies.size === 0
      ? null
      : await readLinked(
          strapi,
          around.pages.filter((page) => bodies.has(page.documentId)),
          around,
        );
  // The module's own read comes first: it holds the document's body.
  return linked === null ? around : mergeCourseData([around, linked]);
}
