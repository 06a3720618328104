import { lstat } from 'node:fs/promises';
import path from 'node:path';

type EntryKind = 'file' | 'folder' | 'other';

/**
 * What a name inside the release is, without following a symlink: a link (to a file, a folder or
 * outside the release) is 'other', as are sockets, devices and names the system refuses.
 */
async function kindOf(root: string, names: readonly string[]): Promise<EntryKind> {
  try {
    const info = await lstat(path.join(root, ...names));
    if (info.isSymbolicLink()) return 'other';
    if (info.isFile()) return 'file';
    return info.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * Finds the regular file a request names inside a release folder (`root`, already resolved), in
 * this order: the name itself, then `name/index.html`, then `name.html`. A folder's index comes
 * before `name.html` because the site's pages are folders (`/modules/a/b/`), while a `b.html`
 * beside one is the static redirect page of an old address (see site/src/pages/[...legacy].ts),
 * which must never stand in for the page it points to. Every folder on the way and the file itself are checked with lstat, so a
 * symlink planted anywhere inside the release is never followed: such a path is not found.
 * Returns the file's names from `root` down, or null.
 */
export async function findReleaseFile(root: string, segments: readonly string[]): Promise<string[] | null> {
  for (let depth = 1; depth < segments.length; depth += 1) {
    if ((await kindOf(root, segments.slice(0, depth))) !== 'folder') return null;
  }
  const last = segments.at(-1);
  if (last === undefined) return (await kindOf(root, ['index.html'])) === 'file' ? ['index.html'] : null;
  const kind = await kindOf(root, segments);
  if (kind === 'file') return [...segments];
  const index = [...segments, 'index.html'];
  if (kind === 'folder' && (await kindOf(root, index)) === 'file') return index;
  const withExtension = [...segments.slice(0, -1), `${last}.html`];
  return (await kindOf(root, withExtension)) === 'file' ? withExtension : null;
}
