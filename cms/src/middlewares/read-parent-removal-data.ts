import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS, type CourseData } from '../utils/shared';
import { readCourseRows } from './read-course-rows';
import { withParents } from './with-parents';

const PUBLISHED = { publishedAt: { $notNull: true } };
const idRows = z.array(z.object({ documentId: z.string() }));

/**
 * What `publishedChildrenProblem` needs to judge unpublishing or deleting a module or section: the
 * document (with its module, which names a section in the message) and the drafts of the children
 * whose published versions hang on it. Those are found through the published versions, not the
 * drafts: a child moved elsewhere as a draft still hangs on it on the site until republished.
 * Nothing else of the course bears on it, so the rest is not read.
 */
export async function readParentRemovalData(strapi: Core.Strapi, uid: string, documentId: string): Promise<CourseData> {
  const isModule = uid === CONTENT_TYPE_UIDS.module;
  const children = idRows.parse(
    await strapi.db.query(isModule ? CONTENT_TYPE_UIDS.section : CONTENT_TYPE_UIDS.page).findMany({
      where: { ...PUBLISHED, [isModule ? 'module' : 'section']: { documentId } },
      select: ['documentId'],
    }),
  );
  const childFilter = children.length === 0 ? null : { documentId: { $in: children.map((child) => child.documentId) } };
  if (isModule) {
    return readCourseRows(strapi, { modules: { documentId }, sections: childFilter, pages: null }, new Set());
  }
  return withParents(
    strapi,
    await readCourseRows(strapi, { modules: null, sections: { documentId }, pages: childFilter }, new Set()),
  );
}
