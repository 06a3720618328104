import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ImportWarning, PageDocument } from './page-document.js';

/** Extensions of the files a page may reference that belong in the media library. */
export const IMAGE_EXTENSIONS = new Set(['.avif', '.gif', '.jpeg', '.jpg', '.png', '.svg', '.webp']);
const DOCUMENT_EXTENSIONS = new Set([
  ...['.pdf', '.doc', '.docx', '.odt', '.rtf', '.txt'],
  ...['.ppt', '.pptx', '.odp', '.xls', '.xlsx', '.ods', '.csv'],
]);
/** Larger files are left where they are, with a warning: a course page should not hand out 50 MB. */
export const MEDIA_SIZE_LIMIT = 50 * 1024 * 1024;

/** A file of the old site that pages reference, read and hashed before anything is uploaded. */
export interface SiteMediaFile {
  /** The path the pages use, e.g. `/img/outreach/asset-map.png`. */
  sitePath: string;
  absolutePath: string;
  /** sha256 of the content, hex: the key that finds an earlier upload of the same file. */
  sha256: string;
  bytes: number;
  /** The alt text of the first page that shows it as an image (the media library keeps one). */
  alternativeText: string | null;
  /** The pages that reference it, as source files. */
  pages: string[];
}

/** A URL in a page body that may name a file of the old site, and the alt text if it is an image. */
interface Reference {
  url: string;
  alternativeText: string | null;
}

const objectSchema = z.record(z.unknown());

/** The fields of a JSON object, or null for anything else (arrays, strings, null). */
export function plainObject(value: unknown): Map<string, unknown> | null {
  if (Array.isArray(value)) return null;
  const parsed = objectSchema.safeParse(value);
  return parsed.success ? new Map(Object.entries(parsed.data)) : null;
}

/** Every link, image and resource-item URL of a page body, found by shape in the plain JSON. */
export function bodyUrls(value: unknown, found: Reference[] = []): Reference[] {
  if (Array.isArray(value)) {
    for (const entry of value) bodyUrls(entry, found);
    return found;
  }
  const record = plainObject(value);
  if (record === null) return found;
  const url = record.get('url');
  const image = plainObject(record.get('image'));
  if (record.get('type') === 'image' && image !== null) {
    const src = image.get('url');
    const alt = image.get('alternativeText');
    if (typeof src === 'string') found.push({ url: src, alternativeText: typeof alt === 'string' ? alt : null });
  } else if (typeof url === 'string') {
    found.push({ url, alternativeText: null });
  }
  for (const child of record.values()) if (typeof child === 'object') bodyUrls(child, found);
  return found;
}

/** The site path of a file to upload, or null for a page link, an external URL or another file. */
export function mediaSitePath(url: string): string | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const sitePath = url.split(/[?#]/)[0] ?? '';
  const extension = path.posix.extname(sitePath).toLowerCase();
  return IMAGE_EXTENSIONS.has(extension) || DOCUMENT_EXTENSIONS.has(extension) ? sitePath : null;
}

/**
 * Finds the files of the old site that the pages reference (images, PDFs, Word and other office
 * documents under the site root), reads and hashes each once, before anything is uploaded. A file
 * that is missing was already reported by the link rewriting, with its page and line; one outside
 * the site, unreadable or too large gets a warning here and stays a site path.
 */
export async function siteMediaFiles(
  root: string,
  documents: ReadonlyArray<PageDocument>,
): Promise<{ files: SiteMediaFile[]; warnings: ImportWarning[] }> {
  const byPath = new Map<string, { alternativeText: string | null; pages: string[] }>();
  for (const document of documents) {
    for (const reference of bodyUrls(document.page.body)) {
      const sitePath = mediaSitePath(reference.url);
      if (sitePath === null) continue;
      const entry = byPath.get(sitePath) ?? { alternativeText: null, pages: [] };
      entry.alternativeText ??= reference.alternativeText;
      if (!entry.pages.includes(document.file)) entry.pages.push(document.file);
      byPath.set(sitePath, entry);
    }
  }
  const resolvedRoot = path.resolve(root);
  const files: SiteMediaFile[] = [];
  const warnings: ImportWarning[] = [];
  for (const [sitePath, { alternativeText, pages }] of byPath) {
    const absolutePath = path.join(resolvedRoot, sitePath);
    const warn = (problem: string) =>
      warnings.push(...pages.map((file) => ({ file, message: `file ${sitePath} not uploaded: ${problem}` })));
    if (!absolutePath.startsWith(`${resolvedRoot}${path.sep}`)) {
      warn('it lies outside the site folder');
      continue;
    }
    const info = await stat(absolutePath).catch(() => null);
    // Missing: reported already, with the line that names it.
    if (info === null || !info.isFile()) continue;
    if (info.size > MEDIA_SIZE_LIMIT) {
      warn(`it has ${String(info.size)} bytes, over the ${String(MEDIA_SIZE_LIMIT)} the importer uploads; shrink it`);
      continue;
    }
    const content = await readFile(absolutePath);
    const sha256 = createHash('sha256').update(content).digest('hex');
    files.push({ sitePath, absolutePath, sha256, bytes: info.size, alternativeText, pages });
  }
  return { files, warnings };
}
