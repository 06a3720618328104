import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

/** What this middleware reads of the Koa context of the request being served. */
const requestSchema = z.object({
  state: z.object({
    route: z.object({ info: z.object({ type: z.string().optional() }).optional() }).nullish(),
    auth: z
      .object({
        strategy: z.object({ name: z.string() }),
        credentials: z.object({ name: z.string() }).passthrough().nullish(),
      })
      .nullish(),
  }),
});
const readParamsSchema = z
  .object({
    status: z.string().optional(),
    publicationFilter: z.unknown().optional(),
    hasPublishedVersion: z.unknown().optional(),
  })
  .passthrough();

/** Strapi's name for the strategy that authenticates Content API tokens. */
const API_TOKEN_STRATEGY = 'content-api-token';

/**
 * Whether the current request is a Content API request (REST or GraphQL) that may not read drafts:
 * anything but an API token named in `draftReaders`. Admin requests and Strapi's own calls (no
 * request, such as the bootstrap) are never limited.
 */
function isLimitedToPublished(strapi: Core.Strapi, draftReaders: ReadonlySet<string>): boolean {
  const request = requestSchema.safeParse(strapi.requestContext.get());
  if (!request.success) return false;
  const { route, auth } = request.data.state;
  if (route?.info?.type !== 'content-api') return false;
  const tokenName = auth?.strategy.name === API_TOKEN_STRATEGY ? auth.credentials?.name : undefined;
  return tokenName === undefined || !draftReaders.has(tokenName);
}

/**
 * Strapi lets every role or token allowed to `find` a type read its drafts too, by asking for
 * `status=draft` (strapi/strapi#25326). Only the preview token (and the importer's, which must
 * see what it saved as a draft) may; everyone else reading our types over the Content API is
 * refused drafts with a 403 that says which token may read them, and gets published content when
 * it names no status.
 *
 * Refusing rather than quietly answering with published content matters for GraphQL: Strapi
 * resolves a query's nested relations straight from the database with the status of the root
 * query, so a root `pages(status: DRAFT)` answered with published pages would still list draft
 * sections and pages beneath them. Refused at the root, nothing beneath it is resolved.
 */
export function draftsForPreviewOnly(
  strapi: Core.Strapi,
  contentTypes: readonly string[],
  draftReaders: ReadonlySet<string>,
): Modules.Documents.Middleware.Middleware {
  const limited = new Set(contentTypes);
  return async (context, next) => {
    if (!limited.has(context.uid) || !READ_ACTIONS.has(context.action)) return next();
    if (!isLimitedToPublished(strapi, draftReaders)) return next();
    const params = readParamsSchema.parse(context.params);
    // Both filters tell which published documents have unpublished changes, which is draft business.
    if (
      (params.status !== undefined && params.status !== 'published') ||
      params.publicationFilter !== undefined ||
      params.hasPublishedVersion !== undefined
    ) {
      // A PolicyError is the ForbiddenError whose message Strapi's REST layer passes on (403);
      // any other is reduced to a bare "Forbidden".
      throw new errors.PolicyError(
        '[cms] This API token reads published content only: drop status=draft (and publicationFilter, ' +
          'hasPublishedVersion). Drafts are read with the preview token, STRAPI_PREVIEW_TOKEN.',
      );
    }
    // Strapi's document service reads drafts when no status is given; these callers get published.
    Object.assign(context.params, { status: 'published' });
    return next();
  };
}
