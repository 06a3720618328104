import type { CourseIssue } from '../course-check-report.js';
import type { CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';

/**
 * The site shows a page only inside its published section, and a section only inside its published
 * module: a published page or section whose published version hangs on nothing is "Published" in
 * the admin yet on no page of the site.
 */
export function checkPublishedParents(data: CourseData): CourseIssue[] {
  const places = coursePlaces(data);
  const pages = data.pages
    .filter((page) => page.published && page.publishedSectionId === null)
    .map(
      (page): CourseIssue => ({
        documentId: page.documentId,
        path: 'section',
        message:
          `${places.describePage(page)} is published without a published section, so it appears nowhere on the site. ` +
          (places.sectionOf(page) === undefined
            ? 'Choose its section, then publish it.'
            : 'Publish its section first, then the page.'),
      }),
    );
  const sections = data.sections
    .filter((section) => section.published && section.publishedModuleId === null)
    .map(
      (section): CourseIssue => ({
        documentId: section.documentId,
        path: 'module',
        message:
          `${places.describeSection(section)} is published without a published module, so it appears nowhere on the site. ` +
          (places.moduleOf(section) === undefined
            ? 'Choose its module, then publish it.'
            : 'Publish its module first, then the section.'),
      }),
    );
  return [...pages, ...sections];
}

/** What would leave a module's or section's published children hanging: taking it off the site, or deleting it. */
export type ParentRemoval = 'unpublish' | 'delete';

/**
 * Why a module or section may not be unpublished (or deleted, which also takes its published
 * version away): its published children would be left hanging on nothing. Null when nothing
 * published depends on it.
 */
export function publishedChildrenProblem(
  data: CourseData,
  documentId: string,
  removal: ParentRemoval = 'unpublish',
): CourseIssue | null {
  const places = coursePlaces(data);
  const module = data.modules.find((candidate) => candidate.documentId === documentId);
  const section = data.sections.find((candidate) => candidate.documentId === documentId);
  const children =
    module !== undefined
      ? data.sections
          .filter((child) => child.published && child.publishedModuleId === documentId)
          .map((child) => `section ${String(child.number)} "${child.title}"`)
      : section !== undefined
        ? data.pages
            .filter((child) => child.published && child.publishedSectionId === documentId)
            .map((child) => `page ${child.number} "${child.title}"`)
        : [];
  if (children.length === 0) return null;
  const parent =
    module !== undefined ? places.describeModule(module) : section !== undefined ? places.describeSection(section) : '';
  return {
    documentId,
    path: null,
    message:
      `${parent} cannot be ${removal === 'delete' ? 'deleted' : 'unpublished'} while these are published in it: ` +
      `${children.join(', ')}. Unpublish them first (or move them elsewhere), then ${removal} this.`,
  };
}
