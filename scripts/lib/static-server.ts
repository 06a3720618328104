import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sirv, { type RequestHandler } from 'sirv';

/**
 * Serves a built site folder. Unknown paths get the site's own 404 page with status 404.
 * `root` is read per request so the folder can be replaced underneath (an atomic swap).
 */
export function createStaticServer(root: () => string): Server {
  // sirv lists the folder once when created, so keep one handler per folder rather than per request.
  const handlers = new Map<string, RequestHandler>();
  return createServer((request, response) => {
    const dir = root();
    let handler = handlers.get(dir);
    if (!handler) {
      handler = sirv(dir, { etag: true, dotfiles: false });
      handlers.set(dir, handler);
    }
    handler(request, response, () => {
      void readFile(path.join(dir, '404.html'))
        .then((body) => {
          response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
          response.end(body);
        })
        .catch(() => {
          response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end('Not found');
        });
    });
  });
}
