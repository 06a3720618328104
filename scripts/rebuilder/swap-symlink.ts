import { randomBytes } from 'node:crypto';
import { open, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

/** Prefix of the temporary links `swapSymlink` creates; a leftover one is removed at start. */
export const TEMP_LINK_PREFIX = 'live.tmp';

/**
 * Points the symlink `linkPath` at `target` atomically: a new link is created beside it and renamed
 * over it, so a reader sees either the old target or the new one, never a missing link (which is
 * what `ln -sfn`, unlinking first, can show). `target` is stored as given, relative to the link's
 * folder, so the releases folder can move. The folder is synced so the swap survives a power cut.
 */
export async function swapSymlink(linkPath: string, target: string): Promise<void> {
  const dir = path.dirname(linkPath);
  const temporary = path.join(dir, `${TEMP_LINK_PREFIX}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await symlink(target, temporary);
  try {
    await rename(temporary, linkPath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
