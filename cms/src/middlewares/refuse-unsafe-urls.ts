import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';
import { findUnsafeUrls, SAFE_URL_RULE, type UnsafeUrl } from '../utils/shared';

/** Actions that bring content in: their `data` is checked. */
const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);
const paramsSchema = z.object({ documentId: z.string().optional(), data: z.unknown().optional() }).passthrough();
const modelSchema = z.object({
  attributes: z.record(
    z.object({ type: z.string(), component: z.string().optional(), components: z.array(z.string()).optional() }),
  ),
});

type Populate = Record<string, true | { populate: Populate } | { on: Record<string, { populate: Populate }> }>;

/**
 * A populate that reaches every component and dynamic-zone block of a model, however nested, so a
 * draft is checked whole before it is published. Relations and media are left out: their URLs are
 * not typed by editors.
 */
function deepPopulate(strapi: Core.Strapi, uid: string, depth = 0): Populate {
  if (depth > 5) return {};
  // Content types are named "api::page.page", components "content.rich-text".
  const model: unknown = Reflect.get(uid.includes('::') ? strapi.contentTypes : strapi.components, uid);
  const { attributes } = modelSchema.parse(model);
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'component' && attribute.component) {
      populate[name] = { populate: deepPopulate(strapi, attribute.component, depth + 1) };
    } else if (attribute.type === 'dynamiczone' && attribute.components) {
      populate[name] = {
        on: Object.fromEntries(
          attribute.components.map((component) => [
            component,
            { populate: deepPopulate(strapi, component, depth + 1) },
          ]),
        ),
      };
    }
  }
  return populate;
}

function describeUnsafe(unsafe: UnsafeUrl[]): string {
  const listed = unsafe.map(({ path, url }) => `${path} ("${url}")`).join(', ');
  return `[cms] Unsafe URL${unsafe.length > 1 ? 's' : ''} at ${listed}: ${SAFE_URL_RULE}. Fix the link or image and save again.`;
}

/**
 * Refuses content with an unsafe URL (javascript:, data:, a scheme hidden behind control characters
 * or entities...) in any Blocks link or image, image format or resource item of our types, whichever
 * API (admin, REST, GraphQL) the write comes from, so nothing unsafe is stored and the site build
 * never meets one. Publishing checks the draft too, since drafts saved before this rule existed may
 * hold one. The error is Strapi's ValidationError (HTTP 400) with each field's path.
 */
export function refuseUnsafeUrls(
  strapi: Core.Strapi,
  contentTypes: readonly string[],
): Modules.Documents.Middleware.Middleware {
  const checked = new Set(contentTypes);
  return async (context, next) => {
    if (!checked.has(context.uid)) return next();
    const params = paramsSchema.parse(context.params);
    let content: unknown;
    if (WRITE_ACTIONS.has(context.action)) {
      content = params.data;
    } else if (context.action === 'publish' && params.documentId) {
      content = await strapi.documents(context.uid).findOne({
        documentId: params.documentId,
        status: 'draft',
        populate: deepPopulate(strapi, context.uid),
      });
    } else {
      return next();
    }
    const unsafe = findUnsafeUrls(content);
    if (unsafe.length > 0) {
      throw new errors.ValidationError(describeUnsafe(unsafe), {
        errors: unsafe.map(({ path, url }) => ({
          path: path.split('.'),
          message: `"${url}" is not an allowed URL: ${SAFE_URL_RULE}`,
          name: 'ValidationError',
        })),
      });
    }
    return next();
  };
}
