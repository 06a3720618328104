import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from './import-error.js';

const MARKDOWN = /\.(md|markdown)$/i;

/**
 * Expands the paths given on the command line into Markdown files, folders recursively, in a
 * stable order. A path that does not exist becomes an error naming it, not a crash.
 */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; errors: ImportError[] }> {
  const files: string[] = [];
  const errors: ImportError[] = [];
  const visit = async (target: string): Promise<void> => {
    let info;
    try {
      info = await stat(target);
    } catch (error) {
      errors.push(
        new ImportError(target, 'cannot be read (no such file or folder?); check the path', { cause: error }),
      );
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(target)).sort();
      for (const entry of entries) {
        const child = path.join(target, entry);
        if (MARKDOWN.test(entry) || (await stat(child)).isDirectory()) await visit(child);
      }
    } else {
      files.push(target);
    }
  };
  for (const target of paths) await visit(target);
  return { files: [...new Set(files)], errors };
}
