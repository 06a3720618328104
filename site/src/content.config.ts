import { defineCollection } from 'astro:content';
import { moduleEntrySchema, pageEntrySchema, sectionEntrySchema } from '@lm/shared';
import {
  ModuleStampsDocument,
  ModulesByIdDocument,
  PageStampsDocument,
  PagesByIdDocument,
  SectionStampsDocument,
  SectionsByIdDocument,
} from '@lm/shared/graphql';
import { incrementalStrapiLoader, type ChildStamp, type StampPage } from './loaders/incremental-strapi-loader';
import { strapiClient } from './lib/strapi-client';
import { withoutUnsafeUrls } from './lib/without-unsafe-urls';

/** A connection Strapi returned as null, which only happens when the schema is not ours. */
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`[site] Strapi returned no ${what}.`);
  return value;
}

type Parented = { documentId: string; updatedAt: string | null; publishedAt: string | null };

/** Stamps with their parent's id, when the listing asked for it (`@include(if: $withParents)`). */
function withParentIds<T extends Parented>(
  connection: { nodes: readonly T[]; pageInfo: { pageCount: number } },
  parentOf: (node: T) => { documentId: string } | null | undefined,
): StampPage<ChildStamp> {
  return {
    pageInfo: connection.pageInfo,
    nodes: connection.nodes.map((node) => {
      const parent = parentOf(node);
      return { ...node, parentId: parent === undefined ? undefined : (parent?.documentId ?? null) };
    }),
  };
}

const listModuleStamps = async (page: number, pageSize: number) =>
  required((await strapiClient().request(ModuleStampsDocument, { page, pageSize })).modules_connection, 'modules');

const listSectionStamps = async (page: number, pageSize: number, withParents: boolean) =>
  required(
    (await strapiClient().request(SectionStampsDocument, { page, pageSize, withParents })).sections_connection,
    'sections',
  );

/**
 * All content comes from Strapi, published only (the GraphQL default), read with the read-only
 * token, 100 entries per request, and refetched only where it changed since the last build.
 */
const modules = defineCollection({
  loader: incrementalStrapiLoader({
    name: 'modules',
    query: ModulesByIdDocument,
    listStamps: listModuleStamps,
    fetchByIds: async (ids, pageSize) => (await strapiClient().request(ModulesByIdDocument, { ids, pageSize })).modules,
  }),
  schema: moduleEntrySchema,
});

const sections = defineCollection({
  loader: incrementalStrapiLoader({
    name: 'sections',
    query: SectionsByIdDocument,
    listStamps: async (page, pageSize, withParents) =>
      withParentIds(await listSectionStamps(page, pageSize, withParents), (node) => node.module),
    fetchByIds: async (ids, pageSize) =>
      (await strapiClient().request(SectionsByIdDocument, { ids, pageSize })).sections,
    parent: { listStamps: listModuleStamps, of: (section) => section.module?.documentId ?? null },
  }),
  schema: sectionEntrySchema,
});

const pages = defineCollection({
  loader: incrementalStrapiLoader({
    name: 'pages',
    query: PagesByIdDocument,
    listStamps: async (page, pageSize, withParents) =>
      withParentIds(
        required(
          (await strapiClient().request(PageStampsDocument, { page, pageSize, withParents })).pages_connection,
          'pages',
        ),
        (node) => node.section,
      ),
    fetchByIds: async (ids, pageSize) => (await strapiClient().request(PagesByIdDocument, { ids, pageSize })).pages,
    clean: (node) => {
      const { page, warnings } = withoutUnsafeUrls(node);
      return { node: page, warnings };
    },
    parent: {
      listStamps: (page, pageSize) => listSectionStamps(page, pageSize, false),
      of: (page) => page.section?.documentId ?? null,
    },
  }),
  schema: pageEntrySchema,
});

export const collections = { modules, sections, pages };
