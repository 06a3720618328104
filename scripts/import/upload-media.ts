import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { WriteEnv } from '@lm/shared';
import { strapiRequest, StrapiRequestError } from '../lib/strapi-rest-client.js';
import { silentProgress, type ImportProgress } from './import-progress.js';
import type { SiteMediaFile } from './site-media-files.js';

/** A media-library file as the upload API returns it: what a Blocks image node copies. */
export const uploadedFileSchema = z.object({
  id: z.number(),
  name: z.string(),
  alternativeText: z.string().nullable(),
  caption: z.string().nullable(),
  url: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  formats: z.record(z.unknown()).nullable(),
  hash: z.string(),
  ext: z.string().nullable(),
  mime: z.string(),
  size: z.number(),
  previewUrl: z.string().nullable(),
  provider: z.string(),
  provider_metadata: z.unknown().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/** Uploads at once: enough to overlap the network, few enough not to queue behind Strapi's image resizing. */
const CONCURRENCY = 3;

/**
 * The media-library name of a file: its own name with its sha256 before the extension
 * (`asset-map.sha256-3f…9c.png`). The hash goes into the name because the upload API sets only
 * name, alternative text and caption, and of those the name is the one that identifies a file:
 * the caption and alternative text are shown to readers and edited for them. A name stays
 * searchable (`filters[name][$contains]`), so a later import finds the file whatever the editors
 * wrote about it. If an editor renames it, the next import uploads it once more; nothing breaks.
 */
export function mediaName(file: Pick<SiteMediaFile, 'sitePath' | 'sha256'>): string {
  const { name, ext } = path.posix.parse(file.sitePath);
  return `${name}.${hashMark(file.sha256)}${ext}`;
}

const hashMark = (sha256: string): string => `sha256-${sha256}`;

/** The earlier upload of the same content, if any. */
async function findUpload(env: WriteEnv, file: SiteMediaFile): Promise<UploadedFile | null> {
  const query = new URLSearchParams({ 'filters[name][$contains]': hashMark(file.sha256), 'pagination[limit]': '1' });
  const answer = await strapiRequest(env, 'GET', `/api/upload/files?${query.toString()}`, undefined, {
    prefix: '[import]',
  });
  return z.array(uploadedFileSchema).parse(answer)[0] ?? null;
}

async function upload(env: WriteEnv, file: SiteMediaFile): Promise<UploadedFile> {
  const form = new FormData();
  form.append('files', new Blob([await readFile(file.absolutePath)]), path.posix.basename(file.sitePath));
  form.append('fileInfo', JSON.stringify({ name: mediaName(file), alternativeText: file.alternativeText }));
  let response: Response;
  try {
    response = await fetch(`${env.STRAPI_URL}/api/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${env.STRAPI_WRITE_TOKEN}` },
      body: form,
      // Strapi resizes images into its formats before it answers; a slow machine needs time.
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new StrapiRequestError(
      `[import] Cannot upload ${file.sitePath} to Strapi at ${env.STRAPI_URL}. Start it with \`npm start\` or set STRAPI_URL in .env.`,
      undefined,
      { cause: error },
    );
  }
  const text = await response.text();
  if (!response.ok) {
    const hint =
      response.status === 401 || response.status === 403
        ? ' Check STRAPI_WRITE_TOKEN in .env: the importer token must be allowed to upload media (Strapi provisions it so at start).'
        : '';
    throw new StrapiRequestError(
      `[import] Strapi refused the upload of ${file.sitePath} (${String(response.status)} ${text.slice(0, 300)}).${hint}`,
      response.status,
    );
  }
  const [uploaded] = z.array(uploadedFileSchema).parse(JSON.parse(text));
  if (uploaded === undefined) throw new StrapiRequestError(`[import] Strapi stored nothing for ${file.sitePath}.`, 200);
  return uploaded;
}

export interface UploadMediaOptions {
  env: WriteEnv;
  /** Find earlier uploads, upload nothing. */
  dryRun: boolean;
  /** Failures, one line each; the rest is counted in `progress`. */
  log: (line: string) => void;
  progress?: ImportProgress;
}

export interface UploadMediaResult {
  /** The media-library file of each site path: found or uploaded (dry run: found only). */
  bySitePath: Map<string, UploadedFile>;
  uploaded: string[];
  reused: string[];
  /** Would be uploaded: a dry run's list. */
  pending: string[];
  /** One per file that could not be uploaded; its pages keep the old site path. */
  failed: Array<{ sitePath: string; pages: string[]; message: string }>;
}

/**
 * Puts each file into Strapi's media library once: a file whose content an earlier import
 * uploaded (same sha256) is reused, the others are uploaded a few at a time, counted in the
 * uploading phase. A failed upload fails that file only: its pages import with the old path and
 * a warning.
 */
export async function uploadMedia(
  files: ReadonlyArray<SiteMediaFile>,
  { env, dryRun, log, progress = silentProgress() }: UploadMediaOptions,
): Promise<UploadMediaResult> {
  const result: UploadMediaResult = { bySitePath: new Map(), uploaded: [], reused: [], pending: [], failed: [] };
  const handle = async (file: SiteMediaFile): Promise<void> => {
    try {
      const existing = await findUpload(env, file);
      if (existing !== null) {
        result.bySitePath.set(file.sitePath, existing);
        result.reused.push(file.sitePath);
      } else if (dryRun) {
        result.pending.push(file.sitePath);
      } else {
        result.bySitePath.set(file.sitePath, await upload(env, file));
        result.uploaded.push(file.sitePath);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.failed.push({ sitePath: file.sitePath, pages: file.pages, message });
      log(`[import] media ${file.sitePath}: failed: ${message}`);
    }
    progress.advance('uploading');
  };
  // Two paths with the same content (a copy under another name) become one upload.
  const byHash = new Map<string, SiteMediaFile[]>();
  for (const file of files) byHash.set(file.sha256, [...(byHash.get(file.sha256) ?? []), file]);
  const [opening, ...rest] = [...byHash.values()].flatMap((copies) => copies.slice(0, 1));
  progress.start('uploading', byHash.size);
  // The first upload alone: Strapi creates its "API Uploads" folder on the first API upload, and
  // two first uploads at once both try to create it, and one fails (a unique-constraint error).
  if (opening !== undefined) await handle(opening);
  const limit = pLimit(CONCURRENCY);
  await Promise.all(rest.map((file) => limit(() => handle(file))));
  for (const copies of byHash.values()) {
    const [first, ...others] = copies;
    const stored = first === undefined ? undefined : result.bySitePath.get(first.sitePath);
    for (const copy of others) if (stored !== undefined) result.bySitePath.set(copy.sitePath, stored);
  }
  return result;
}
