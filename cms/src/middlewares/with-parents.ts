import type { Core } from '@strapi/strapi';
import { mergeCourseData, type CourseData } from '../utils/shared';
import { readCourseRows } from './read-course-rows';

const missing = (wanted: ReadonlyArray<string | null>, present: ReadonlyArray<{ documentId: string }>): string[] => {
  const have = new Set(present.map((record) => record.documentId));
  return [...new Set(wanted.filter((id): id is string => id !== null && !have.has(id)))];
};

/**
 * `data` with the sections its pages sit in and the modules its sections sit in, where missing: a
 * page is placed (its URL, its name in messages) through its section and module, and a link to it
 * resolves only through them.
 */
export async function withParents(strapi: Core.Strapi, data: CourseData): Promise<CourseData> {
  const sectionIds = missing(
    data.pages.map((page) => page.sectionId),
    data.sections,
  );
  const withSections =
    sectionIds.length === 0
      ? data
      : mergeCourseData([
          data,
          await readCourseRows(
            strapi,
            { modules: null, sections: { documentId: { $in: sectionIds } }, pages: null },
            new Set(),
          ),
        ]);
  const moduleIds = missing(
    withSections.sections.map((section) => section.moduleId),
    withSections.modules,
  );
  if (moduleIds.length === 0) return withSections;
  return mergeCourseData([
    withSections,
    await readCourseRows(
      strapi,
      { modules: { documentId: { $in: moduleIds } }, sections: null, pages: null },
      new Set(),
    ),
  ]);
}
