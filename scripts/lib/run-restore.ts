import { existsSync, statSync } from 'node:fs';
import { backupEnvSchema, parseEnv } from '@lm/shared';
import { readBackupArchive, type BackupArchiveSummary } from './backup-archive.js';
import { runStrapiTransfer } from './run-strapi-transfer.js';

export interface RestoreOptions {
  /** The archive `npm run backup` wrote. */
  file: string;
  /** The target CMS's environment: database, secrets, BACKUP_ENCRYPTION_KEY, STRAPI_URL. */
  env: Record<string, string | undefined>;
  /** Where Strapi's own output goes. */
  logFile: string;
  /** Called after every check passed and before the first write; may refuse by throwing. */
  confirm?: (archive: BackupArchiveSummary) => Promise<void>;
}

/** Whether a Strapi answers at `url` (any HTTP answer counts: something listens there). */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks everything a restore needs before it writes anything (the file, the key, that it is a
 * whole Strapi backup, that no Strapi serves the target), then replaces the target's content and
 * media with the archive's through Strapi's own import. Admin users and API tokens are not in a
 * backup and stay as they are.
 */
export async function runRestore(options: RestoreOptions): Promise<BackupArchiveSummary> {
  const { BACKUP_ENCRYPTION_KEY: key } = parseEnv(backupEnvSchema, options.env, '[restore]');
  const { file } = options;
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new Error(`[restore] ${file} does not exist. Name an archive that \`npm run backup\` wrote.`);
  }
  const archive = await readBackupArchive(file, key);
  const url = options.env.STRAPI_URL?.trim();
  // A running CMS would keep serving and caching the content the import deletes under it.
  if (url && (await answers(url))) {
    throw new Error(
      `[restore] A Strapi answers at ${url}. Stop it first (Ctrl-C where \`npm start\` runs), restore, then start it again.`,
    );
  }
  await options.confirm?.(archive);
  await runStrapiTransfer({
    args: ['import', '--file', file, '--key', key, '--force'],
    env: options.env,
    logFile: options.logFile,
    prefix: '[restore]',
    secrets: [key],
  });
  return archive;
}
