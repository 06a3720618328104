import type { IncomingMessage, ServerResponse } from 'node:http';
import { REBUILD_SECRET_HEADER } from '@lm/shared';
import { describeError } from '../describe-error.js';
import type { Logger } from '../logger.js';
import type { RebuildService } from '../rebuild-service.js';
import { webhookPayloadSchema } from '../webhook-payload.js';
import { readBody } from './read-body.js';
import { secretMatches } from './secret-matches.js';
import { sendJson } from './send-json.js';

/** Largest webhook body accepted. Strapi's are a few kB (relations are not populated). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RebuilderHandlerOptions {
  service: Pick<RebuildService, 'receive' | 'status' | 'rollback'>;
  secret: string;
  logger: Logger;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** application/json, with or without parameters such as charset. */
const isJson = (contentType: string | undefined): boolean =>
  contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType.trim());

/**
 * The rebuild service's HTTP API. Every outcome has its own status: 401 without the secret, 415 for
 * a body that is not JSON, 413 over 1 MB, 400 for malformed JSON or a body that is not a Strapi
 * webhook, 202 once queued (the build is never awaited), 404 and 405 for other routes. Nothing is
 * thrown into the server: an unexpected error answers 500.
 */
export function createRebuilderHandler(options: RebuilderHandlerOptions): Handler {
  const { service, secret, logger } = options;

  async function webhook(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!secretMatches(request.headers[REBUILD_SECRET_HEADER], secret)) {
      sendJson(response, 401, { error: `missing or wrong ${REBUILD_SECRET_HEADER} header` }, { Connection: 'close' });
      return;
    }
    if (!isJson(request.headers['content-type'])) {
      sendJson(response, 415, { error: 'the body must be application/json' }, { Connection: 'close' });
      return;
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (!body.ok) {
      if (body.reason === 'too-large') {
        sendJson(response, 413, { error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, { Connection: 'close' });
      } else {
        sendJson(response, 400, { error: 'the request body could not be read' }, { Connection: 'close' });
      }
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.body.toString('utf8'));
    } catch {
      sendJson(response, 400, { error: 'the body is not valid JSON' });
      return;
    }
    const parsed = webhookPayloadSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
      sendJson(response, 400, { error: 'the body is not a Strapi webhook', issues });
      return;
    }
    const decision = service.receive(parsed.data);
    if (!decision.rebuild) {
      sendJson(response, 202, { queued: false, reason: decision.reason });
      return;
    }
    sendJson(response, 202, { queued: true });
  }

  async function rollback(request: IncomingMessage, response: ServerResponse): Promise<void> {
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
  }

  const routes: Record<
    string,
    { method: string; run: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void }
  > = {
    '/hooks/strapi': { method: 'POST', run: webhook },
    '/rollback': { method: 'POST', run: rollback },
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
