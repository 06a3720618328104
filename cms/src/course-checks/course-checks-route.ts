import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import {
  checkCourse,
  CONTENT_TYPE_UIDS,
  courseCheckReportSchema,
  reportFor,
  SITE_CONTENT_TYPES,
} from '../utils/shared';
import { readCourseDataFor } from '../middlewares/read-course-data-for';

/** Where the admin asks for one entry's course-check report. */
export const COURSE_CHECKS_PREFIX = '/lm';
export const COURSE_CHECKS_PATH = '/course-checks/:uid/:documentId';

const paramsSchema = z.object({
  uid: z.string().refine((uid) => SITE_CONTENT_TYPES.some((siteType) => siteType === uid), {
    message: `must be one of ${SITE_CONTENT_TYPES.join(', ')}`,
  }),
  documentId: z.string().min(1),
});

/**
 * `GET /lm/course-checks/:uid/:documentId`: the course checks' errors and warnings for one module,
 * section or page as its draft stands, for the admin to show beside the edit form (warnings never
 * block a publish, so the editor sees them only here). Answers the report itself,
 * `{ errors: [...], warnings: [...] }` (`courseCheckReportSchema`).
 *
 * An admin route (admin JWT, `admin::isAuthenticatedAdmin`), not a Content API one: Strapi makes
 * every route under src/api a Content API route, and a local plugin would need an entry in the
 * CMS config, so the route is added to the admin router directly during register().
 */
export function registerCourseChecksRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: COURSE_CHECKS_PREFIX,
    routes: [
      {
        method: 'GET',
        path: COURSE_CHECKS_PATH,
        info: { pluginName: 'admin' },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        handler: async (ctx) => {
          const params = paramsSchema.safeParse(ctx.params);
          if (!params.success) {
            throw new errors.ValidationError(
              `[cms] Course checks need a content type and a documentId: ${params.error.issues
                .map((issue) => `${issue.path.join('.')} ${issue.message}`)
                .join('; ')}.`,
            );
          }
          const { uid, documentId } = params.data;
          // The part of the course this entry's report depends on, as for a publish of it.
          const data = await readCourseDataFor(strapi, uid, documentId, { withBody: true });
          const entries =
            uid === CONTENT_TYPE_UIDS.module
              ? data.modules
              : uid === CONTENT_TYPE_UIDS.section
                ? data.sections
                : data.pages;
          const exists = entries.some((entry) => entry.documentId === documentId);
          if (!exists) {
            throw new errors.NotFoundError(
              `[cms] No ${uid} has the documentId "${documentId}": it may have been deleted.`,
            );
          }
          ctx.body = courseCheckReportSchema.parse(reportFor(checkCourse(data), new Set([documentId])));
        },
      },
    ],
  });
}
