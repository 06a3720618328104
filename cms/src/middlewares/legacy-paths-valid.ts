import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';
import {
  CONTENT_TYPE_UIDS,
  LEGACY_PATH_RULE,
  LEGACY_PATHS_MAX,
  legacyPathKey,
  legacyPathProblem,
  legacyPathVariants,
} from '../utils/shared';

const PAGE = CONTENT_TYPE_UIDS.page;

/** The admin sends components with ids and temporary keys, REST and GraphQL plain `{ path }`. */
const paramsSchema = z.object({
  documentId: z.string().optional(),
  data: z
    .object({ legacyPaths: z.array(z.object({ path: z.unknown() }).passthrough()).nullish() })
    .passthrough()
    .optional(),
});

const otherPageSchema = z.object({
  title: z.string(),
  number: z.string(),
  legacyPaths: z.array(z.object({ path: z.string() })).default([]),
  section: z.object({ module: z.object({ title: z.string() }).nullish() }).nullish(),
});

const refuse = (message: string): never => {
  throw new errors.ValidationError(`[cms] ${message}`);
};

/** Refuses a malformed path, too many paths, or the same path twice on one page. */
function checkOwnPaths(paths: readonly unknown[]): string[] {
  if (paths.length > LEGACY_PATHS_MAX) {
    refuse(`A page keeps at most ${LEGACY_PATHS_MAX} old addresses; this one has ${paths.length}. Remove some.`);
  }
  const seen = new Set<string>();
  return paths.map((path) => {
    if (typeof path !== 'string') return refuse(`Every old address must be text, got ${JSON.stringify(path)}.`);
    const problem = legacyPathProblem(path);
    if (problem !== null) refuse(`Old address refused: ${problem}; ${LEGACY_PATH_RULE}.`);
    const key = legacyPathKey(path);
    if (seen.has(key)) refuse(`The old address "${path}" is listed twice on this page; keep it once.`);
    seen.add(key);
    return path;
  });
}

/** Refuses a path another page (of any module, draft or published) already redirects. */
async function checkUnclaimed(strapi: Core.Strapi, paths: string[], documentId: string | undefined): Promise<void> {
  if (paths.length === 0) return;
  const variants = paths.flatMap(legacyPathVariants);
  for (const status of ['draft', 'published'] as const) {
    const found: unknown = await strapi.documents(PAGE).findFirst({
      status,
      filters: {
        legacyPaths: { path: { $in: variants } },
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
      fields: ['title', 'number'],
      populate: { legacyPaths: true, section: { populate: { module: { fields: ['title'] } } } },
    });
    if (found === null || found === undefined) continue;
    const other = otherPageSchema.parse(found);
    const theirs = new Set(other.legacyPaths.map((entry) => legacyPathKey(entry.path)));
    const claimed = paths.find((path) => theirs.has(legacyPathKey(path))) ?? paths[0];
    const moduleTitle = other.section?.module?.title;
    refuse(
      `The old address "${claimed}" already redirects to page "${other.number} ${other.title}"` +
        `${moduleTitle ? ` in module "${moduleTitle}"` : ''}. An old address leads to one page only: ` +
        'remove it there first, or from this page.',
    );
  }
}

/**
 * Checks a page's old addresses (`legacyPaths`) on every create and update, whichever API the write
 * comes from: each is a same-site path the static server can redirect safely, and no two pages
 * claim the same one, since a redirect can lead to one page only.
 */
export function legacyPathsValid(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== PAGE || (context.action !== 'create' && context.action !== 'update')) return next();
    const parsed = paramsSchema.safeParse(context.params);
    const entries = parsed.success ? parsed.data.data?.legacyPaths : undefined;
    if (!parsed.success || !entries) return next();
    const paths = checkOwnPaths(entries.map((entry) => entry.path));
    await checkUnclaimed(strapi, paths, parsed.data.documentId);
    return next();
  };
}
