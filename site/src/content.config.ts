import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { moduleEntrySchema, pageEntrySchema, sectionEntrySchema } from '@lm/shared';
import { incrementalStrapiLoader } from './loaders/incremental-strapi-loader';
import { snapshotLoader } from './loaders/snapshot-loader';
import { moduleSource, pageSource, sectionSource } from './loaders/strapi-sources';
import type { StrapiCollectionSource } from './loaders/strapi-collection-source';
import type { EntrySchema } from './loaders/validate-entry';
import { readContentSourceEnv } from './lib/read-env';

/**
 * Content comes from Strapi (see loaders/strapi-sources.ts), refetched only where it changed since
 * the last build. Only when SITE_CONTENT_SNAPSHOT is set does it come from a snapshot file instead:
 * `npm run bench:build` sets it to measure the build without its fetch. Nothing else sets it, and
 * the variable is unset in every public build, so no release is built from a stale file by accident.
 */
const { SITE_CONTENT_SNAPSHOT: snapshot } = readContentSourceEnv();

/**
 * The loaders validate each entry with the collection's schema themselves (see validate-entry.ts);
 * the schema is given to Astro too, which types the entries from it.
 */
function loaderFor<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  schema: EntrySchema,
): Loader {
  return snapshot === undefined
    ? incrementalStrapiLoader(source, schema)
    : snapshotLoader(source.name, schema, snapshot);
}

const modules = defineCollection({ loader: loaderFor(moduleSource, moduleEntrySchema), schema: moduleEntrySchema });
const sections = defineCollection({
  loader: loaderFor(sectionSource, sectionEntrySchema),
  schema: sectionEntrySchema,
});
const pages = defineCollection({ loader: loaderFor(pageSource, pageEntrySchema), schema: pageEntrySchema });

export const collections = { modules, sections, pages };
