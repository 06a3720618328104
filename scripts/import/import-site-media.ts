import type { WriteEnv } from '@lm/shared';
import type { ImportProgress } from './import-progress.js';
import type { ImportWarning } from './page-document.js';
import type { SiteMediaFile } from './site-media-files.js';
import { uploadMedia, type UploadedFile } from './upload-media.js';

export interface SiteMediaOptions {
  env: WriteEnv;
  dryRun: boolean;
  log: (line: string) => void;
  progress?: ImportProgress;
}

/**
 * Brings the given files (read and hashed already) into Strapi's media library; a dry run only
 * looks up earlier uploads. The caller passes only the files of pages that passed the plan's
 * checks, so a refused page leaves no upload behind. Returns the library record of each site
 * path that is there, and warnings naming the pages of files that stay behind.
 */
export async function importSiteMedia(
  files: ReadonlyArray<SiteMediaFile>,
  { env, dryRun, log, progress }: SiteMediaOptions,
): Promise<{ bySitePath: Map<string, UploadedFile>; warnings: ImportWarning[] }> {
  if (files.length === 0) return { bySitePath: new Map(), warnings: [] };
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  log(`[import] ${String(files.length)} files referenced by the pages (${String(Math.ceil(bytes / 1024))} KiB)`);
  const result = await uploadMedia(files, { env, dryRun, log, progress });
  const warnings = result.failed.flatMap((failure) =>
    failure.pages.map((file) => ({
      file,
      message: `file ${failure.sitePath} kept as a site path, not uploaded: ${failure.message}`,
    })),
  );
  log(
    `[import] media: ${String(result.uploaded.length)} uploaded, ${String(result.reused.length)} already in the library` +
      (dryRun ? `, ${String(result.pending.length)} would be uploaded` : '') +
      (result.failed.length > 0 ? `, ${String(result.failed.length)} failed` : ''),
  );
  return { bySitePath: result.bySitePath, warnings };
}
