import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS } from '../utils/shared';

const idRow = z.object({ documentId: z.string() });
const descendantsRow = z
  .object({
    sections: z.array(idRow.extend({ pages: z.array(idRow).nullish() })).nullish(),
    pages: z.array(idRow).nullish(),
  })
  .nullish();

/**
 * The documentIds of what hangs on one version (draft or published) of a module (its sections and
 * their pages) or of a section (its pages). Drafts hang on drafts and published versions on
 * published ones, so the draft's are where editors put them and the published one's are what the
 * site shows under it.
 *
 * Read by populating from the parent, which Strapi does through the relation tables' indexes: a
 * filter on the children (`section: { module: ... }`) joins from every page of the site instead,
 * and its cost would grow with the site rather than with the module.
 */
export async function descendantsOf(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  status: 'draft' | 'published',
): Promise<{ sections: string[]; pages: string[] }> {
  const row = descendantsRow.parse(
    await strapi.db.query(uid).findOne({
      where: { documentId, publishedAt: status === 'draft' ? null : { $notNull: true } },
      select: ['id'],
      populate:
        uid === CONTENT_TYPE_UIDS.module
          ? { sections: { select: ['documentId'], populate: { pages: { select: ['documentId'] } } } }
          : { pages: { select: ['documentId'] } },
    }),
  );
  const sections = row?.sections ?? [];
  return {
    sections: sections.map((section) => section.documentId),
    pages: [...(row?.pages ?? []), ...sections.flatMap((section) => section.pages ?? [])].map(
      (page) => page.documentId,
    ),
  };
}
