import path from 'node:path';
import { execa } from 'execa';
import { siteDir } from '../lib/paths.js';

const snapshotMain = path.join(siteDir, 'src', 'lib', 'write-content-snapshot-main.ts');

/**
 * Writes the published content of the Strapi that `env` names to `file`, with the site's own
 * loaders' sources (site/src/lib/write-content-snapshot.ts), in a process of its own as the build
 * runs them. Returns how long it took.
 */
export async function writeSnapshot(env: Record<string, string | undefined>, file: string): Promise<number> {
  const started = performance.now();
  const result = await execa(process.execPath, ['--import', 'tsx', snapshotMain, file], {
    cwd: siteDir,
    env,
    extendEnv: false,
    all: true,
    reject: false,
  });
  if (result.exitCode !== 0) throw new Error(`[bench] Writing the content snapshot failed:\n${result.all}`);
  console.log(`[bench] ${result.all.trim()}`);
  return Math.round(performance.now() - started);
}
