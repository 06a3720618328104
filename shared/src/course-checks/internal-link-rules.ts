import type { CourseIssue } from '../course-check-report.js';
import { legacyPathKey } from '../legacy-paths.js';
import { bodyParts } from './body-parts.js';
import type { CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';
import { siteLinkTarget } from './site-link-target.js';

/**
 * Links from a page's rich text or resource items to /modules/{module}/{page}/ must lead to a page
 * that exists (an error: the reader would land on the 404 page). A link to a page, or a module,
 * that exists but is not published is a warning: it works once that is published. A link to an
 * old address of a page arrives through its redirect, so it counts as that page.
 */
export function checkInternalLinks(data: CourseData): { errors: CourseIssue[]; warnings: CourseIssue[] } {
  const places = coursePlaces(data);
  const oldAddresses = new Map(
    data.pages.flatMap((page) => page.legacyPaths.map((path) => [legacyPathKey(path), page] as const)),
  );
  const errors: CourseIssue[] = [];
  const warnings: CourseIssue[] = [];
  for (const page of data.pages) {
    for (const link of bodyParts(page.body).links) {
      const target = siteLinkTarget(link.url);
      if (target === null) continue;
      const where = `${places.describePage(page)}: the link to ${link.url}`;
      const issue = (message: string): CourseIssue => ({ documentId: page.documentId, path: link.path, message });
      const module = data.modules.find((candidate) => candidate.slug === target.moduleSlug);
      const linked =
        target.pageSlug === null || module === undefined
          ? undefined
          : data.pages.find(
              (other) => other.slug === target.pageSlug && places.moduleOfPage(other)?.documentId === module.documentId,
            );
      const redirected = linked ?? oldAddresses.get(legacyPathKey(target.path));
      if (redirected !== undefined) {
        if (!redirected.published) {
          warnings.push(
            issue(`${where} leads to ${places.describePage(redirected)}, which is not published yet: publish it too.`),
          );
        }
        continue;
      }
      if (module === undefined) {
        errors.push(issue(`${where} leads nowhere: no module has the slug "${target.moduleSlug}". Fix the link.`));
      } else if (target.pageSlug !== null) {
        errors.push(
          issue(
            `${where} leads nowhere: ${places.describeModule(module)} has no page with the slug "${target.pageSlug}". ` +
              'Fix the link, or create that page first.',
          ),
        );
      } else if (!module.published) {
        warnings.push(issue(`${where} leads to ${places.describeModule(module)}, which is not published yet.`));
      }
    }
  }
  return { errors, warnings };
}
