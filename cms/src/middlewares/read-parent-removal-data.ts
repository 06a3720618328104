import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS, type CourseData } from '../utils/shared';
import { descendantsOf } from './descendants-of';
import { readCourseRows } from './read-course-rows';
import { withParents } from './with-parents';

/**
 * What `publishedChildrenProblem` needs to judge unpublishing or deleting a module or section: the
 * document (with its module, which names a section in the message) and the drafts of the children
 * whose published versions hang on it. Those are found through the published versions, not the
 * drafts: a child moved elsewhere as a draft still hangs on it on the site until republished.
 * Nothing else of the course bears on it, so the rest is not read.
 */
export async function readParentRemovalData(strapi: Core.Strapi, uid: string, documentId: string): Promise<CourseData> {
  const isModule = uid === CONTENT_TYPE_UIDS.module;
  const { sections, pages } = await descendantsOf(strapi, uid, documentId, 'published');
  const children = isModule ? sections : pages;
  const childFilter = children.length === 0 ? null : { documentId: { $in: children } };
  if (isModule) {
    return readCourseRows(strapi, { modules: { documentId }, sections: childFilter, pages: null }, new Set());
  }
  return withParents(
    strapi,
    await readCourseRows(strapi, { modules: null, sections: { documentId }, pages: childFilter }, new Set()),
  );
}
