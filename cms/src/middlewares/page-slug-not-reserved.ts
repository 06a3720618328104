import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Modules } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS, RESERVED_PAGE_SLUGS } from '../utils/shared';

const paramsSchema = z.object({ data: z.object({ slug: z.string().optional() }).passthrough().optional() });

/**
 * The site has pages of its own in every module folder (the print page at /modules/{module}/print/):
 * a page with one of those slugs would be written over by them, whichever module it is in. Refused
 * on every create and update, whichever API the write comes from, with the field's path so the
 * admin marks the slug and keeps the form. (That a slug is unique in its module is a course check:
 * see ./course-checks-on-write.)
 */
export function pageSlugNotReserved(): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== CONTENT_TYPE_UIDS.page || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const slug = paramsSchema.safeParse(context.params).data?.data?.slug;
    if (slug !== undefined && RESERVED_PAGE_SLUGS.includes(slug)) {
      const message = `The page slug "${slug}" is reserved: the site uses /modules/{module}/${slug}/ for its own page. Choose another slug.`;
      throw new errors.ValidationError(message, { errors: [{ path: ['slug'], message, name: 'ValidationError' }] });
    }
    return next();
  };
}
