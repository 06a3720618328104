import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import send from 'send';
import {
  PREVIEW_ENTRY_PATH,
  previewPathOf,
  previewSessionCookie,
  readPreviewCookie,
  signPreviewSession,
  verifyPreviewLink,
  verifyPreviewSession,
} from '@lm/shared';
import { previewHeaders } from './preview-headers.js';
import { unauthorizedPage, type RefusalReason } from './unauthorized-page.js';

/** The request handler Astro's Node adapter builds in middleware mode (site/preview/dist/server/entry.mjs). */
export type AstroHandler = (request: IncomingMessage, response: ServerResponse, next: () => void) => Promise<void>;

export interface PreviewServerOptions {
  /** PREVIEW_SECRET: checks links from the admin and signs sessions. */
  secret: string;
  /** The admin's origin (STRAPI_URL): the only one allowed to frame the preview. */
  adminOrigin: string;
  /** Whether the preview is reached over HTTPS, so its cookie is marked Secure. */
  secure: boolean;
  /** The built preview: its routes, and the folder of its client files. */
  astro: AstroHandler;
  clientDir: string;
  /** The public site's own static files (site/public: the favicon), which the public pages link to. */
  sitePublicDir: string;
  /** Where unexpected failures are reported. */
  logError: (message: string) => void;
  now?: () => number;
}

/** Folders of the client build (Astro's bundles, the banner's files): names with a hash or fixed. */
const ASSET_PREFIXES = ['/_astro/', '/_preview/'];
/** Files of the public site's public folder that its pages link to. */
const SITE_PUBLIC_FILES = ['/favicon.svg'];

function answerHtml(
  response: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  response.end(html);
}

function refuse(response: ServerResponse, reason: RefusalReason): void {
  answerHtml(response, 401, unauthorizedPage(reason));
}

/**
 * The entry route: a link the admin signed becomes a session cookie and a redirect to the preview
 * of what it names. The target is computed from the signed type and id alone: nothing in the
 * request chooses where the redirect goes, so it always stays on this server.
 */
function enter(options: PreviewServerOptions, url: URL, response: ServerResponse): void {
  const now = options.now?.() ?? Date.now();
  const params = url.searchParams;
  const check = verifyPreviewLink(
    options.secret,
    {
      uid: params.get('uid'),
      documentId: params.get('documentId'),
      expires: params.get('expires'),
      signature: params.get('signature'),
    },
    now,
  );
  if (!check.ok) {
    refuse(response, check.reason);
    return;
  }
  const session = previewSessionCookie(signPreviewSession(options.secret, now), options.secure);
  response.writeHead(303, { Location: previewPathOf(check.target), 'Set-Cookie': session });
  response.end();
}

function notFound(response: ServerResponse): void {
  answerHtml(
    response,
    404,
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">' +
      '<title>Not in the preview</title></head><body><main><h1>Not in the preview</h1>' +
      '<p>The preview shows pages, sections and modules opened from the admin. Other parts of the site ' +
      '(the home page, search) are on the public site.</p></main></body></html>',
  );
}

async function handle(
  options: PreviewServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  for (const [name, value] of Object.entries(previewHeaders(options.adminOrigin))) response.setHeader(name, value);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Only GET and HEAD.\n');
    return;
  }
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://preview.invalid');
  } catch {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Bad request target.\n');
    return;
  }
  if (url.pathname === PREVIEW_ENTRY_PATH) {
    enter(options, url, response);
    return;
  }
  const now = options.now?.() ?? Date.now();
  if (!verifyPreviewSession(options.secret, readPreviewCookie(request.headers.cookie), now)) {
    refuse(response, 'no-session');
    return;
  }
  const fromSitePublic = SITE_PUBLIC_FILES.includes(url.pathname);
  if (fromSitePublic || ASSET_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) {
    const root = fromSitePublic ? options.sitePublicDir : options.clientDir;
    send(request, url.pathname, { root, index: false, dotfiles: 'deny', cacheControl: false })
      .on('error', () => {
        notFound(response);
      })
      .pipe(response);
    return;
  }
  await options.astro(request, response, () => {
    notFound(response);
  });
}

/**
 * The draft preview server: the admin's signed link in, a session cookie, then the built preview
 * (site/preview) behind the cookie, with headers that keep drafts out of caches, search engines and
 * any frame but the admin's. Every failure is an answer, never a crash.
 */
export function createPreviewServer(options: PreviewServerOptions): Server {
  return createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      options.logError(
        `[preview] ${request.method ?? 'GET'} ${request.url ?? ''} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!response.headersSent)
        answerHtml(
          response,
          500,
          '<!doctype html><title>Preview failed</title><p>The preview failed; the preview server’s output says why.</p>',
        );
      else response.end();
    });
  });
}
