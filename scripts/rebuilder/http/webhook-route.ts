import { REBUILD_SECRET_HEADER } from '@lm/shared';
import type { RebuildService } from '../rebuild-service.js';
import { readWebhookPayload } from './read-webhook-payload.js';
import type { RouteHandler } from './route.js';
import { secretMatches } from './secret-matches.js';
import { sendJson } from './send-json.js';

/**
 * POST /hooks/strapi: 401 without the secret, the payload's own refusals (415, 413, 400), else 202
 * with whether a build was queued (and why not). The build is never awaited.
 */
export function webhookRoute(service: Pick<RebuildService, 'receive'>, secret: string): RouteHandler {
  return async (request, response) => {
    if (!secretMatches(request.headers[REBUILD_SECRET_HEADER], secret)) {
      // Closed, so a client streaming a large body stops sending it.
      sendJson(response, 401, { error: `missing or wrong ${REBUILD_SECRET_HEADER} header` }, { Connection: 'close' });
      return;
    }
    const read = await readWebhookPayload(request);
    if (!read.ok) {
      sendJson(response, read.status, read.body, read.headers);
      return;
    }
    const decision = service.receive(read.payload);
    sendJson(response, 202, decision.rebuild ? { queued: true } : { queued: false, reason: decision.reason });
  };
}
