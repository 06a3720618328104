import type { CourseIssue } from '../course-check-report.js';
import { pageUrl } from '../urls.js';
import type { CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';

/**
 * A page's URL is /modules/{module}/{page}/, so two pages of one module (in any of its sections)
 * may not share a slug. Pages moved between sections or modules are checked as where they land.
 */
export function checkPageSlugs(data: CourseData): CourseIssue[] {
  const places = coursePlaces(data);
  const issues: CourseIssue[] = [];
  for (const page of data.pages) {
    const module = places.moduleOfPage(page);
    if (module === undefined) continue;
    const twins = data.pages.filter(
      (other) =>
        other.documentId !== page.documentId &&
        other.slug === page.slug &&
        places.moduleOfPage(other)?.documentId === module.documentId,
    );
    if (twins.length === 0) continue;
    const names = twins.map((twin) => `page ${twin.number} "${twin.title}"`).join(', ');
    issues.push({
      documentId: page.documentId,
      path: 'slug',
      message:
        `${places.describePage(page)}: ${names} of the same module already uses the slug "${page.slug}" ` +
        `(both would be ${pageUrl(module.slug, page.slug)}). Page slugs are unique in a module: choose another slug.`,
    });
  }
  return issues;
}
