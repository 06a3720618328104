import { ensureAdminBuild } from '../lib/ensure-admin-build.js';
import { ensureCmsCompiled } from '../lib/ensure-cms-compiled.js';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * What `strapi start` needs before it runs: the CMS compiled to cms/dist and the admin panel bundle,
 * each redone only when its inputs changed (ensure-cms-compiled.ts, ensure-admin-build.ts). Each step prints one line with its duration.
 */
export async function prepareCms(log: (line: string) => void): Promise<void> {
  let started = performance.now();
  let compiled: 'reused' | 'compiled';
  try {
    compiled = await ensureCmsCompiled();
  } catch (error) {
    throw new Error('[start] The CMS did not compile; run `npx tsc -p cms/tsconfig.json` to see why.', {
      cause: error,
    });
  }
  log(
    compiled === 'compiled'
      ? `[start] Compiled the CMS in ${seconds(performance.now() - started)}.`
      : `[start] The CMS is unchanged since it was compiled; reused (${seconds(performance.now() - started)}).`,
  );
  started = performance.now();
  const admin = await ensureAdminBuild((line) => {
    log(`[start] ${line}`);
  });
  if (admin === 'reused') {
    log(`[start] The admin panel is unchanged since its last build; reused (${seconds(performance.now() - started)}).`);
  }
}
