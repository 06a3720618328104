import type { CourseIssue } from '../course-check-report.js';
import type { CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';

/**
 * Page numbers are what readers see ("2.1 Overview") and what orders a section's pages, so each
 * starts with its section's number ("2.x" in section 2) and no two pages of a section share one.
 * A page in no section is not checked: it has no number to agree with yet.
 */
export function checkPageNumbers(data: CourseData): CourseIssue[] {
  const places = coursePlaces(data);
  const issues: CourseIssue[] = [];
  for (const page of data.pages) {
    const section = places.sectionOf(page);
    if (section === undefined) continue;
    const prefix = `${String(section.number)}.`;
    if (!page.number.startsWith(prefix) || page.number.length === prefix.length) {
      issues.push({
        documentId: page.documentId,
        path: 'number',
        message:
          `${places.describePage(page)}: the number "${page.number}" does not start with its section's number. ` +
          `Pages of section ${String(section.number)} are numbered ${prefix}0, ${prefix}1…: change the number, or choose the section it belongs to.`,
      });
    }
    const twins = data.pages.filter(
      (other) =>
        other.documentId !== page.documentId && other.sectionId === page.sectionId && other.number === page.number,
    );
    if (twins.length > 0) {
      const names = twins.map((twin) => `"${twin.title}"`).join(', ');
      issues.push({
        documentId: page.documentId,
        path: 'number',
        message:
          `${places.describePage(page)}: page ${names} of the same section also has the number "${page.number}". ` +
          'Page numbers are unique in a section: give one of them another number.',
      });
    }
  }
  return issues;
}
