import { z } from 'zod';

/** One entry as a content loader stores it, before validation (see the site's fetchEveryEntry). */
export const snapshotEntrySchema = z.object({
  /** The document's id, the entry's id in the content store. */
  id: z.string().min(1),
  /** The cache key the Strapi loader gives it (its dates and parent). */
  key: z.string(),
  /** The document as Strapi served it, cleaned; validated by the collection's schema when loaded. */
  data: z.record(z.unknown()),
  /** What cleaning left out, as the build reports it. */
  warnings: z.array(z.string()),
});
export type SnapshotEntry = z.infer<typeof snapshotEntrySchema>;

/**
 * The published content the site's loaders read from Strapi, saved to a file, so a build can be
 * measured without the fetch (the site's snapshot loader): same entries, same schemas, same pages.
 * Written by the site (write-content-snapshot.ts), read by the site and by the benchmarks.
 */
export const contentSnapshotSchema = z.object({
  format: z.literal(1),
  /** The Strapi it was read from, and when: for people reading the file. */
  source: z.string(),
  takenAt: z.string(),
  /** Entries by collection name (modules, sections, pages). */
  collections: z.record(z.array(snapshotEntrySchema)),
});
export type ContentSnapshot = z.infer<typeof contentSnapshotSchema>;
