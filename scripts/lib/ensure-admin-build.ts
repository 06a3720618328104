import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { filesUnder, inputsKey } from './inputs-key.js';
import { cmsDir, repoRoot } from './paths.js';
import { throwawayEnv } from './throwaway-strapi.js';

const buildDir = path.join(cmsDir, 'dist', 'build');
/** Written beside the bundle once it is built: the key of the inputs it was built from. */
const keyFile = path.join(buildDir, '.inputs-key');

/**
 * What the admin bundle is made from: our admin extensions, the contract they import from
 * (shared/src, all of it: following its imports would be a second bundler), the admin config,
 * the CMS's dependencies and the Strapi version actually installed (a lockfile change can move it).
 */
async function adminInputsKey(): Promise<string> {
  const files = [
    ...(await filesUnder(path.join(cmsDir, 'src', 'admin'))),
    ...(await filesUnder(path.join(repoRoot, 'shared', 'src'))),
    path.join(cmsDir, 'config', 'admin.ts'),
    path.join(cmsDir, 'package.json'),
    path.join(repoRoot, 'node_modules', '@strapi', 'strapi', 'package.json'),
  ];
  return inputsKey(files);
}

/**
 * Builds the Strapi admin panel into cms/dist/build, unless the bundle there was built from the
 * same inputs: a build takes minutes on these machines and most runs change nothing in the admin.
 * The build runs in production mode (what editors get: no development-only guides) with a
 * throwaway environment, since Strapi loads its whole configuration, secrets included, to build.
 */
export async function ensureAdminBuild(log: (line: string) => void): Promise<'reused' | 'built'> {
  const key = await adminInputsKey();
  const existing = await readFile(keyFile, 'utf8').catch(() => '');
  if (existing === key) return 'reused';

  const started = performance.now();
  log('Building the Strapi admin panel (its inputs changed or it was never built; this takes a few minutes)…');
  const dir = await mkdtemp(path.join(tmpdir(), 'lm-admin-build-'));
  try {
    const env = await throwawayEnv(dir, { NODE_ENV: 'production' });
    const result = await execa('strapi', ['build'], {
      cwd: cmsDir,
      env,
      extendEnv: false,
      preferLocal: true,
      all: true,
      reject: false,
    });
    if (result.exitCode !== 0) {
      throw new Error(`The Strapi admin panel did not build (exit ${String(result.exitCode)}):\n${result.all}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await writeFile(keyFile, key);
  log(`Built the Strapi admin panel in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 'built';
}
