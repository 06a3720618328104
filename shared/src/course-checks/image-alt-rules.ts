import type { CourseIssue } from '../course-check-report.js';
import { DECORATIVE_ALT_TEXT, imageAlt } from '../image-alt.js';
import { bodyParts } from './body-parts.js';
import type { CourseData } from './course-data.js';
import { coursePlaces } from './course-places.js';

/**
 * An image without alternative text says nothing to a screen reader, so a page showing one cannot
 * be published: the editor describes the image, or marks it decorative on purpose. The path is
 * the rich-text field that holds the image, where the admin shows the message.
 */
export function checkImageAlternativeTexts(data: CourseData): CourseIssue[] {
  const places = coursePlaces(data);
  return data.pages.flatMap((page) =>
    bodyParts(page.body)
      .images.filter((image) => imageAlt(image).kind === 'missing')
      .map(
        (image): CourseIssue => ({
          documentId: page.documentId,
          path: image.path,
          message:
            `${places.describePage(page)}: the image "${image.name}" has no alternative text. ` +
            'In the media library, describe what it shows (or type "' +
            DECORATIVE_ALT_TEXT +
            '" if it only decorates), then remove the image from the text and insert it again: ' +
            'the text keeps the description it had when the image was inserted.',
        }),
      ),
  );
}
