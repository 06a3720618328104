import { lstat, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REDIRECT_MAP_FILE, redirectMapSchema } from '@lm/shared';
import { resolveLiveRelease } from '../lib/resolve-live-release.js';
import { RELEASE_META_FILE } from '../rebuilder/release-meta.js';
import { copyDereferenced } from './copy-dereferenced.js';
import { exportReadme, EXPORT_README_FILE } from './export-readme.js';
import { PORTABLE_REDIRECTS_FILE, portableRedirects } from './portable-redirects.js';

/** The rebuild service's bookkeeping inside a release: not part of the site, not exported. */
const INTERNAL_FILES = new Set([RELEASE_META_FILE, '.render-manifest.json']);

export interface ExportOptions {
  /** RELEASES_DIR: its `live` link names the release to export. */
  releasesDir: string;
  /** The folder to write; created, or replaced when `force` is set. */
  target: string;
  /** Replace a target that holds anything. */
  force: boolean;
}

export interface ExportResult {
  release: string;
  files: number;
  bytes: number;
  redirects: number;
}

/**
 * Writes the live release as a folder any static host can serve: every file a plain copy (links
 * dereferenced), the precompressed siblings, the 404 page, the redirects as `_redirects` (Netlify,
 * Cloudflare Pages) beside the nginx map and `redirects.json`, and a README saying what is there.
 * It is written into a sibling folder first and renamed into place, so a failure leaves no
 * half-written export and a running copy of the target is never mixed with the new one.
 */
export async function exportRelease(options: ExportOptions): Promise<ExportResult> {
  const live = await resolveLiveRelease(path.join(options.releasesDir, 'live'));
  if (live.kind === 'none') {
    throw new Error(
      `[export] No release is live in ${options.releasesDir}: there is nothing to export. Build one first ` +
        '(`npm start`, or `npm run rebuilder` with Strapi running), or set RELEASES_DIR to where the releases are.',
    );
  }
  if (live.kind === 'outside') {
    throw new Error(
      `[export] ${options.releasesDir}/live points at ${live.target}, outside the releases folder, so it is not ` +
        'exported. Point it at a release beside it (the rebuild service does), or roll back.',
    );
  }
  const target = path.resolve(options.target);
  await checkTarget(target, options.force);
  await requireFile(live.dir, '404.html');
  await requireFile(live.dir, 'index.html');

  const staging = `${target}.export-${process.pid}-${Date.now()}`;
  try {
    const copied = await copyDereferenced(live.dir, staging, INTERNAL_FILES);
    const redirects = await readRedirects(live.dir);
    await writeFile(path.join(staging, PORTABLE_REDIRECTS_FILE), portableRedirects(redirects));
    const release = path.basename(live.dir);
    const redirectCount = Object.keys(redirects).length;
    await writeFile(
      path.join(staging, EXPORT_README_FILE),
      exportReadme({ release, files: copied.files.length, redirects: redirectCount }),
    );
    if (options.force) await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    return { release, files: copied.files.length, bytes: copied.bytes, redirects: redirectCount };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function checkTarget(target: string, force: boolean): Promise<void> {
  const info = await lstat(target).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) {
    throw new Error(`[export] ${target} exists and is not a folder; name a new or empty folder.`);
  }
  if (!force && (await readdir(target)).length > 0) {
    throw new Error(
      `[export] ${target} is not empty, and the export would replace what it holds. Name a new or empty ` +
        'folder, or add --force to replace its contents.',
    );
  }
}

async function requireFile(dir: string, name: string): Promise<void> {
  const info = await lstat(path.join(dir, name)).catch(() => null);
  if (!info?.isFile()) {
    throw new Error(`[export] The live release ${dir} has no ${name}, so it is not exported: rebuild it.`);
  }
}

/** The release's redirects; a release built before redirects existed has none. */
async function readRedirects(dir: string): Promise<Record<string, string>> {
  const file = path.join(dir, REDIRECT_MAP_FILE);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return {};
  const parsed = redirectMapSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`[export] ${file} is not a valid redirect map (${parsed.error.message}); rebuild the release.`, {
      cause: parsed.error,
    });
  }
  return parsed.data.redirects;
}
