import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** What readdir's entries offer that this needs. */
interface Entry {
  name: string;
  parentPath: string;
  isFile: () => boolean;
  isDirectory: () => boolean;
}

/**
 * The first entry that is not a plain file or folder (a symlink above all; also a FIFO, socket or
 * device), as a path relative to `root`, or null. A release holds only files and folders: a link
 * in one could make a later copy or the site server reach outside it.
 */
export function findOddEntry(root: string, entries: readonly Entry[]): string | null {
  const odd = entries.find((entry) => !entry.isFile() && !entry.isDirectory());
  return odd ? path.relative(root, path.join(odd.parentPath, odd.name)) : null;
}

/** findOddEntry over a whole folder tree (readdir does not follow links, so none is entered). */
export async function findLink(root: string): Promise<string | null> {
  return findOddEntry(root, await readdir(root, { recursive: true, withFileTypes: true }));
}
