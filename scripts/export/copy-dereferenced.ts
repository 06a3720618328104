import { copyFile, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** What copyDereferenced wrote, for the export's manifest. */
export interface CopyResult {
  /** Files written, as paths relative to the target with forward slashes. */
  files: string[];
  bytes: number;
}

/**
 * Copies a release folder into `to` as plain files and folders: a symlink is replaced by what it
 * points at, so a static host (which may not follow links, or may follow them anywhere) gets the
 * same bytes the release served. A link whose target lies outside the release is refused, since
 * following it would copy something that was never part of the site. `skip` names entries, relative
 * to the release, left out (the rebuild service's bookkeeping).
 */
export async function copyDereferenced(from: string, to: string, skip: ReadonlySet<string>): Promise<CopyResult> {
  const root = await realpath(from);
  const result: CopyResult = { files: [], bytes: 0 };
  await copyFolder(root, root, to, '', skip, result);
  return result;
}

async function copyFolder(
  root: string,
  source: string,
  target: string,
  relative: string,
  skip: ReadonlySet<string>,
  result: CopyResult,
): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(source, { withFileTypes: true })) {
    const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (skip.has(name)) continue;
    const real = await realpath(path.join(source, entry.name));
    if (real !== root && !real.startsWith(`${root}${path.sep}`)) {
      throw new Error(
        `[export] ${name} in the release is a link to ${real}, outside the release, so it is not copied. ` +
          'A release holds only its own files: rebuild it, or remove the link from the release.',
      );
    }
    const info = await stat(real);
    if (info.isDirectory()) {
      await copyFolder(root, real, path.join(target, entry.name), name, skip, result);
    } else if (info.isFile()) {
      await copyFile(real, path.join(target, entry.name));
      result.files.push(name);
      result.bytes += info.size;
    } else {
      throw new Error(`[export] ${name} in the release is not a file or folder (a socket or device?); remove it.`);
    }
  }
}
