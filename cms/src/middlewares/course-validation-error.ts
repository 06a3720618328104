import { errors } from '@strapi/utils';
import type { CourseIssue } from '../utils/shared';

/**
 * Strapi's ValidationError (HTTP 400) for course-check errors, in the shape the admin reads from a
 * failed save or publish: each error under `details.errors` with the path of its field, so the
 * admin shows the message beside the field and keeps what the editor typed. An issue of another
 * document (a page clashing after its section was moved) is put on `fallbackPath`, the field of
 * this form that caused it.
 */
export function courseValidationError(
  issues: readonly CourseIssue[],
  documentId: string,
  fallbackPath: string | null,
): errors.ValidationError {
  const fieldErrors = issues.flatMap((issue) => {
    const path = issue.documentId === documentId ? issue.path : fallbackPath;
    return path === null ? [] : [{ path: path.split('.'), message: issue.message, name: 'ValidationError' }];
  });
  const message = `[cms] ${issues.map((issue) => issue.message).join(' ')}`;
  return new errors.ValidationError(message, { errors: fieldErrors });
}
