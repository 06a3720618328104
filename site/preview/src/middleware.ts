import { defineMiddleware } from 'astro:middleware';
import { parseEnv, previewEnvSchema } from '@lm/shared';
import { withPreviewChrome } from './lib/preview-chrome';

/**
 * Every HTML page of the preview gets its preview chrome (banner, reload on save, noindex): the
 * public pages rendered here do not know they are a preview. Redirects and other answers pass.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const adminOrigin = new URL(parseEnv(previewEnvSchema, process.env, '[preview]').STRAPI_URL).origin;
  const html = withPreviewChrome(await response.text(), adminOrigin);
  if (html === undefined) throw new Error('[preview] A preview page has no <head> or <body>; the banner has no place.');
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
