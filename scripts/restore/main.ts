import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { cmsEnv } from '../lib/cms-env.js';
import { describeDatabase } from '../lib/describe-database.js';
import { cmsDir, repoRoot } from '../lib/paths.js';
import { runRestore } from '../lib/run-restore.js';

const USAGE = 'Usage: npm run restore -- <file> [--yes]';
const logFile = path.join(repoRoot, 'logs', 'restore.log');

/** Asks on the terminal; anything but "yes" refuses. */
async function askYes(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await terminal.question(question)).trim().toLowerCase() === 'yes';
  } finally {
    terminal.close();
  }
}

/**
 * `npm run restore -- <file>`: replaces the content and media of the CMS in `.env` with a backup's.
 * Everything is checked before the first write; then it asks on a terminal, and without one it
 * needs --yes, since a restore deletes what the database holds now.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const yes = args.includes('--yes');
  const files = args.filter((arg) => arg !== '--yes');
  const [given] = files;
  if (!given || files.length > 1 || given.startsWith('-')) throw new Error(`[restore] ${USAGE}`);
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const file = path.resolve(cwd, given);
  const env = cmsEnv();
  const target = describeDatabase(env, cmsDir);
  const started = performance.now();
  const archive = await runRestore({
    file,
    env,
    logFile,
    confirm: async (found) => {
      console.log(
        `[restore] ${given}: a backup made ${found.createdAt} by Strapi ${found.strapiVersion}; the key fits.`,
      );
      console.log(`[restore] This REPLACES all content and media in the ${target} with the backup's.`);
      console.log('[restore] Admin users and API tokens are not in backups and stay as they are.');
      if (yes) return;
      if (!process.stdin.isTTY) {
        throw new Error('[restore] Nothing was changed. Add --yes to restore without a terminal to confirm on.');
      }
      if (!(await askYes('[restore] Type "yes" to replace it: '))) throw new Error('[restore] Nothing was changed.');
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const media = archive.mediaFiles;
  console.log(
    `[restore] Restored ${given} into the ${target} in ${seconds} s (Strapi's output: ${path.relative(cwd, logFile)}).`,
  );
  console.log(`[restore]   ${String(media)} media file${media === 1 ? '' : 's'} restored.`);
  console.log(
    '[restore] Start Strapi again (`npm start`); the rebuild service sees the changed content and rebuilds the site.',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
