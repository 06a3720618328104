import type { CourseIssue } from '../course-check-report.js';
import type { CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';

/**
 * Advice that blocks nothing: a section without learning outcomes leaves its module home and
 * "Learning outcomes" blocks empty. (An image without alt text refuses the publish instead: see
 * image-alt-rules.ts.)
 */
export function checkContentWarnings(data: CourseData): CourseIssue[] {
  const places = coursePlaces(data);
  const sections = data.sections
    .filter((section) => section.outcomeCount === 0)
    .map(
      (section): CourseIssue => ({
        documentId: section.documentId,
        path: 'outcomes',
        message: `${places.describeSection(section)} has no learning outcomes: add what a learner will be able to do after it.`,
      }),
    );
  return sections;
}
