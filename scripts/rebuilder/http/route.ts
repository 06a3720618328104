import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers one request on one path; may be async, and never needs to catch (the dispatcher does). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** A path's method and its handler. */
export interface Route {
  method: 'GET' | 'POST';
  run: RouteHandler;
}
