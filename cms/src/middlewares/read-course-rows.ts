import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS, courseDataSchema, type CourseData } from '../utils/shared';

/** A where clause of Strapi's query engine (`strapi.db.query`), applied on top of "is a draft". */
export type RowFilter = Record<string, unknown>;

/** Which drafts of each type to read: those matching a filter, or none (null). */
export interface CourseRowFilters {
  modules: RowFilter | null;
  sections: RowFilter | null;
  pages: RowFilter | null;
}

const ref = z.object({ documentId: z.string() }).nullish();
const draftModuleRow = z.object({ documentId: z.string(), title: z.string(), slug: z.string() });
const draftSectionRow = z.object({
  documentId: z.string(),
  number: z.number(),
  title: z.string(),
  module: ref,
  outcomes: z.array(z.unknown()).nullish(),
});
const draftPageRow = z.object({
  documentId: z.string(),
  number: z.string(),
  title: z.string(),
  slug: z.string(),
  section: ref,
  legacyPaths: z.array(z.object({ path: z.string() })).nullish(),
  body: z.array(z.unknown()).nullish(),
});
const publishedRow = z.object({ documentId: z.string(), module: ref, section: ref });

/** Every block type of a page body, so that `body.{index}` counts blocks as the admin does. */
const BODY_POPULATE = {
  on: {
    'content.rich-text': {},
    'content.resource-box': { populate: { items: true } },
    'content.outcomes': {},
    // Read although no check looks inside it: each block's index is its field path (body.N).
    'content.video': {},
  },
};

const DRAFT = { publishedAt: null };
const PUBLISHED = { publishedAt: { $notNull: true } };
const EVERY_DRAFT: CourseRowFilters = { modules: {}, sections: {}, pages: {} };

/** The published versions of the documents read: all of them ('all'), or those with these documentIds. */
type PublishedOf = 'all' | { modules: string[]; sections: string[]; pages: string[] };

async function readPublished(strapi: Core.Strapi, of: PublishedOf) {
  const { module: MODULE, section: SECTION, page: PAGE } = CONTENT_TYPE_UIDS;
  const where = (ids: string[] | undefined) =>
    ids === undefined ? PUBLISHED : { ...PUBLISHED, documentId: { $in: ids } };
  const find = async (uid: string, ids: string[] | undefined, populate: Record<string, unknown>) =>
    ids?.length === 0 ? [] : strapi.db.query(uid).findMany({ where: where(ids), select: ['documentId'], populate });
  const [modules, sections, pages] = await Promise.all([
    find(MODULE, of === 'all' ? undefined : of.modules, {}),
    find(SECTION, of === 'all' ? undefined : of.sections, { module: { select: ['documentId'] } }),
    find(PAGE, of === 'all' ? undefined : of.pages, { section: { select: ['documentId'] } }),
  ]);
  const byId = (rows: unknown) =>
    new Map(
      z
        .array(publishedRow)
        .parse(rows)
        .map((row) => [row.documentId, row]),
    );
  return { modules: byId(modules), sections: byId(sections), pages: byId(pages) };
}

/**
 * Reads drafts of the course (all of them, or those the filters match) with what the course checks
 * need of their published versions, straight from the database and inside whatever transaction the
 * caller is in (so a write the checks are judging is seen as it would be committed). The document
 * service is not used: its middlewares (ours among them) would run again, and a Content API caller
 * limited to published content would be refused the drafts the checks need.
 *
 * `bodiesOf` names the pages whose bodies are read ('all' for the whole-site report): the other
 * checks need only numbers, slugs and relations.
 */
export async function readCourseRows(
  strapi: Core.Strapi,
  filters: 'all' | CourseRowFilters,
  bodiesOf: 'all' | ReadonlySet<string>,
): Promise<CourseData> {
  const { module: MODULE, section: SECTION, page: PAGE } = CONTENT_TYPE_UIDS;
  const {
    modules: moduleFilter,
    sections: sectionFilter,
    pages: pageFilter,
  } = filters === 'all' ? EVERY_DRAFT : filters;
  const drafts = async (uid: string, filter: RowFilter | null, query: Record<string, unknown>): Promise<unknown> =>
    filter === null
      ? []
      : // In creation order whatever the filter, as a read of the whole table returns them: messages
        // list documents in this order.
        strapi.db.query(uid).findMany({ where: { ...filter, ...DRAFT }, orderBy: { id: 'asc' }, ...query });
  const withBodies = bodiesOf === 'all' ? undefined : [...bodiesOf];
  // The whole course's published versions are read alongside its drafts; a filtered read needs
  // the drafts' documentIds first, since a published version may hang elsewhere than its draft.
  const [[moduleRows, sectionRows, pageRows, bodyRows], everyPublished] = await Promise.all([
    Promise.all([
      drafts(MODULE, moduleFilter, { select: ['documentId', 'title', 'slug'] }),
      drafts(SECTION, sectionFilter, {
        select: ['documentId', 'number', 'title'],
        populate: { module: { select: ['documentId'] }, outcomes: { select: ['id'] } },
      }),
      drafts(PAGE, pageFilter, {
        select: ['documentId', 'number', 'title', 'slug'],
        populate: { section: { select: ['documentId'] }, legacyPaths: { select: ['path'] } },
      }),
      drafts(
        PAGE,
        withBodies?.length === 0 ? null : withBodies === undefined ? {} : { documentId: { $in: withBodies } },
        {
          select: ['documentId'],
          populate: { body: BODY_POPULATE },
        },
      ),
    ]),
    filters === 'all' ? readPublished(strapi, 'all') : null,
  ]);
  const modules = z.array(draftModuleRow).parse(moduleRows);
  const sections = z.array(draftSectionRow).parse(sectionRows);
  const pages = z.array(draftPageRow).parse(pageRows);
  const idsOf = (rows: ReadonlyArray<{ documentId: string }>) => rows.map((row) => row.documentId);
  const live =
    everyPublished ??
    (await readPublished(strapi, { modules: idsOf(modules), sections: idsOf(sections), pages: idsOf(pages) }));
  const bodyOf = new Map(
    z
      .array(draftPageRow.pick({ documentId: true, body: true }))
      .parse(bodyRows)
      .map((row) => [row.documentId, row.body ?? []]),
  );
  return courseDataSchema.parse({
    modules: modules.map((row) => ({ ...row, published: live.modules.has(row.documentId) })),
    sections: sections.map((row) => ({
      documentId: row.documentId,
      number: row.number,
      title: row.title,
      moduleId: row.module?.documentId ?? null,
      publishedModuleId: live.sections.get(row.documentId)?.module?.documentId ?? null,
      published: live.sections.has(row.documentId),
      outcomeCount: row.outcomes?.length ?? 0,
    })),
    pages: pages.map((row) => ({
      documentId: row.documentId,
      number: row.number,
      title: row.title,
      slug: row.slug,
      sectionId: row.section?.documentId ?? null,
      publishedSectionId: live.pages.get(row.documentId)?.section?.documentId ?? null,
      published: live.pages.has(row.documentId),
      legacyPaths: (row.legacyPaths ?? []).map((entry) => entry.path),
      body: bodyOf.get(row.documentId) ?? [],
    })),
  });
}
