import type { Core } from '@strapi/strapi';
import type { CourseData } from '../utils/shared';
import { readCourseRows } from './read-course-rows';

/**
 * Reads the whole course for the course checks, every module, section and page (see
 * readCourseRows for how), for a report over the whole site. Checks of one document read only the
 * part that bears on it (readCourseDataFor, readParentRemovalData): reading everything on every
 * write made each write slower as the site grew.
 *
 * `bodiesOf` names the pages whose bodies are read ('all' for the whole-site report): the other
 * checks need only numbers, slugs and relations.
 */
export async function readCourseData(strapi: Core.Strapi, bodiesOf: 'all' | ReadonlySet<string>): Promise<CourseData> {
  return readCourseRows(strapi, 'all', bodiesOf);
}
