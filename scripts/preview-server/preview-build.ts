import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { repoRoot } from '../lib/paths.js';

export const previewRoot = path.join(repoRoot, 'site', 'preview');
/** The built request handler, and the client files served beside it. */
export const previewEntry = path.join(previewRoot, 'dist', 'server', 'entry.mjs');
export const previewClientDir = path.join(previewRoot, 'dist', 'client');
export const sitePublicDir = path.join(repoRoot, 'site', 'public');

/** What the preview is built from: its own files, the public site's pages and components it renders, the contract, the packages. */
const INPUTS = [
  'site/preview/astro.config.mjs',
  'site/preview/src',
  'site/preview/public',
  'site/src',
  'site/package.json',
  'shared/src',
  'package-lock.json',
  // How it is built (the environment of the build) is decided here.
  'scripts/preview-server/preview-build.ts',
];

async function newestMtime(relative: string): Promise<number> {
  const full = path.join(repoRoot, relative);
  const own = await stat(full).catch(() => undefined);
  if (!own) return 0;
  if (!own.isDirectory()) return own.mtimeMs;
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).mtimeMs),
  );
  return Math.max(own.mtimeMs, ...times);
}

/**
 * Whether the built preview is missing or older than any of its inputs. Only file times are read
 * (a few hundred stat calls, milliseconds), so `npm start` can ask at every start.
 */
export async function previewBuildIsStale(): Promise<boolean> {
  const built = await stat(previewEntry).catch(() => undefined);
  if (!built) return true;
  const newest = Math.max(...(await Promise.all(INPUTS.map(newestMtime))));
  return newest > built.mtimeMs;
}

/**
 * Builds the preview server's Astro project (site/preview) into site/preview/dist. Its own root,
 * cache and output folder: the public site's build, its content cache and its releases are not
 * touched. `log` gets Astro's output lines.
 */
export async function buildPreview(log: (line: string) => void): Promise<void> {
  const result = await execa('astro', ['build', '--root', previewRoot], {
    cwd: repoRoot,
    preferLocal: true,
    all: true,
    reject: false,
    // A production build whatever the caller's NODE_ENV (npm start runs Strapi in development):
    // development builds of React and Astro's island script are bigger and differ from the public site's.
    env: { ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  for (const line of result.all.split('\n').filter(Boolean)) log(line);
  if (result.exitCode !== 0) {
    throw new Error(`[preview] Building the preview (astro build --root site/preview) failed; its output is above.`, {
      cause: result,
    });
  }
}

/** Builds the preview when `previewBuildIsStale`; says whether it did. */
export async function ensurePreviewBuilt(log: (line: string) => void): Promise<boolean> {
  if (!(await previewBuildIsStale())) return false;
  await buildPreview(log);
  return true;
}
