import { rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../scripts/import/import-error.js';
import { readPageSource } from '../../../scripts/import/read-page-source.js';
import { tempDir } from '../../helpers/temp-dir.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('read-page-source');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readPageSource', () => {
  it('reads a file up to the limit as UTF-8', async () => {
    const file = path.join(dir, 'fits.md');
    await writeFile(file, 'é'.repeat(50)); // 100 bytes
    await expect(readPageSource(file, 100)).resolves.toBe('é'.repeat(50));
  });

  it('refuses a file one byte over the limit, naming it, its size and the limit', async () => {
    const file = path.join(dir, 'over.md');
    await writeFile(file, 'x'.repeat(101));
    await expect(readPageSource(file, 100)).rejects.toThrow(
      `[import] ${file}: is 101 bytes, over the 100 bytes limit for one page's source; split it`,
    );
  });

  it('refuses a huge file from its size alone, without reading it', async () => {
    // 8 GiB, sparse: reading it would need 8 GiB of memory (and fail past Node's buffer limit).
    const file = path.join(dir, 'huge.md');
    await writeFile(file, '');
    await truncate(file, 8 * 1024 ** 3);
    const error: unknown = await readPageSource(file, 1024 * 1024).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect(String(error)).toContain('is 8192 MiB (8,589,934,592 bytes), over the 1 MiB (1,048,576 bytes) limit');
  });

  it('says a missing file cannot be read', async () => {
    await expect(readPageSource(path.join(dir, 'missing.md'), 100)).rejects.toThrow(/missing\.md: cannot be read/);
  });
});
