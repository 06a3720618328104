import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS, courseDataSchema, type CourseData } from '../utils/shared';

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

/**
 * Reads the course for the course checks straight from the database, inside whatever transaction
 * the caller is in (so a write the checks are judging is seen as it would be committed). The
 * document service is not used: its middlewares (ours among them) would run again, and a Content
 * API caller limited to published content would be refused the drafts the checks need.
 *
 * `bodiesOf` names the pages whose bodies are read ('all' for the whole-site report): the other
 * checks need only numbers, slugs and relations.
 */
export async function readCourseData(strapi: Core.Strapi, bodiesOf: 'all' | ReadonlySet<string>): Promise<CourseData> {
  const { module: MODULE, section: SECTION, page: PAGE } = CONTENT_TYPE_UIDS;
  const withBodies = bodiesOf === 'all' ? undefined : [...bodiesOf];
  const [modules, sections, pages, bodies, publishedModules, publishedSections, publishedPages] = await Promise.all([
    strapi.db.query(MODULE).findMany({ where: DRAFT, select: ['documentId', 'title', 'slug'] }),
    strapi.db.query(SECTION).findMany({
      where: DRAFT,
      select: ['documentId', 'number', 'title'],
      populate: { module: { select: ['documentId'] }, outcomes: { select: ['id'] } },
    }),
    strapi.db.query(PAGE).findMany({
      where: DRAFT,
      select: ['documentId', 'number', 'title', 'slug'],
      populate: { section: { select: ['documentId'] }, legacyPaths: { select: ['path'] } },
    }),
    withBodies?.length === 0
      ? []
      : strapi.db.query(PAGE).findMany({
          where: withBodies === undefined ? DRAFT : { ...DRAFT, documentId: { $in: withBodies } },
          select: ['documentId'],
          populate: { body: BODY_POPULATE },
        }),
    strapi.db.query(MODULE).findMany({ where: PUBLISHED, select: ['documentId'] }),
    strapi.db.query(SECTION).findMany({
      where: PUBLISHED,
      select: ['documentId'],
      populate: { module: { select: ['documentId'] } },
    }),
    strapi.db.query(PAGE).findMany({
      where: PUBLISHED,
      select: ['documentId'],
      populate: { section: { select: ['documentId'] } },
    }),
  ]);
  const bodyOf = new Map(
    z
      .array(draftPageRow.pick({ documentId: true, body: true }))
      .parse(bodies)
      .map((row) => [row.documentId, row.body ?? []]),
  );
  const published = (rows: unknown) =>
    new Map(
      z
        .array(publishedRow)
        .parse(rows)
        .map((row) => [row.documentId, row]),
    );
  const liveModules = published(publishedModules);
  const liveSections = published(publishedSections);
  const livePages = published(publishedPages);
  return courseDataSchema.parse({
    modules: z
      .array(draftModuleRow)
      .parse(modules)
      .map((row) => ({ ...row, published: liveModules.has(row.documentId) })),
    sections: z
      .array(draftSectionRow)
      .parse(sections)
      .map((row) => ({
        documentId: row.documentId,
        number: row.number,
        title: row.title,
        moduleId: row.module?.documentId ?? null,
        publishedModuleId: liveSections.get(row.documentId)?.module?.documentId ?? null,
        published: liveSections.has(row.documentId),
        outcomeCount: row.outcomes?.length ?? 0,
      })),
    pages: z
      .array(draftPageRow)
      .parse(pages)
      .map((row) => ({
        documentId: row.documentId,
        number: row.number,
        title: row.title,
        slug: row.slug,
        sectionId: row.section?.documentId ?? null,
        publishedSectionId: livePages.get(row.documentId)?.section?.documentId ?? null,
        published: livePages.has(row.documentId),
        legacyPaths: (row.legacyPaths ?? []).map((entry) => entry.path),
        body: bodyOf.get(row.documentId) ?? [],
      })),
  });
}
