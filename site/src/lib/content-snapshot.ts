import { readFile, stat } from 'node:fs/promises';
import { contentSnapshotSchema, type ContentSnapshot } from '@lm/shared';

let cached: { file: string; version: string; snapshot: Promise<ContentSnapshot> } | undefined;

/**
 * Reads and validates a snapshot file. The three collections load in one build, so the parsed file
 * is kept while the file is unchanged (same path, size and modification time).
 */
export async function readContentSnapshot(file: string): Promise<ContentSnapshot> {
  let version: string;
  try {
    const info = await stat(file);
    version = `${String(info.size)} ${String(info.mtimeMs)}`;
  } catch (error) {
    throw new Error(`[site] SITE_CONTENT_SNAPSHOT names ${file}, which cannot be read. Write one first, or unset it.`, {
      cause: error,
    });
  }
  if (cached?.file === file && cached.version === version) return cached.snapshot;
  const snapshot = readFile(file, 'utf8').then((text) => {
    const parsed = contentSnapshotSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`[site] ${file} is not a content snapshot.`, { cause: parsed.error });
    return parsed.data;
  });
  cached = { file, version, snapshot };
  return snapshot;
}
