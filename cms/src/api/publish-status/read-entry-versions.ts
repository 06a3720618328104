import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import type { ContentTypeUid } from '@lm/shared';
import { CONTENT_TYPE_UIDS, moduleUrl, pageUrl } from '../../utils/shared';
import type { EntryVersions } from './entry-site-state';

/** The database may hand dates back as Date objects or as text, depending on the client. */
const isoDate = z.coerce.date().transform((date) => date.toISOString());
const slugged = z.object({ slug: z.string() });
const publishedSchema = z.object({
  publishedAt: isoDate,
  updatedAt: isoDate,
  slug: z.string().optional(),
  // Populated from a published version, relations hold published entries only: null means the
  // parent is a draft, and the site cannot show this entry.
  module: slugged.nullish(),
  section: z.object({ module: slugged.nullish() }).nullish(),
});
type Published = z.infer<typeof publishedSchema>;
const draftSchema = z.object({ updatedAt: isoDate });

/** The public path of a published entry, null when a parent it needs is not published. */
function publicPath(uid: ContentTypeUid, published: Published): string | null {
  if (uid === CONTENT_TYPE_UIDS.module) return published.slug ? moduleUrl(published.slug) : null;
  // A section has no page of its own: the module's home lists it with its outcomes and pages.
  if (uid === CONTENT_TYPE_UIDS.section) return published.module ? moduleUrl(published.module.slug) : null;
  const moduleSlug = published.section?.module?.slug;
  return moduleSlug && published.slug ? pageUrl(moduleSlug, published.slug) : null;
}

const POPULATE = {
  [CONTENT_TYPE_UIDS.module]: {},
  [CONTENT_TYPE_UIDS.section]: { module: { fields: ['slug'] } },
  [CONTENT_TYPE_UIDS.page]: { section: { fields: ['title'], populate: { module: { fields: ['slug'] } } } },
};

/** One entry's versions and the draft's save time; null when no version of it exists. */
export interface EntryRecord {
  versions: EntryVersions;
  draftUpdatedAt: string | null;
  publishedUpdatedAt: string | null;
}

/**
 * Reads an entry's draft and published versions through the document service (as the admin
 * does, so no token and no draft rule of the Content API applies) and the public URL of the
 * published one on `siteUrl`.
 */
export async function readEntryVersions(
  strapi: Core.Strapi,
  uid: ContentTypeUid,
  documentId: string,
  siteUrl: string | null,
): Promise<EntryRecord | null> {
  const documents = strapi.documents(uid);
  const [draftRaw, publishedRaw]: unknown[] = await Promise.all([
    documents.findOne({ documentId, status: 'draft', fields: ['updatedAt'] }),
    documents.findOne({ documentId, status: 'published', populate: POPULATE[uid] }),
  ]);
  const draft = draftSchema.nullish().parse(draftRaw);
  const published = publishedSchema.nullish().parse(publishedRaw);
  if (!draft && !published) return null;
  const path = published ? publicPath(uid, published) : null;
  return {
    versions: {
      uid,
      documentId,
      published: published
        ? { publishedAt: published.publishedAt, url: path && siteUrl ? new URL(path, siteUrl).toString() : path }
        : null,
    },
    draftUpdatedAt: draft?.updatedAt ?? null,
    publishedUpdatedAt: published?.updatedAt ?? null,
  };
}
