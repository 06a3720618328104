import { z } from 'zod';
import { courseDataSchema, type CourseData, type WriteEnv } from '@lm/shared';
import { listDocuments, type Collection, type Status } from '../lib/strapi-rest-client.js';

const PREFIX = '[check]';
const ref = z.object({ documentId: z.string() }).nullish();
const moduleRow = z.object({ documentId: z.string(), title: z.string(), slug: z.string() });
const sectionRow = z.object({
  documentId: z.string(),
  number: z.number(),
  title: z.string(),
  module: ref,
  outcomes: z.array(z.unknown()).nullish(),
});
const pageRow = z.object({
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
const BODY = {
  'populate[body][on][content.rich-text][populate]': '*',
  'populate[body][on][content.resource-box][populate][items]': 'true',
  'populate[body][on][content.outcomes][populate]': '*',
  'populate[body][on][content.video][populate]': '*',
};

function list(env: WriteEnv, collection: Collection, status: Status, query: Record<string, string>) {
  return listDocuments(env, collection, new URLSearchParams({ status, ...query }), { prefix: PREFIX });
}

/**
 * The whole course as the course checks read it, through Strapi's REST API: every document's
 * draft (what editors work on) with its body, and where its published version hangs.
 */
export async function readSiteCourse(env: WriteEnv): Promise<CourseData> {
  const [modules, sections, pages, liveModules, liveSections, livePages] = await Promise.all([
    list(env, 'modules', 'draft', { 'fields[0]': 'title', 'fields[1]': 'slug' }),
    list(env, 'sections', 'draft', {
      'fields[0]': 'number',
      'fields[1]': 'title',
      'populate[module][fields][0]': 'slug',
      'populate[outcomes]': 'true',
    }),
    list(env, 'pages', 'draft', {
      'fields[0]': 'number',
      'fields[1]': 'title',
      'fields[2]': 'slug',
      'populate[section][fields][0]': 'number',
      'populate[legacyPaths]': 'true',
      ...BODY,
    }),
    list(env, 'modules', 'published', { 'fields[0]': 'slug' }),
    list(env, 'sections', 'published', { 'fields[0]': 'number', 'populate[module][fields][0]': 'slug' }),
    list(env, 'pages', 'published', { 'fields[0]': 'slug', 'populate[section][fields][0]': 'number' }),
  ]);
  const published = (rows: unknown) =>
    new Map(
      z
        .array(publishedRow)
        .parse(rows)
        .map((row) => [row.documentId, row]),
    );
  const moduleVersions = published(liveModules);
  const sectionVersions = published(liveSections);
  const pageVersions = published(livePages);
  return courseDataSchema.parse({
    modules: z
      .array(moduleRow)
      .parse(modules)
      .map((row) => ({ ...row, published: moduleVersions.has(row.documentId) })),
    sections: z
      .array(sectionRow)
      .parse(sections)
      .map((row) => ({
        documentId: row.documentId,
        number: row.number,
        title: row.title,
        moduleId: row.module?.documentId ?? null,
        publishedModuleId: sectionVersions.get(row.documentId)?.module?.documentId ?? null,
        published: sectionVersions.has(row.documentId),
        outcomeCount: row.outcomes?.length ?? 0,
      })),
    pages: z
      .array(pageRow)
      .parse(pages)
      .map((row) => ({
        documentId: row.documentId,
        number: row.number,
        title: row.title,
        slug: row.slug,
        sectionId: row.section?.documentId ?? null,
        publishedSectionId: pageVersions.get(row.documentId)?.section?.documentId ?? null,
        published: pageVersions.has(row.documentId),
        legacyPaths: (row.legacyPaths ?? []).map((entry) => entry.path),
        body: row.body ?? [],
      })),
  });
}
