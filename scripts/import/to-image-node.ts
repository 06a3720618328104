import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import type { z } from 'zod';
import { DECORATIVE_ALT_TEXT, type imageNodeSchema } from '@lm/shared';
import { importableUrlSchema } from './importable-url.js';
import { stringProperty } from './hast-query.js';
import type { WarningSink } from './warning-sink.js';

/** A Blocks image node. */
export type ImageNode = z.infer<typeof imageNodeSchema>;

/**
 * Timestamps of an imported external image. Constant on purpose: the importer is idempotent, and
 * a clock here would change the page's fingerprint, and so rewrite it, on every run.
 */
export const EXTERNAL_IMAGE_TIMESTAMP = '1970-01-01T00:00:00.000Z';

const MIME_OF_EXTENSION = new Map([
  ['.avif', 'image/avif'],
  ['.gif', 'image/gif'],
  ['.jpeg', 'image/jpeg'],
  ['.jpg', 'image/jpeg'],
  ['.png', 'image/png'],
  ['.svg', 'image/svg+xml'],
  ['.webp', 'image/webp'],
]);

/**
 * Maps `<img>` to a Blocks image node. Strapi validates a full media-library record there, so the
 * image is described as an external one (`provider: "external"`) with what the HTML tells: URL,
 * alt text, size attributes; unknown sizes are 0. Returns null, with a warning, for a URL Blocks
 * does not accept (such as a path relative to the old Jekyll page); an `<img>` without `src`
 * returns null silently, because the sanitizer already reported the unsafe URL it removed.
 */
export function toImageNode(element: Element, sink: WarningSink): ImageNode | null {
  const url = stringProperty(element, 'src')?.trim();
  if (!url) return null;
  if (!importableUrlSchema.safeParse(url).success) {
    sink.warn(
      element,
      `dropped image "${url}": an image URL must start with http(s):// or /; upload it and use the new URL`,
    );
    return null;
  }
  const alternativeText = importedAltText(element, url, sink);
  const name = fileNameOf(url) ?? 'image';
  const ext = /\.[a-z0-9]+$/i.exec(name)?.[0].toLowerCase() ?? '';
  return {
    type: 'image',
    image: {
      name,
      alternativeText,
      url,
      width: dimension(element, 'width'),
      height: dimension(element, 'height'),
      // Stable per URL, so that importing the same page twice yields the same node.
      hash: `${name.slice(0, name.length - ext.length)}_${createHash('sha256').update(url).digest('hex').slice(0, 10)}`,
      ext,
      mime: MIME_OF_EXTENSION.get(ext) ?? 'application/octet-stream',
      size: 0,
      provider: 'external',
      createdAt: EXTERNAL_IMAGE_TIMESTAMP,
      updatedAt: EXTERNAL_IMAGE_TIMESTAMP,
    },
    // Strapi's editor keeps exactly one empty text child in every image node.
    children: [{ type: 'text', text: '' }],
  };
}

/**
 * The page's alt text. Without one the old site gave screen readers nothing (Markdown's `![](x)`
 * renders `alt=""`, which says "decorative"), and the CMS refuses to publish an undescribed image,
 * so it is imported with the decorative mark: the page keeps what readers had, imports and
 * publishes, and the warning asks for a description where the image carries information.
 */
function importedAltText(element: Element, url: string, sink: WarningSink): string {
  const alt = stringProperty(element, 'alt')?.trim();
  if (alt) return alt;
  sink.warn(
    element,
    `image "${url}" has no alt text; imported as "${DECORATIVE_ALT_TEXT}" (screen readers skip it, as on the old site). ` +
      'If it shows something a reader needs, describe it in the media library and insert it again.',
  );
  return DECORATIVE_ALT_TEXT;
}

function dimension(element: Element, name: 'width' | 'height'): number {
  const value = Number(element.properties[name]);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function fileNameOf(url: string): string | null {
  const last = url.split(/[?#]/)[0]?.split('/').pop();
  if (!last) return null;
  try {
    return decodeURIComponent(last);
  } catch {
    // A stray % in a file name is not worth failing the import for.
    return last;
  }
}
