import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import send from 'send';
import { findReleaseFile } from './find-release-file.js';
import { parseRequestPath } from './parse-request-path.js';
import { findRedirect, redirectMapCache, type RedirectLookup } from './redirects.js';
import { resolveLiveRelease } from './resolve-live-release.js';
import { cacheControlFor, REVALIDATE, SECURITY_HEADERS } from './security-headers.js';

/** Headers that describe a file; dropped when an error answer replaces the file. */
const ENTITY_HEADERS = ['Content-Type', 'Content-Length', 'Content-Range', 'ETag', 'Last-Modified', 'Accept-Ranges'];

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  for (const name of ENTITY_HEADERS) response.removeHeader(name);
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(text);
}

/** The HTTP status `send` attached to an error (404 for a vanished file, 416, 412), else 500. */
function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    return error.status;
  }
  return 500;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

type LogError = (message: string) => void;

export interface StaticServerOptions {
  /** Where unexpected failures are reported (default: stderr). Bad requests are not failures. */
  logError?: LogError;
}

/** The release's own 404 page with status 404, or a plain one when it has none. */
async function notFound(dir: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const page = path.join(dir, '404.html');
  let body: Buffer;
  try {
    // lstat first: a planted link (or a folder, or a FIFO) named 404.html is never read.
    if (!(await lstat(page)).isFile()) throw new Error('404.html is not a regular file');
    body = await readFile(page);
  } catch {
    sendText(response, 404, 'Not found');
    return;
  }
  for (const name of ENTITY_HEADERS) response.removeHeader(name);
  response.writeHead(404, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': REVALIDATE,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Answers what `send` could not: its 416, 412, a file gone since it was found, or a read error. */
async function answerSendError(
  logError: LogError,
  dir: string,
  error: unknown,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const status = statusOf(error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (status === 416) {
    const range = response.getHeader('Content-Range');
    sendText(response, 416, 'Range not satisfiable\n', typeof range === 'string' ? { 'Content-Range': range } : {});
  } else if (status === 412) {
    sendText(response, 412, 'Precondition failed\n');
  } else if (status === 404) {
    await notFound(dir, request, response);
  } else {
    logError(`[site] Could not send ${request.url ?? '/'}: ${describe(error)}`);
    sendText(response, 500, 'Internal server error\n');
  }
}

/** Streams one file that findReleaseFile accepted: ranges, ETag and 304 are `send`'s. */
function sendFile(
  logError: LogError,
  dir: string,
  file: string[],
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const stream = send(request, `/${file.map(encodeURIComponent).join('/')}`, {
    root: dir,
    // Already decided by parseRequestPath and findReleaseFile.
    dotfiles: 'allow',
    index: false,
    extensions: false,
    cacheControl: false,
    etag: true,
    lastModified: true,
  });
  stream.on('error', (error: unknown) => {
    answerSendError(logError, dir, error, request, response).catch((failure: unknown) => {
      fail(logError, request, response, failure);
    });
  });
  // Only if the file became a folder since it was found; send would redirect, the site has no such page.
  stream.on('directory', () => {
    notFound(dir, request, response).catch((failure: unknown) => {
      fail(logError, request, response, failure);
    });
  });
  stream.pipe(response);
}

/**
 * A permanent redirect from a page's old address to its current URL (a path of this site). The
 * answer is revalidated like HTML, since an editor may change the page's slug again.
 */
function sendRedirect(response: ServerResponse, location: string): void {
  sendText(response, 301, `Moved permanently to ${location}\n`, { Location: location, 'Cache-Control': REVALIDATE });
}

type RedirectsOf = (dir: string) => Promise<RedirectLookup>;

/** Answers one request from the release `root()` points at now. */
async function handle(
  root: () => string,
  logError: LogError,
  redirectsOf: RedirectsOf,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const target = parseRequestPath(request.url ?? '/');
  if (target.kind === 'too-long') {
    sendText(response, 414, 'URI too long\n');
    return;
  }
  if (target.kind === 'bad-request') {
    sendText(response, 400, `Bad request: ${target.reason}.\n`);
    return;
  }
  const live = await resolveLiveRelease(root());
  if (live.kind !== 'folder') {
    if (live.kind === 'outside') {
      logError(`[site] ${root()} points at ${live.target}, not at a release beside it; serving nothing.`);
    }
    // Nothing is live yet (first build still running, or it failed: see the rebuild status).
    sendText(response, 503, 'The site is being built. Try again in a moment.\n', { 'Retry-After': '5' });
    return;
  }
  // Before files: an old address may also have a static redirect page (for other hosts), but this
  // server answers it with a real 301. The build leaves out old paths that are real pages.
  const location = target.kind === 'path' ? findRedirect(await redirectsOf(live.dir), target.segments) : null;
  if (location !== null) {
    sendRedirect(response, location);
    return;
  }
  const file = target.kind === 'path' ? await findReleaseFile(live.dir, target.segments) : null;
  if (target.kind !== 'path' || file === null) {
    await notFound(live.dir, request, response);
    return;
  }
  // Set before send answers, so a 304 carries it too.
  response.setHeader('Cache-Control', cacheControlFor(`/${target.segments.join('/')}`));
  sendFile(logError, live.dir, file, request, response);
}

/** The last resort for a request that threw: a 500 if nothing was sent yet, else a cut connection. */
function fail(logError: LogError, request: IncomingMessage, response: ServerResponse, error: unknown): void {
  logError(`[site] ${request.method ?? '?'} ${request.url ?? '/'} failed: ${describe(error)}`);
  try {
    if (response.headersSent) response.destroy();
    else sendText(response, 500, 'Internal server error\n');
  } catch {
    response.destroy();
  }
}

/**
 * Serves a built site. `root` may be a symlink (the `live` link of RELEASES_DIR): it is resolved on
 * every request, so an atomic swap of the link switches releases between two requests, never within
 * one. No other symlink is followed: a link inside a release is not found. A page's old address in
 * the live release's redirect map gets a 301 to the page's current URL. Unknown paths get the
 * release's own 404 page with status 404; nothing live gets 503 with Retry-After.
 *
 * Every request gets exactly one answer and nothing reaches the server as an exception: a failure
 * before the headers went out becomes a 500, one after them closes the connection (the client
 * sees a cut-off body, never a second response).
 */
export function createStaticServer(root: () => string, options: StaticServerOptions = {}): Server {
  const logError =
    options.logError ??
    ((message: string) => {
      console.error(message);
    });
  const redirectsOf = redirectMapCache(logError);
  return createServer((request, response) => {
    handle(root, logError, redirectsOf, request, response).catch((error: unknown) => {
      fail(logError, request, response, error);
    });
  });
}
