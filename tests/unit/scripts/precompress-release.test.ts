import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isPrecompressedSibling,
  precompressRelease,
  PRECOMPRESS_MIN_BYTES,
} from '../../../scripts/lib/precompress-release.js';
import { tempDir } from '../../helpers/temp-dir.js';

let dir = '';
beforeEach(async () => {
  dir = await tempDir('precompress');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Text that compresses well, as HTML does, `bytes` long. */
const text = (bytes: number): string => '<p>A paragraph of a page.</p>\n'.repeat(Math.ceil(bytes / 30)).slice(0, bytes);

async function write(name: string, body: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
  await writeFile(path.join(dir, name), body);
}

const files = async (): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

describe('precompressRelease', () => {
  it('writes .br and .gz siblings of text files from the minimum size on, and nothing else', async () => {
    const page = text(20_000);
    await write('modules/a/index.html', page);
    await write('_astro/index.css', text(PRECOMPRESS_MIN_BYTES));
    await write('robots.txt', text(PRECOMPRESS_MIN_BYTES - 1));
    await write('_astro/photo.webp', text(20_000));
    const result = await precompressRelease(dir);
    expect(await files()).toEqual([
      '_astro/index.css',
      '_astro/index.css.br',
      '_astro/index.css.gz',
      '_astro/photo.webp',
      'modules/a/index.html',
      'modules/a/index.html.br',
      'modules/a/index.html.gz',
      'robots.txt',
    ]);
    expect(brotliDecompressSync(await readFile(path.join(dir, 'modules/a/index.html.br'))).toString()).toBe(page);
    expect(gunzipSync(await readFile(path.join(dir, 'modules/a/index.html.gz'))).toString()).toBe(page);
    expect(result).toMatchObject({ files: 2, kept: 0 });
    expect(result.bytes.brotli).toBeLessThan(result.bytes.original / 10);
  });

  it('keeps the siblings a copied module brought along, and writes only missing ones', async () => {
    await write('modules/a/index.html', text(5_000));
    await write('modules/a/index.html.br', 'copied from the live release');
    await write('modules/a/index.html.gz', 'copied from the live release');
    await write('modules/b/index.html', text(5_000));
    await write('modules/b/index.html.gz', 'copied from the live release');
    const result = await precompressRelease(dir);
    expect(result).toMatchObject({ files: 1, kept: 1 });
    expect(await readFile(path.join(dir, 'modules/a/index.html.br'), 'utf8')).toBe('copied from the live release');
    expect(await readFile(path.join(dir, 'modules/b/index.html.gz'), 'utf8')).toBe('copied from the live release');
    expect(brotliDecompressSync(await readFile(path.join(dir, 'modules/b/index.html.br'))).toString()).toBe(
      text(5_000),
    );
  });

  it('writes no sibling that would be larger than its file', async () => {
    // Random bytes do not compress: a sibling would only add bytes.
    await write('data.json', randomBytes(4096));
    await precompressRelease(dir);
    expect(await files()).toEqual(['data.json']);
  });
});

describe('isPrecompressedSibling', () => {
  it.each([
    ['index.html.br', true],
    ['index.css.gz', true],
    ['index.css', false],
    ['backup.tar.gz', false],
    ['wasm.en.pagefind', false],
  ])('%s: %s', (name, expected) => {
    expect(isPrecompressedSibling(name)).toBe(expected);
  });
});
