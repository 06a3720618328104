import { REBUILD_SECRET_HEADER } from '@lm/shared';
import type { RebuildService } from '../rebuild-service.js';
import type { RouteHandler } from './route.js';
import { secretMatches } from './secret-matches.js';
import { sendJson } from './send-json.js';

/** POST /rollback: 401 without the secret, 409 when no older release is kept, else 200 with it. */
export function rollbackRoute(service: Pick<RebuildService, 'rollback'>, secret: string): RouteHandler {
  return async (request, response) => {
    if (!secretMatches(request.headers[REBUILD_SECRET_HEADER], secret)) {
      sendJson(response, 401, { error: `missing or wrong ${REBUILD_SECRET_HEADER} header` });
      return;
    }
    const meta = await service.rollback();
    if (!meta) {
      sendJson(response, 409, { error: 'there is no older release to roll back to' });
      return;
    }
    sendJson(response, 200, { live: { id: meta.id, builtAt: meta.builtAt, pageCount: meta.pageCount } });
  };
}
