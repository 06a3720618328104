import { createReadStream } from 'node:fs';
import { createDecipheriv, scryptSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { TarEntries } from './tar-entries.js';

/** What Strapi's export writes into metadata.json; only the fields shown to people. */
/** JSON.parse that answers undefined for text that is not JSON, so the schema reports it. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const metadataSchema = z.object({
  createdAt: z.string(),
  strapi: z.object({ version: z.string() }).passthrough(),
});

export interface BackupArchiveSummary {
  /** When Strapi wrote the archive (ISO time). */
  createdAt: string;
  /** The Strapi version that wrote it. */
  strapiVersion: string;
  /** Files per top folder of the archive (entities, links, assets, configuration, schemas). */
  files: Record<string, number>;
  /** Media files (each upload and each of its resized formats); assets/ also holds their metadata. */
  mediaFiles: number;
}

/**
 * The decipher Strapi's data transfer uses for `--key` (aes-128-ecb, key from scrypt with an empty
 * salt; see @strapi/data-transfer's utils/encryption), so an archive can be checked without Strapi.
 */
export function strapiDecipher(key: string) {
  return createDecipheriv('aes-128-ecb', scryptSync(key, '', 16), null);
}

/**
 * Reads a whole archive written by `strapi export --key`: decrypts, decompresses and walks its tar
 * entries to the end, so a wrong key, a truncated file or a file that is not a backup is found
 * before a restore deletes anything. The cipher has no integrity check of its own; its padding,
 * gzip's checksum and the tar structure serve as one.
 */
export async function readBackupArchive(file: string, key: string): Promise<BackupArchiveSummary> {
  const tar = new TarEntries((name) => name === 'metadata.json');
  try {
    await pipeline(
      createReadStream(file),
      strapiDecipher(key),
      createGunzip(),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          try {
            tar.push(chunk);
            done();
          } catch (error) {
            done(error instanceof Error ? error : new Error(String(error)));
          }
        },
      }),
    );
    tar.end();
  } catch (error) {
    throw new Error(
      `[restore] ${file} cannot be read with BACKUP_ENCRYPTION_KEY: the key is not the one it was made with, or the file is not a whole backup. Set the key the backup was made with in .env (or the environment) and try again.`,
      { cause: error },
    );
  }
  const metadata = tar.files.find((entry) => entry.name === 'metadata.json')?.content;
  const parsed = metadataSchema.safeParse(metadata ? parseJson(metadata.toString('utf8')) : undefined);
  if (!parsed.success) {
    throw new Error(`[restore] ${file} decrypts but is not a Strapi backup (no readable metadata.json).`, {
      cause: parsed.error,
    });
  }
  const files: Record<string, number> = {};
  for (const entry of tar.files) {
    const top = entry.name.split('/')[0] ?? entry.name;
    files[top] = (files[top] ?? 0) + 1;
  }
  return {
    createdAt: parsed.data.createdAt,
    strapiVersion: parsed.data.strapi.version,
    files,
    mediaFiles: tar.files.filter((entry) => entry.name.startsWith('assets/uploads/')).length,
  };
}
