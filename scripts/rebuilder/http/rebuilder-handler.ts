import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../describe-error.js';
import type { Logger } from '../logger.js';
import type { RebuildService } from '../rebuild-service.js';
import { rollbackRoute } from './rollback-route.js';
import type { Route } from './route.js';
import { sendJson } from './send-json.js';
import { webhookRoute } from './webhook-route.js';

export interface RebuilderHandlerOptions {
  service: Pick<RebuildService, 'receive' | 'status' | 'rollback'>;
  secret: string;
  logger: Logger;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The rebuild service's HTTP API: POST /hooks/strapi and /rollback (both need the secret), GET
 * /status and /healthz. Each route answers its own failures with their own status (see the route
 * files); this adds 404 for an unknown path, 405 for a wrong method, and 500 for an unexpected
 * error, so nothing is thrown into the server.
 */
export function createRebuilderHandler(options: RebuilderHandlerOptions): Handler {
  const { service, secret, logger } = options;
  const routes: Record<string, Route> = {
    '/hooks/strapi': { method: 'POST', run: webhookRoute(service, secret) },
    '/rollback': { method: 'POST', run: rollbackRoute(service, secret) },
    '/status': {
      method: 'GET',
      run: (_request, response) => {
        sendJson(response, 200, service.status());
      },
    },
    '/healthz': {
      method: 'GET',
      run: (_request, response) => {
        sendJson(response, 200, { ok: true });
      },
    },
  };

  return (request, response) => {
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    if (!route) {
      sendJson(response, 404, { error: `no route ${pathname}` });
      return;
    }
    const allowed = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
    if (!allowed.includes(request.method ?? '')) {
      sendJson(response, 405, { error: `use ${route.method} ${pathname}` }, { Allow: allowed.join(', ') });
      return;
    }
    void Promise.resolve()
      .then(() => route.run(request, response))
      .catch((error: unknown) => {
        logger.error(`${request.method ?? '?'} ${pathname} failed: ${describeError(error)}`);
        sendJson(response, 500, { error: 'internal error; see the rebuild service log' });
      });
  };
}
