import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import sirv, { type RequestHandler } from 'sirv';

/**
 * What every response carries. The site ships no JavaScript and only external stylesheets
 * (`build.inlineStylesheets: 'never'`), so a strict policy holds; images may come from the CMS or
 * any HTTPS host.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
    "base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Astro's `/_astro/` files carry a content hash in their names, so they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (HTML above all) is revalidated, so a new release shows at once. */
const REVALIDATE = 'no-cache';

/** The Cache-Control a path gets. */
export function cacheControlFor(pathname: string): string {
  return pathname.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE;
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(text);
}

/**
 * Serves a built site. `root` may be a symlink (the rebuild service's `live`): it is resolved on
 * every request, so an atomic swap of the link switches releases between two requests, never within
 * one. Unknown paths get the release's own 404 page with status 404.
 */
export function createStaticServer(root: () => string): Server {
  // sirv lists a folder once when created, so keep one handler per release folder, not per request.
  const handlers = new Map<string, RequestHandler>();

  function handlerFor(dir: string): RequestHandler {
    let handler = handlers.get(dir);
    if (!handler) {
      // A swap made the other folders old; drop their handlers (and file lists) so memory stays flat.
      handlers.clear();
      handler = sirv(dir, { etag: true, dotfiles: false });
      handlers.set(dir, handler);
    }
    return handler;
  }

  function notFound(dir: string, request: IncomingMessage, response: ServerResponse): void {
    void readFile(path.join(dir, '404.html'))
      .then((body) => {
        response.writeHead(404, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': String(body.length),
          'Cache-Control': REVALIDATE,
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      })
      .catch(() => {
        sendText(response, 404, 'Not found');
      });
  }

  return createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    void realpath(root())
      .then((dir) => {
        // Set before sirv answers, so a 304 carries it too.
        response.setHeader('Cache-Control', cacheControlFor(pathname));
        handlerFor(dir)(request, response, () => {
          notFound(dir, request, response);
        });
      })
      .catch(() => {
        // Nothing is live yet (first build still running, or it failed: see the rebuild status).
        sendText(response, 503, 'The site is being built. Try again in a moment.\n', { 'Retry-After': '5' });
      });
  });
}
