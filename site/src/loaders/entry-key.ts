import { z } from 'zod';

/** What changes whenever a published document changes: Strapi sets both dates on every publish. */
export interface Stamp {
  documentId: string;
  updatedAt?: string | null;
  publishedAt?: string | null;
}

/**
 * The cache key of an entry: its dates and the parent it names. Astro ignores `store.set` when the
 * key is unchanged, so an entry moved to another parent (same dates) must change its key.
 */
export const entryKey = (stamp: Stamp, parentId: string | null): string =>
  JSON.stringify([stamp.updatedAt ?? null, stamp.publishedAt ?? null, parentId]);

const keySchema = z.tuple([z.string().nullable(), z.string().nullable(), z.string().nullable()]);

/** The parent named in a cached entry's key; undefined when there is no (readable) key. */
export function parentInKey(key: string | undefined): string | null | undefined {
  if (key === undefined) return undefined;
  try {
    const parsed = keySchema.safeParse(JSON.parse(key));
    return parsed.success ? parsed.data[2] : undefined;
  } catch {
    return undefined;
  }
}
