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
import { incrementalStrapiLoader } from './loaders/incremental-strapi-loader';
import { strapiClient } from './lib/strapi-client';

/** A connection Strapi returned as null, which only happens when the schema is not ours. */
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`[site] Strapi returned no ${what}.`);
  return value;
}

/**
 * All content comes from Strapi, published only (the GraphQL default), read with the read-only
 * token, 100 entries per request, and refetched only where it changed since the last build.
 */
const modules = defineCollection({
  loader: incrementalStrapiLoader({
    name: 'modules',
    query: ModulesByIdDocument,
    listStamps: async (page, pageSize) =>
      required((await strapiClient().request(ModuleStampsDocument, { page, pageSize })).modules_connection, 'modules'),
    fetchByIds: async (ids, pageSize) => (await strapiClient().request(ModulesByIdDocument, { ids, pageSize })).modules,
  }),
  schema: moduleEntrySchema,
});

const sections = defineCollection({
  loader: incrementalStrapiLoader({
    name: 'sections',
    query: SectionsByIdDocument,
    listStamps: async (page, pageSize) =>
      required(
        (await strapiClient().request(SectionStampsDocument, { page, pageSize })).sections_connection,
        'sections',
      ),
    fetchByIds: async (ids, pageSize) =>
      (await strapiClient().request(SectionsByIdDocument, { ids, pageSize })).sections,
  }),
  schema: sectionEntrySchema,
});

const pages = defineCollection({
  loader: incrementalStrapiLoader({
    name: 'pages',
    query: PagesByIdDocument,
    listStamps: async (page, pageSize) =>
      required((await strapiClient().request(PageStampsDocument, { page, pageSize })).pages_connection, 'pages'),
    fetchByIds: async (ids, pageSize) => (await strapiClient().request(PagesByIdDocument, { ids, pageSize })).pages,
  }),
  schema: pageEntrySchema,
});

export const collections = { modules, sections, pages };
