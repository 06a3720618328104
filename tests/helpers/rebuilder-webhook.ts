import { request as httpRequest } from 'node:http';
import { REBUILD_SECRET_HEADER, type RebuildStatus } from '@lm/shared';
import { fetchRebuildStatus } from './fetch-rebuild-status.js';
import { pollUntil } from './poll.js';

/** The webhook secret the rebuild service tests configure and send. */
export const SECRET = 'integration-test-webhook-secret';

/** A Strapi publish delivery for `uid`. */
export const publish = (uid = 'api::page.page') =>
  JSON.stringify({ event: 'entry.publish', createdAt: new Date().toISOString(), model: 'page', uid, entry: { id: 1 } });

/** POSTs a delivery with the secret (headers may override it); `publish()` unless told. */
export function deliver(
  apiUrl: string,
  body: string = publish(),
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${apiUrl}/hooks/strapi`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [REBUILD_SECRET_HEADER]: SECRET, ...headers },
    body,
  });
}

/** POSTs `size` bytes with node:http (chunked, or with a declared length) and returns the status. */
export function postLarge(apiUrl: string, size: number, declareLength: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', [REBUILD_SECRET_HEADER]: SECRET };
    if (declareLength) headers['content-length'] = String(size);
    const request = httpRequest(`${apiUrl}/hooks/strapi`, { method: 'POST', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // The server answers and closes before the body is sent in full; writing on may then fail.
    request.on('error', (error) => {
      reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let remaining = size;
    const writeMore = (): void => {
      while (remaining > 0) {
        const part = chunk.subarray(0, Math.min(chunk.length, remaining));
        remaining -= part.length;
        if (!request.write(part)) {
          request.once('drain', writeMore);
          return;
        }
      }
      request.end();
    };
    writeMore();
  });
}

/** Waits until nothing runs or waits and `check` holds for the status. */
export function settledStatus(
  apiUrl: string,
  check: (status: RebuildStatus) => boolean = () => true,
): Promise<RebuildStatus> {
  return pollUntil(
    'the rebuild service to settle',
    async () => {
      const status = await fetchRebuildStatus(apiUrl);
      return !status.running && !status.queued && check(status) ? status : undefined;
    },
    10_000,
    20,
  );
}
