import type { MiddlewareHandler } from 'astro';
import { currentSiteBuild, type PageRenderTimes } from '@lm/shared';

/** Which kind of page a route is (by Astro's route pattern): a content page, a print page, or other. */
export function pageKind(routePattern: string): keyof PageRenderTimes {
  if (routePattern === '/modules/[module]/[page]') return 'content';
  if (routePattern === '/modules/[module]/print') return 'print';
  return 'other';
}

/**
 * Adds each page's rendering time to its kind's total in the build under way (see
 * build-phases.ts). A static build renders a page whole inside `next()` (it does not stream), so
 * this measures the page's rendering. Outside a build by the worker (a plain `astro build`, or a
 * server-rendered route) there is no build state and it only passes the request on.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const timings = currentSiteBuild()?.timings;
  if (!timings) return next();
  const started = performance.now();
  const response = await next();
  timings.pageRenderMs[pageKind(context.routePattern)] += performance.now() - started;
  return response;
};
