import type { CourseIssue } from '../course-check-report.js';
import { bodyParts } from './body-parts.js';
import type { CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';

/**
 * A resource box renders as a titled frame around its intro, its content (a callout's paragraphs)
 * and its list: without a title its heading is empty (and screen readers announce an unnamed
 * region), with none of the three it is an empty frame.
 */
export function checkResourceBoxes(data: CourseData): CourseIssue[] {
  const places = coursePlaces(data);
  return data.pages.flatMap((page) =>
    bodyParts(page.body).resourceBoxes.flatMap((box, index): CourseIssue[] => {
      const name = `resource box ${String(index + 1)}${box.title.trim() === '' ? '' : ` "${box.title}"`}`;
      const issues: CourseIssue[] = [];
      if (box.title.trim() === '') {
        issues.push({
          documentId: page.documentId,
          path: `${box.path}.title`,
          message: `${places.describePage(page)}: ${name} has no title. Give it one, such as "Questions to ask".`,
        });
      }
      if (box.itemCount === 0 && !box.hasText) {
        issues.push({
          documentId: page.documentId,
          path: `${box.path}.items`,
          message: `${places.describePage(page)}: ${name} is empty. Add an item, an intro or some content, or remove the box.`,
        });
      }
      return issues;
    }),
  );
}
