import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Modules } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS, videoProblem } from '../utils/shared';

const PAGE = CONTENT_TYPE_UIDS.page;

const videoSchema = z
  .object({ provider: z.unknown(), videoId: z.unknown(), startSeconds: z.unknown(), endSeconds: z.unknown() })
  .partial()
  .passthrough();

/** The page body as any API sends it: a list of components named by `__component`. */
const paramsSchema = z.object({
  data: z
    .object({
      body: z.array(z.object({ __component: z.string().optional() }).passthrough()).nullish(),
    })
    .passthrough()
    .optional(),
});

/**
 * Refuses a page whose body holds a video with an id its host does not use (a YouTube id is 11
 * characters, a Vimeo id digits) or an end before its start, on every create and update whatever
 * API the write comes from. The video component's own field rule accepts either kind of id, as it
 * cannot see the host; without this check a wrong pair would only fail the site's next build.
 */
export function videoIdsValid(): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== PAGE || (context.action !== 'create' && context.action !== 'update')) return next();
    const body = paramsSchema.safeParse(context.params).data?.data?.body ?? [];
    body.forEach((block, index) => {
      const problem = block.__component === 'content.video' ? videoProblem(videoSchema.parse(block)) : null;
      if (problem !== null)
        throw new errors.ValidationError(
          `[cms] Video in body block ${String(index + 1)}: ${problem}. Correct the video id or its host.`,
        );
    });
    return next();
  };
}
