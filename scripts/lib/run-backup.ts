import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupEnvSchema, parseEnv } from '@lm/shared';
import { readBackupArchive, type BackupArchiveSummary } from './backup-archive.js';
import { runStrapiTransfer } from './run-strapi-transfer.js';

/** What Strapi appends to the name it is given: a gzip-compressed, encrypted tar. */
export const ARCHIVE_EXTENSION = '.tar.gz.enc';

/**
 * Where a backup goes: `requested` (relative to `cwd`, with or without the extension), or a
 * file named after the time under `defaultDir`. Always ends in {@link ARCHIVE_EXTENSION}, since
 * `strapi import` tells encryption and compression from the name.
 */
export function archivePath(
  requested: string | undefined,
  options: { cwd: string; defaultDir: string; now: Date },
): string {
  if (requested) {
    const absolute = path.resolve(options.cwd, requested);
    return absolute.endsWith(ARCHIVE_EXTENSION) ? absolute : `${absolute}${ARCHIVE_EXTENSION}`;
  }
  // 2026-11-30T13-14-15Z: sorts by time and holds no colon, which some file systems refuse.
  const stamp = options.now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return path.join(options.defaultDir, `backup-${stamp}${ARCHIVE_EXTENSION}`);
}

export interface BackupOptions {
  /** The archive to write; see {@link archivePath}. Refused when it exists. */
  file: string;
  /** The CMS's environment: database, secrets, BACKUP_ENCRYPTION_KEY. */
  env: Record<string, string | undefined>;
  /** Where Strapi's own output goes. */
  logFile: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  archive: BackupArchiveSummary;
}

/**
 * Exports content and media with Strapi's data transfer, encrypted with BACKUP_ENCRYPTION_KEY,
 * into a hidden file beside the target that is renamed into place only after it was read back
 * with the key: a failed or interrupted backup never leaves a file that looks like one.
 */
export async function runBackup(options: BackupOptions): Promise<BackupResult> {
  const { BACKUP_ENCRYPTION_KEY: key } = parseEnv(backupEnvSchema, options.env, '[backup]');
  const { file } = options;
  if (!file.endsWith(ARCHIVE_EXTENSION)) throw new Error(`[backup] ${file} must end in ${ARCHIVE_EXTENSION}.`);
  if (existsSync(file)) {
    throw new Error(`[backup] ${file} exists already. Name another file, or move that one away first.`);
  }
  await mkdir(path.dirname(file), { recursive: true });
  const partialBase = path.join(path.dirname(file), `.${path.basename(file, ARCHIVE_EXTENSION)}.partial`);
  const partial = `${partialBase}${ARCHIVE_EXTENSION}`;
  await rm(partial, { force: true });
  try {
    await runStrapiTransfer({
      args: ['export', '--file', partialBase, '--key', key],
      env: options.env,
      logFile: options.logFile,
      prefix: '[backup]',
      secrets: [key],
    });
    const archive = await readBackupArchive(partial, key).catch((error: unknown) => {
      throw new Error(`[backup] Strapi wrote ${partial}, but it does not read back with the key.`, { cause: error });
    });
    // Only its owner may read it: the key is all that protects it, and it may lie beside .env.
    await chmod(partial, 0o600);
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, archive };
  } finally {
    await rm(partial, { force: true });
  }
}
