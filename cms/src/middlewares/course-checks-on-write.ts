import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';
import {
  checkCourse,
  checkCourseStructure,
  CONTENT_TYPE_UIDS,
  publishedChildrenProblem,
  SITE_CONTENT_TYPES,
  type CourseData,
  type CourseIssue,
} from '../utils/shared';
import { courseValidationError } from './course-validation-error';
import { readCourseDataFor } from './read-course-data-for';
import { readParentRemovalData } from './read-parent-removal-data';

const WRITE_ACTIONS = new Set(['create', 'update', 'publish']);
const paramsSchema = z
  .object({ documentId: z.string().optional(), status: z.string().optional(), data: z.record(z.unknown()).optional() })
  .passthrough();
const resultSchema = z.object({ documentId: z.string() }).passthrough();

/** What a write to a document can move along with it: a section its pages, a module its sections and their pages. */
function carriedBy(data: CourseData, uid: string, documentId: string): Set<string> {
  if (uid === CONTENT_TYPE_UIDS.page) return new Set();
  const sections =
    uid === CONTENT_TYPE_UIDS.section
      ? [documentId]
      : data.sections.filter((section) => section.moduleId === documentId).map((section) => section.documentId);
  const pages = data.pages.filter((page) => page.sectionId !== null && sections.includes(page.sectionId));
  return new Set([...sections.filter((id) => id !== documentId), ...pages.map((page) => page.documentId)]);
}

/** The field of a section's or module's form that moved its children, to mark when they clash. */
function movingField(uid: string, data: Record<string, unknown> | undefined): string | null {
  if (uid === CONTENT_TYPE_UIDS.module) return 'sections';
  if (uid !== CONTENT_TYPE_UIDS.section) return null;
  if (data !== undefined && 'number' in data) return 'number';
  if (data !== undefined && 'module' in data) return 'module';
  return 'pages';
}

const belongingTo = (issues: CourseIssue[], documentIds: ReadonlySet<string>) =>
  issues.filter((issue) => issue.documentId !== null && documentIds.has(issue.documentId));

/**
 * The course checks of @lm/shared on every write to a module, section or page, whichever API
 * (admin, REST, GraphQL) it comes from:
 *
 * - a save is refused when it breaks the course's structure (page numbers, page slugs in a module),
 *   also when pages move from the section's side or a section moves to another module;
 * - a publish is refused on any course-check error of the published document (empty resource boxes,
 *   links to missing pages, no published parent);
 * - unpublishing or deleting a module or section is refused while published children would be
 *   orphaned (a delete takes the published version away too).
 *
 * The write runs first, inside a transaction, and the checks read the course as it would be
 * committed: relations can change from either side and through several input shapes, and reading
 * the result is the one way to judge them all. They read only the part of the course that bears on
 * the written document (readCourseDataFor says why that part is enough), so what a write costs
 * follows the size of its module, not of the site. A refusal rolls the write back (Strapi's events and
 * webhooks wait for the commit, so nothing is announced either).
 */
export function courseChecksOnWrite(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const checked = new Set<string>(SITE_CONTENT_TYPES);
  return async (context, next) => {
    if (!checked.has(context.uid)) return next();
    const params = paramsSchema.parse(context.params);
    if (context.action === 'unpublish' || context.action === 'delete') {
      if (context.uid === CONTENT_TYPE_UIDS.page || params.documentId === undefined) return next();
      const problem = publishedChildrenProblem(
        await readParentRemovalData(strapi, context.uid, params.documentId),
        params.documentId,
        context.action,
      );
      if (problem !== null) throw new errors.ValidationError(`[cms] ${problem.message}`);
      return next();
    }
    if (!WRITE_ACTIONS.has(context.action)) return next();
    const publishing = context.action === 'publish' || params.status === 'published';
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = params.documentId ?? resultSchema.safeParse(result).data?.documentId;
      if (documentId === undefined) return result;
      const data = await readCourseDataFor(strapi, context.uid, documentId, { withBody: publishing });
      const structure = checkCourseStructure(data);
      const issues = [
        ...belongingTo(publishing ? checkCourse(data).errors : structure, new Set([documentId])),
        ...belongingTo(structure, carriedBy(data, context.uid, documentId)),
      ];
      if (issues.length > 0) throw courseValidationError(issues, documentId, movingField(context.uid, params.data));
      return result;
    });
  };
}
