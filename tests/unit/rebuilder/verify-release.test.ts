import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyRelease } from '../../../scripts/rebuilder/verify-release.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(...names: string[]): Promise<void> {
  for (const name of names) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), '<!doctype html>');
  }
}

describe('verifyRelease', () => {
  it('accepts a complete release and counts its HTML files', async () => {
    await files('index.html', '404.html', 'modules/a/index.html', 'modules/a/one/index.html', '_astro/x.css');
    await expect(verifyRelease(dir, { moduleSlugs: ['a'], expectPages: true })).resolves.toBe(4);
  });

  it('accepts an empty site when nothing is published', async () => {
    await files('index.html', '404.html');
    await expect(verifyRelease(dir, { moduleSlugs: [], expectPages: false })).resolves.toBe(2);
  });

  it.each([
    ['the home page', ['404.html'], [], false, /missing index\.html/],
    ['the 404 page', ['index.html'], [], false, /missing 404\.html/],
    [
      'a module page',
      ['index.html', '404.html', 'modules/a/index.html', 'modules/a/p/index.html'],
      ['a', 'b'],
      true,
      /modules\/b\/index\.html/,
    ],
    ['every page', ['index.html', '404.html', 'modules/a/index.html'], ['a'], true, /no page at all/],
  ])('refuses a release without %s', async (_name, present, moduleSlugs, expectPages, message) => {
    await files(...present);
    await expect(verifyRelease(dir, { moduleSlugs, expectPages })).rejects.toThrow(message);
  });
});
