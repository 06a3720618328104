import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';

/** One entry as a content loader stores it, before validation (see fetchEveryEntry). */
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
 * measured without the fetch (see snapshot-loader.ts): same entries, same schemas, same pages.
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

let cached: { file: string; version: string; snapshot: Promise<ContentSnapshot> } | undefined;

/**
 * Reads and validates a snapshot file. The three collections load in one build, so the parsed file
 * is kept while the file is unchanged (same path, size and modification time).
 */
export async function readContentSnapshot(file: string): Promise<ContentSnapshot> {
  let version: string;
  try {
    const info = await stat(file);
    version = `${String(info.size)} ${String(info.mtimeMs)}`;
  } catch (error) {
    throw new Error(`[site] SITE_CONTENT_SNAPSHOT names ${file}, which cannot be read. Write one first, or unset it.`, {
      cause: error,
    });
  }
  if (cached?.file === file && cached.version === version) return cached.snapshot;
  const snapshot = readFile(file, 'utf8').then((text) => {
    const parsed = contentSnapshotSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`[site] ${file} is not a content snapshot.`, { cause: parsed.error });
    return parsed.data;
  });
  cached = { file, version, snapshot };
  return snapshot;
}
