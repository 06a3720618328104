import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { filesUnder, inputsKey } from './inputs-key.js';
import { cmsDir, repoRoot } from './paths.js';

const distDir = path.join(cmsDir, 'dist');
/** Written after a compile: the key of the sources it compiled. */
const keyFile = path.join(distDir, '.sources-key');

/**
 * What cms/dist is compiled from: the CMS's code and configuration, its TypeScript settings, and
 * the contract it imports (shared/src, whose types the compile checks).
 */
async function cmsSourcesKey(): Promise<string> {
  const files = [
    ...(await filesUnder(path.join(cmsDir, 'src'))).filter((file) => !file.includes(`${path.sep}admin${path.sep}`)),
    ...(await filesUnder(path.join(cmsDir, 'config'))),
    ...(await filesUnder(path.join(repoRoot, 'shared', 'src'))),
    path.join(cmsDir, 'tsconfig.json'),
    path.join(cmsDir, 'package.json'),
  ];
  return inputsKey(files);
}

/**
 * Compiles the CMS (TypeScript to cms/dist), which `strapi start` runs, and records what it
 * compiled: every compile goes through here, so the record never names sources that dist is not
 * built from.
 */
export async function compileCms(): Promise<void> {
  const key = await cmsSourcesKey();
  await rm(keyFile, { force: true });
  await execa('tsc', ['-p', 'tsconfig.json'], { cwd: cmsDir, preferLocal: true });
  await writeFile(keyFile, key);
}

/**
 * Compiles the CMS to cms/dist for `strapi start`, unless it was compiled from the same sources
 * (type-checking Strapi's types takes half a minute on a busy machine, even incrementally).
 */
export async function ensureCmsCompiled(): Promise<'reused' | 'compiled'> {
  const key = await cmsSourcesKey();
  const existing = await readFile(keyFile, 'utf8').catch(() => '');
  if (existing === key && existsSync(path.join(distDir, 'config'))) return 'reused';
  await compileCms();
  return 'compiled';
}
