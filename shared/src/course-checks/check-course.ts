import type { CourseCheckReport, CourseIssue } from '../course-check-report.js';
import { checkContentWarnings } from './content-warnings.js';
import type { CourseData } from './course-data.js';
import { checkImageAlternativeTexts } from './image-alt-rules.js';
import { checkInternalLinks } from './internal-link-rules.js';
import { checkPageNumbers } from './page-number-rules.js';
import { checkPageSlugs } from './page-slug-rules.js';
import { checkPublishedParents } from './parent-rules.js';
import { checkResourceBoxes } from './resource-box-rules.js';

/**
 * The rules that hold for drafts as well: where a page sits in the course (its number, its URL).
 * The CMS refuses a save that breaks one, since every later publish would then fail.
 */
export function checkCourseStructure(data: CourseData): CourseIssue[] {
  return [...checkPageNumbers(data), ...checkPageSlugs(data)];
}

/** Every rule over the whole course: errors refuse a publish, warnings are advice. */
export function checkCourse(data: CourseData): CourseCheckReport {
  const links = checkInternalLinks(data);
  return {
    errors: [
      ...checkCourseStructure(data),
      ...checkResourceBoxes(data),
      ...links.errors,
      ...checkPublishedParents(data),
      ...checkImageAlternativeTexts(data),
    ],
    warnings: [...links.warnings, ...checkContentWarnings(data)],
  };
}

/** The part of a report that belongs to the given documents. */
export function reportFor(report: CourseCheckReport, documentIds: ReadonlySet<string>): CourseCheckReport {
  const belongs = (issue: CourseIssue) => issue.documentId !== null && documentIds.has(issue.documentId);
  return { errors: report.errors.filter(belongs), warnings: report.warnings.filter(belongs) };
}
