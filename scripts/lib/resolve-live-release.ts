import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The folder to serve, or why there is none. */
export type LiveRelease =
  | { kind: 'folder'; dir: string }
  /** Nothing is live yet (no link, or it points at nothing). */
  | { kind: 'none' }
  /** The link points somewhere other than a folder beside it: refused, never served. */
  | { kind: 'outside'; target: string };

/**
 * Resolves the folder to serve. `live` may be a real folder, or a symlink (the rebuild service's
 * `live`), which is the only link ever followed: it must point at a folder in the same folder as
 * itself (a release under RELEASES_DIR), so a link swapped to `/` or elsewhere serves nothing.
 */
export async function resolveLiveRelease(live: string): Promise<LiveRelease> {
  let target: string;
  let parent: string;
  let isLink: boolean;
  try {
    [target, parent, isLink] = await Promise.all([
      realpath(live),
      realpath(path.dirname(live)),
      lstat(live).then((info) => info.isSymbolicLink()),
    ]);
    if (!(await stat(target)).isDirectory()) return { kind: 'none' };
  } catch {
    return { kind: 'none' };
  }
  if (isLink && path.dirname(target) !== parent) return { kind: 'outside', target };
  return { kind: 'folder', dir: target };
}
