import { pageDocumentSchema, type PageDocument } from './page-document.js';
import { mediaSitePath, plainObject } from './site-media-files.js';
import type { UploadedFile } from './upload-media.js';

/** Where readers' browsers fetch an upload: Strapi's local provider answers with a path on Strapi. */
export function uploadUrl(file: UploadedFile, strapiUrl: string): string {
  return new URL(file.url, `${strapiUrl}/`).href;
}

/**
 * The image record a Blocks node copies from the media library (the fields Strapi's editor picks),
 * with the page's own alt text: one file can show on several pages, described for each.
 */
function imageRecord(file: UploadedFile, alternativeText: unknown, strapiUrl: string): Record<string, unknown> {
  return {
    name: file.name,
    alternativeText: typeof alternativeText === 'string' ? alternativeText : file.alternativeText,
    url: uploadUrl(file, strapiUrl),
    caption: file.caption,
    width: file.width ?? 0,
    height: file.height ?? 0,
    formats: file.formats,
    hash: file.hash,
    ext: file.ext ?? '',
    mime: file.mime,
    size: file.size,
    previewUrl: file.previewUrl,
    provider: file.provider,
    provider_metadata: file.provider_metadata ?? null,
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
  };
}

/**
 * The page with its images and links to files of the old site pointing at their uploads: an image
 * node takes the media-library record (as if inserted in the editor), a link or resource item the
 * upload's URL. What was not uploaded keeps its old path. Re-validated against the page schema,
 * so what is written is still what Strapi accepts.
 */
export function pointAtUploads(
  document: PageDocument,
  uploads: ReadonlyMap<string, UploadedFile>,
  strapiUrl: string,
): PageDocument {
  const uploadOf = (url: unknown): UploadedFile | undefined => {
    const sitePath = typeof url === 'string' ? mediaSitePath(url) : null;
    return sitePath === null ? undefined : uploads.get(sitePath);
  };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    const record = plainObject(value);
    if (record === null) return value;
    const entries = [...record];
    const image = plainObject(record.get('image'));
    if (record.get('type') === 'image' && image !== null) {
      const file = uploadOf(image.get('url'));
      if (file !== undefined && file.mime.startsWith('image/')) {
        return { ...Object.fromEntries(entries), image: imageRecord(file, image.get('alternativeText'), strapiUrl) };
      }
      return value;
    }
    const url = record.get('url');
    const file = uploadOf(url);
    // A link keeps its #fragment or ?query (`/docs/guide.pdf#page=3`).
    const suffix = typeof url === 'string' ? (/[?#].*$/.exec(url)?.[0] ?? '') : '';
    return Object.fromEntries(
      entries.map(([key, child]) => [
        key,
        key === 'url' && file !== undefined ? `${uploadUrl(file, strapiUrl)}${suffix}` : rewrite(child),
      ]),
    );
  };
  return pageDocumentSchema.parse({ ...document, page: { ...document.page, body: rewrite(document.page.body) } });
}
