import path from 'node:path';
import { formatBytes } from '../import/size-limits.js';
import { cmsEnv } from '../lib/cms-env.js';
import { describeDatabase } from '../lib/describe-database.js';
import { cmsDir, repoRoot } from '../lib/paths.js';
import { archivePath, runBackup } from '../lib/run-backup.js';

const USAGE = 'Usage: npm run backup [-- <file>]   (default: backups/backup-<time>.tar.gz.enc)';
const logFile = path.join(repoRoot, 'logs', 'backup.log');

/**
 * `npm run backup`: content and media of the CMS in `.env`, through Strapi's own export, into one
 * archive encrypted with BACKUP_ENCRYPTION_KEY. Prints what it reads, where the archive went, its
 * size and how long it took; Strapi's own output goes to logs/backup.log.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) throw new Error(`[backup] ${USAGE}`);
  const env = cmsEnv();
  // npm runs scripts in the repository's folder; a relative path means the caller's folder.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const file = archivePath(args[0], { cwd, defaultDir: path.join(repoRoot, 'backups'), now: new Date() });
  const started = performance.now();
  console.log(`[backup] Exporting content and media from the ${describeDatabase(env, cmsDir)}…`);
  const result = await runBackup({ file, env, logFile });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const assets = result.archive.mediaFiles;
  console.log(`[backup] Wrote ${path.relative(cwd, result.file) || result.file}`);
  console.log(
    `[backup]   ${formatBytes(result.bytes)}, ${String(assets)} media file${assets === 1 ? '' : 's'}, in ${seconds} s (Strapi's output: ${path.relative(cwd, logFile)}).`,
  );
  console.log('[backup] Restore it with `npm run restore -- <file>`; it needs the same BACKUP_ENCRYPTION_KEY.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
