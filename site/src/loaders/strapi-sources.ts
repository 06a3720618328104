import {
  ModuleStampsDocument,
  ModulesByIdDocument,
  ModulesPageDocument,
  PageStampsDocument,
  PagesByIdDocument,
  PagesPageDocument,
  SectionStampsDocument,
  SectionsByIdDocument,
  SectionsPageDocument,
  type ModuleFieldsFragment,
  type PagesByIdQuery,
  type SectionFieldsFragment,
} from '@lm/shared/graphql';
import { strapiClient } from '../lib/strapi-client';
import { withoutUnsafeUrls } from '../lib/without-unsafe-urls';
import type { ChildStamp, StampPage, StrapiCollectionSource } from './strapi-collection-source';

type ModuleNode = ModuleFieldsFragment;
type SectionNode = SectionFieldsFragment;
type PageNode = NonNullable<PagesByIdQuery['pages'][number]>;

/**
 * How each collection is read from Strapi: published only (the GraphQL default), with the
 * read-only token, 100 entries per request. Shared by the content loaders (content.config.ts) and
 * the content snapshot (write-content-snapshot.ts), so both read exactly the same entries.
 */

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

export const moduleSource: StrapiCollectionSource<ModuleNode> = {
  name: 'modules',
  query: ModulesByIdDocument,
  listStamps: listModuleStamps,
  fetchByIds: async (ids, pageSize) =>
    (await strapiClient().request(ModulesByIdDocument, { ids, pageSize })).modules,
  fetchPage: async (page, pageSize) =>
    required((await strapiClient().request(ModulesPageDocument, { page, pageSize })).modules_connection, 'modules'),
};

export const sectionSource: StrapiCollectionSource<SectionNode> = {
  name: 'sections',
  query: SectionsByIdDocument,
  listStamps: async (page, pageSize, withParents) =>
    withParentIds(await listSectionStamps(page, pageSize, withParents), (node) => node.module),
  fetchByIds: async (ids, pageSize) =>
    (await strapiClient().request(SectionsByIdDocument, { ids, pageSize })).sections,
  fetchPage: async (page, pageSize) =>
    required((await strapiClient().request(SectionsPageDocument, { page, pageSize })).sections_connection, 'sections'),
  parent: {
    listStamps: listModuleStamps,
    of: (section) => section.module?.documentId ?? null,
  },
};

export const pageSource: StrapiCollectionSource<PageNode> = {
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
  fetchByIds: async (ids, pageSize) =>
    (await strapiClient().request(PagesByIdDocument, { ids, pageSize })).pages,
  fetchPage: async (page, pageSize) =>
    required((await strapiClient().request(PagesPageDocument, { page, pageSize })).pages_connection, 'pages'),
  clean: (node) => {
    const { page, warnings } = withoutUnsafeUrls(node);
    return { node: page, warnings };
  },
  parent: {
    listStamps: (page, pageSize) => listSectionStamps(page, pageSize, false),
    of: (page) => page.section?.documentId ?? null,
  },
};
