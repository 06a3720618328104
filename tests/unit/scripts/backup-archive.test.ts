import { createCipheriv, scryptSync } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readBackupArchive } from '../../../scripts/lib/backup-archive.js';
import { TarEntries } from '../../../scripts/lib/tar-entries.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A ustar header for a regular file, as `tar` writes one (checksum left blank: nothing here reads it). */
function header(name: string, size: number): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 'utf8');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  return block;
}

/** A tar stream of `files`, each padded to whole blocks, with the two zero blocks that end it. */
function tar(files: Array<[string, string | Buffer]>): Buffer {
  const parts = files.flatMap(([name, content]) => {
    const bytes = Buffer.from(content);
    return [header(name, bytes.length), bytes, Buffer.alloc((512 - (bytes.length % 512)) % 512)];
  });
  return Buffer.concat([...parts, Buffer.alloc(1024)]);
}

/** Encrypts as Strapi's data transfer does for `--key` (aes-128-ecb, scrypt with an empty salt). */
function encrypt(data: Buffer, key: string): Buffer {
  const cipher = createCipheriv('aes-128-ecb', scryptSync(key, '', 16), null);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

const metadata = JSON.stringify({ createdAt: '2026-11-30T13:14:15.093Z', strapi: { version: '5.54.0' } });
const files: Array<[string, string | Buffer]> = [
  ['metadata.json', metadata],
  ['entities/entities_00001.jsonl', '{"type":"api::page.page"}\n'.repeat(40)],
  ['assets/uploads/map.png', Buffer.alloc(1500, 7)],
  ['assets/metadata/map.png.json', '{}'],
];
const KEY = 'a-key-of-thirty-two-characters-or-more';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function archiveFile(bytes: Buffer): Promise<string> {
  const dir = await tempDir('archive');
  dirs.push(dir);
  const file = path.join(dir, 'backup.tar.gz.enc');
  await writeFile(file, bytes);
  return file;
}

describe('TarEntries', () => {
  it('lists every file and keeps the content it is asked for, however the stream is cut', () => {
    const stream = tar(files);
    for (const size of [1, 100, 512, 4096, stream.length]) {
      const entries = new TarEntries((name) => name === 'metadata.json');
      for (let at = 0; at < stream.length; at += size) entries.push(stream.subarray(at, at + size));
      const listed = entries.end();
      expect(listed.map((file) => [file.name, file.size])).toEqual(
        files.map(([name, content]) => [name, Buffer.from(content).length]),
      );
      expect(listed[0]?.content?.toString('utf8')).toBe(metadata);
      expect(listed[1]?.content).toBeUndefined();
    }
  });

  it.each([
    ['a stream cut inside a file', tar(files).subarray(0, 1200), 'the archive is cut short'],
    ['random bytes', Buffer.alloc(2048, 0x5a), 'it is not a tar archive'],
  ])('refuses %s', (_name, stream, message) => {
    const entries = new TarEntries();
    expect(() => {
      entries.push(stream);
      entries.end();
    }).toThrow(message);
  });
});

describe('readBackupArchive', () => {
  it('reads an archive encrypted with the key: when and by what it was made, and what it holds', async () => {
    const file = await archiveFile(encrypt(gzipSync(tar(files)), KEY));
    expect(await readBackupArchive(file, KEY)).toEqual({
      createdAt: '2026-11-30T13:14:15.093Z',
      strapiVersion: '5.54.0',
      files: { 'metadata.json': 1, entities: 1, assets: 2 },
      mediaFiles: 1,
    });
  });

  it.each([
    ['another key', encrypt(gzipSync(tar(files)), KEY), 'another-key-of-thirty-two-characters'],
    ['a file cut short', encrypt(gzipSync(tar(files)), KEY).subarray(0, 64), KEY],
    ['a file that is not encrypted', gzipSync(tar(files)), KEY],
  ])('refuses %s, saying the key or the file is wrong', async (_name, bytes, key) => {
    const file = await archiveFile(bytes);
    await expect(readBackupArchive(file, key)).rejects.toThrow(
      `[restore] ${file} cannot be read with BACKUP_ENCRYPTION_KEY: the key is not the one it was made with, or the file is not a whole backup.`,
    );
  });

  it('refuses an archive without metadata.json, as not a Strapi backup', async () => {
    const file = await archiveFile(encrypt(gzipSync(tar(files.slice(1))), KEY));
    await expect(readBackupArchive(file, KEY)).rejects.toThrow('is not a Strapi backup (no readable metadata.json)');
  });
});
