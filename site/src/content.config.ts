import { defineCollection } from 'astro:content';
import { moduleEntrySchema, pageEntrySchema, sectionEntrySchema } from '@lm/shared';
import { ModulesDocument, PagesDocument, SectionsDocument } from '@lm/shared/graphql';
import { pagedStrapiLoader } from './loaders/paged-strapi-loader';
import { strapiClient } from './lib/strapi-client';

/**
 * All content comes from Strapi, published only (the GraphQL default), read with the read-only
 * token. Each collection is loaded in pages of 100, so requests grow with N/100.
 */
const modules = defineCollection({
  loader: pagedStrapiLoader('modules', async (page, pageSize) => {
    const result = await strapiClient().request(ModulesDocument, { page, pageSize });
    if (!result.modules_connection) throw new Error('[site] Strapi returned no modules_connection.');
    return result.modules_connection;
  }),
  schema: moduleEntrySchema,
});

const sections = defineCollection({
  loader: pagedStrapiLoader('sections', async (page, pageSize) => {
    const result = await strapiClient().request(SectionsDocument, { page, pageSize });
    if (!result.sections_connection) throw new Error('[site] Strapi returned no sections_connection.');
    return result.sections_connection;
  }),
  schema: sectionEntrySchema,
});

const pages = defineCollection({
  loader: pagedStrapiLoader('pages', async (page, pageSize) => {
    const result = await strapiClient().request(PagesDocument, { page, pageSize });
    if (!result.pages_connection) throw new Error('[site] Strapi returned no pages_connection.');
    return result.pages_connection;
  }),
  schema: pageEntrySchema,
});

export const collections = { modules, sections, pages };
