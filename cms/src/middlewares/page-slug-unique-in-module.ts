import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS, RESERVED_PAGE_SLUGS } from '../utils/shared';

const PAGE = CONTENT_TYPE_UIDS.page;

/** The shapes in which the admin, REST and GraphQL name a page's section. */
const documentRef = z.union([z.string(), z.object({ documentId: z.string() })]);
const relationInput = z.union([
  documentRef,
  z.object({ connect: z.union([documentRef, z.array(documentRef)]) }),
  z.object({ set: z.union([documentRef, z.array(documentRef)]) }),
]);
const paramsSchema = z.object({
  documentId: z.string().optional(),
  data: z
    .object({ slug: z.string().optional(), section: relationInput.nullable().optional() })
    .passthrough()
    .optional(),
});

function sectionIdOf(input: z.infer<typeof relationInput>): string | undefined {
  const first = (ref: z.infer<typeof documentRef> | z.infer<typeof documentRef>[]): string | undefined => {
    const one = Array.isArray(ref) ? ref.at(0) : ref;
    if (one === undefined) return undefined;
    return typeof one === 'string' ? one : one.documentId;
  };
  if (typeof input === 'string' || 'documentId' in input) return first(input);
  return first('connect' in input ? input.connect : input.set);
}

/**
 * Page slugs form URLs of the form /modules/{module}/{page}/, so a slug must be unique within its
 * module, yet two modules may both have an "overview". Strapi's `unique` is global, so this
 * document-service middleware checks the narrower rule on every create and update, whichever API
 * (admin, REST, GraphQL) the write comes from. It also refuses the slugs the site keeps for itself.
 */
export function pageSlugUniqueInModule(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== PAGE || (context.action !== 'create' && context.action !== 'update')) return next();
    const parsed = paramsSchema.safeParse(context.params);
    const slug = parsed.success ? parsed.data.data?.slug : undefined;
    if (!parsed.success || !slug) return next();
    // The site has pages of its own in every module folder (the print page at /modules/{module}/print/):
    // a page with that slug would be written over by them, whichever module it is in.
    if (RESERVED_PAGE_SLUGS.includes(slug)) {
      throw new errors.ValidationError(
        `The page slug "${slug}" is reserved: the site uses /modules/{module}/${slug}/ for its own page. Choose another slug.`,
      );
    }
    const { documentId, data } = parsed.data;

    let sectionId = data?.section ? sectionIdOf(data.section) : undefined;
    if (!sectionId && documentId) {
      const current = await strapi
        .documents(PAGE)
        .findOne({ documentId, populate: { section: { fields: ['documentId'] } } });
      sectionId = z.object({ section: z.object({ documentId: z.string() }).nullish() }).safeParse(current).data
        ?.section?.documentId;
    }
    if (!sectionId) return next();

    const section = await strapi
      .documents(CONTENT_TYPE_UIDS.section)
      .findOne({ documentId: sectionId, populate: { module: { fields: ['documentId'] } } });
    const moduleId = z.object({ module: z.object({ documentId: z.string() }).nullish() }).safeParse(section).data
      ?.module?.documentId;
    if (!moduleId) return next();

    const clash = await strapi.documents(PAGE).findFirst({
      filters: {
        slug,
        section: { module: { documentId: moduleId } },
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
      fields: ['title', 'number'],
    });
    if (clash) {
      throw new errors.ValidationError(
        `Another page of this module already uses the slug "${slug}". Page slugs must be unique within a module: choose another slug.`,
      );
    }
    return next();
  };
}
