import type { WriteEnv } from '@lm/shared';
import type { ImportWarning, PageDocument } from './page-document.js';
import { pointAtUploads } from './point-at-uploads.js';
import { siteMediaFiles } from './site-media-files.js';
import { uploadMedia } from './upload-media.js';

export interface SiteMediaOptions {
  env: WriteEnv;
  dryRun: boolean;
  log: (line: string) => void;
}

/**
 * Brings the files a site's pages reference into Strapi's media library and points the pages at
 * them. Every file is read and hashed before the first upload; a dry run only looks up earlier
 * uploads. Returns the pages (rewritten where a file is in the library) and warnings naming the
 * pages of files that stay behind.
 */
export async function importSiteMedia(
  root: string,
  documents: PageDocument[],
  { env, dryRun, log }: SiteMediaOptions,
): Promise<{ documents: PageDocument[]; warnings: ImportWarning[] }> {
  const { files, warnings } = await siteMediaFiles(root, documents);
  if (files.length === 0) return { documents, warnings };
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  log(
    `[import] ${root}: ${String(files.length)} files referenced by the pages (${String(Math.ceil(bytes / 1024))} KiB)`,
  );
  const result = await uploadMedia(files, { env, dryRun, log });
  for (const failure of result.failed) {
    warnings.push(
      ...failure.pages.map((file) => ({
        file,
        message: `file ${failure.sitePath} kept as a site path, not uploaded: ${failure.message}`,
      })),
    );
  }
  log(
    `[import] media: ${String(result.uploaded.length)} uploaded, ${String(result.reused.length)} already in the library` +
      (dryRun ? `, ${String(result.pending.length)} would be uploaded` : '') +
      (result.failed.length > 0 ? `, ${String(result.failed.length)} failed` : ''),
  );
  return {
    documents: documents.map((document) => pointAtUploads(document, result.bySitePath, env.STRAPI_URL)),
    warnings,
  };
}
