import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS, slugify } from '../utils/shared';

/** Sections and pages get their slug from their title; a module's slug is its lasting address and is typed. */
const GENERATED_FOR = new Set<string>([CONTENT_TYPE_UIDS.section, CONTENT_TYPE_UIDS.page]);

const paramsSchema = z.object({
  documentId: z.string().optional(),
  data: z.object({ slug: z.string().nullish(), title: z.unknown() }).passthrough().optional(),
});
const storedSchema = z.object({ title: z.string() }).nullable();

/** The title this write leaves the draft with: the one it sends, or the one already saved. */
async function titleAfterWrite(
  strapi: Core.Strapi,
  uid: string,
  documentId: string | undefined,
  sent: unknown,
): Promise<string | null> {
  if (typeof sent === 'string') return sent;
  if (documentId === undefined) return null;
  const stored = storedSchema.parse(
    await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: null }, select: ['title'] }),
  );
  return stored?.title ?? null;
}

/**
 * Fills an empty slug of a section or page from its title ("Leading a Meeting" becomes
 * "leading-a-meeting") on create and update, whichever API the write comes from, so editors may
 * leave it empty when they save a draft (Strapi checks required fields only on publish, by which
 * time the slug is filled). Done on the server rather than with Strapi's `uid` field: a uid is
 * checked unique across the whole collection on publish, while page slugs need only be unique in
 * their module (a course check, which then judges the generated slug like a typed one). A slug
 * the editor typed is kept as it is.
 */
export function slugFromTitle(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (!GENERATED_FOR.has(context.uid) || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const params = paramsSchema.safeParse(context.params).data;
    const data = params?.data;
    if (data === undefined) return next();
    // An update that does not send the slug keeps the saved one.
    const empty = context.action === 'create' ? !data.slug : data.slug === '' || data.slug === null;
    if (!empty) return next();
    const title = await titleAfterWrite(strapi, context.uid, params?.documentId, data.title);
    // Without a title, Strapi refuses the write for the title itself.
    if (title === null || title.trim() === '') return next();
    const slug = slugify(title);
    if (slug === '') {
      const message = `The title "${title}" has no letters or digits to make a URL slug from: type a slug.`;
      throw new errors.ValidationError(message, { errors: [{ path: ['slug'], message, name: 'ValidationError' }] });
    }
    Object.assign(context.params, { data: { ...data, slug } });
    return next();
  };
}
