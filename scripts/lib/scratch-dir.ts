import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { siteDir } from './paths.js';

/** Working folders of builds: inside the site, so that its packages resolve from there. */
const scratchRoot = path.join(siteDir, 'node_modules', '.lm-builds');

/**
 * Runs `task` with a new, empty working folder for an Astro build, removed afterwards.
 *
 * When the output folder is outside the working folder (our releases and temp folders always
 * are), Astro writes its server bundle (the code that renders the pages) to `.astro/` in the
 * working folder, and copies files from there into the output (see serverBundleDir in
 * site/integrations/astro-internals.ts). From the site's own folder that is the site's `.astro/`,
 * which also holds Astro's generated content modules and schemas: they ended up on the public
 * site. And Node caches every module it imports by path, so a warm worker building from a fixed
 * folder would run, for a bundle whose file names came out as in an earlier build, the modules
 * already loaded, with that build's content cached in them (content-graph.ts keeps the graph in a
 * module variable). A new folder per build means every build imports its server bundle anew: no
 * module of the site is reused from one build to the next. tests/integration/incremental-build.test.ts
 * builds twice in a row in one worker with the content changed in between, and the second build
 * renders the change.
 */
export async function withScratchDir<T>(task: (dir: string) => Promise<T>): Promise<T> {
  const dir = path.join(scratchRoot, `${String(process.pid)}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  try {
    return await task(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes the working folders of builds whose process is gone (killed mid-build). */
export async function removeStaleScratchDirs(): Promise<void> {
  const names = await readdir(scratchRoot).catch(() => []);
  for (const name of names) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || !isAlive(pid))
      await rm(path.join(scratchRoot, name), { recursive: true, force: true });
  }
}
