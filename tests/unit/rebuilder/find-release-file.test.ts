import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReleaseFile } from '../../../scripts/lib/find-release-file.js';
import { tempDir } from '../../helpers/temp-dir.js';

let root: string;

beforeAll(async () => {
  root = await tempDir('find-release-file');
  // A page (a folder with its index) and, beside it, the static redirect page of its old address.
  await mkdir(path.join(root, 'modules', 'a', 'two-zero'), { recursive: true });
  await writeFile(path.join(root, 'modules', 'a', 'two-zero', 'index.html'), 'the page');
  await writeFile(path.join(root, 'modules', 'a', 'two-zero.html'), 'redirect to the page');
  await writeFile(path.join(root, 'modules', 'a', 'old-name.html'), 'redirect to another page');
  await writeFile(path.join(root, 'index.html'), 'home');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findReleaseFile', () => {
  it.each([
    ['the home page for /', [], ['index.html']],
    ['the page, not the redirect page beside it, for its folder', ['modules', 'a', 'two-zero'], ['modules', 'a', 'two-zero', 'index.html']],
    ['an old .html address as named', ['modules', 'a', 'two-zero.html'], ['modules', 'a', 'two-zero.html']],
    ['name.html when there is no folder of that name', ['modules', 'a', 'old-name'], ['modules', 'a', 'old-name.html']],
    ['nothing for an unknown name', ['modules', 'a', 'missing'], null],
  ])('finds %s', async (_, segments, expected) => {
    expect(await findReleaseFile(root, segments)).toEqual(expected);
  });
});
