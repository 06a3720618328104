import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';

/**
 * Answers a conditional request for an upload that has not changed with 304 Not Modified. Strapi
 * serves `/uploads/` with a Last-Modified header but sends the whole file whatever the request
 * asks. The site's build keeps each optimised image in Astro's cache and asks Strapi, with
 * If-Modified-Since, whether the original changed: without this answer every build would fetch
 * and encode every image again. A replaced file (same URL, new Last-Modified) is still fetched.
 */
const unchangedUploads: Core.MiddlewareFactory = () => async (ctx, next) => {
  await next();
  if (!ctx.path.startsWith('/uploads/') || ctx.status !== 200 || !ctx.fresh) return;
  const body: unknown = ctx.body;
  // The file stream koa-static opened would otherwise stay open.
  if (body instanceof Readable) body.destroy();
  ctx.status = 304;
  ctx.body = null;
};

export default unchangedUploads;
