import type { CourseIssue } from '../course-check-report.js';
import { bodyParts } from './body-parts.js';
import type { CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';

/**
 * Advice that blocks nothing: a section without learning outcomes leaves its module home and
 * "Learning outcomes" blocks empty, and an image without alt text says nothing to a screen reader.
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
  const images = data.pages.flatMap((page) =>
    bodyParts(page.body)
      .images.filter((image) => image.alternativeText.trim() === '')
      .map(
        (image): CourseIssue => ({
          documentId: page.documentId,
          path: image.path,
          message:
            `${places.describePage(page)}: the image "${image.name}" has no alternative text. ` +
            'Describe it in the media library (or mark it decorative by describing its purpose).',
        }),
      ),
  );
  return [...sections, ...images];
}
