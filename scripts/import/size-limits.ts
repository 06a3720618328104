import { ImportError } from './import-error.js';

/** How large one page may be on its way into Strapi; over a limit, nothing of the file is written. */
export interface SizeLimits {
  /** Bytes of one Markdown source file, checked with stat before the file is read. */
  sourceBytes: number;
  /** Bytes of one write request's JSON body (`{"data": …}`), checked before the first write. */
  payloadBytes: number;
}

/**
 * Strapi's `strapi::body` middleware (cms/config/middlewares.ts) sets no `jsonLimit`, so koa-body's
 * default `'1mb'` applies: a JSON body of 1,048,576 bytes is accepted, one byte more answers 413.
 * Change this together with `jsonLimit` if the CMS ever raises it.
 */
export const STRAPI_JSON_LIMIT_BYTES = 1024 * 1024;

/**
 * The source limit equals Strapi's body limit: a page's Blocks JSON carries all of its text plus
 * structure, so it is larger than its Markdown (1.2 times for the real fixture, 2.7 times for
 * markup-dense prose), and a source over 1 MiB cannot make a write Strapi accepts. Refusing it
 * before reading keeps the importer's memory low: parsing takes hundreds of bytes of memory per
 * source byte (a 20 MB page took 4 GB and six minutes, only for Strapi to refuse it).
 */
export const DEFAULT_SIZE_LIMITS: SizeLimits = {
  sourceBytes: STRAPI_JSON_LIMIT_BYTES,
  payloadBytes: STRAPI_JSON_LIMIT_BYTES,
};

/** "20 MiB (20,971,747 bytes)": readable, and exact enough to compare with a limit. */
export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['MiB', 1024 * 1024],
    ['KiB', 1024],
  ];
  const [unit, size] = units.find(([, unitSize]) => bytes >= unitSize) ?? ['bytes', 1];
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  return unit === 'bytes' ? exact : `${Number((bytes / size).toFixed(1))} ${unit} (${exact})`;
}

/** The error for a source file of `bytes` over `limit`, or null when it fits. */
export function sourceSizeError(file: string, bytes: number, limit: number): ImportError | null {
  if (bytes <= limit) return null;
  return new ImportError(
    file,
    `is ${formatBytes(bytes)}, over the ${formatBytes(limit)} limit for one page's source; split it into smaller pages, one Markdown file each with its own "subsection", and import again. Nothing of this file was written`,
  );
}

/** How to make an entity of `collection` smaller. */
const SHRINK: Record<string, string> = {
  pages: 'split the page into smaller pages, one Markdown file each with its own "subsection"',
  sections: "shorten the section's learning outcomes",
  modules: "shorten the module's title",
};

/**
 * What is wrong with a write of `label` (e.g. "page partnerships/two-zero") whose JSON body is
 * `bytes`, and how to fix it; null when it fits within `limit`.
 */
export function payloadSizeProblem(collection: string, label: string, bytes: number, limit: number): string | null {
  if (bytes <= limit) return null;
  return `${label} would be sent to Strapi as ${formatBytes(bytes)} of JSON, over the ${formatBytes(limit)} one write may hold; ${SHRINK[collection] ?? 'make it smaller'}, and import again`;
}

/** {@link payloadSizeProblem} as the error of `file`, found before anything was written. */
export function payloadSizeError(
  file: string,
  collection: string,
  label: string,
  bytes: number,
  limit: number,
): ImportError | null {
  const problem = payloadSizeProblem(collection, label, bytes, limit);
  return problem === null ? null : new ImportError(file, `${problem}. Nothing of this file was written`);
}

/** Bytes of the JSON body a write of `data` sends, serialized exactly as the REST client does. */
export function payloadBytes(data: Record<string, unknown>): number {
  return Buffer.byteLength(JSON.stringify({ data }), 'utf8');
}
