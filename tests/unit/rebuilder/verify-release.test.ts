import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReleaseContents } from '../../../scripts/rebuilder/release-contents.js';
import { verifyRelease } from '../../../scripts/rebuilder/verify-release.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes each file with the given HTML. */
async function files(entries: Record<string, string>): Promise<void> {
  for (const [name, html] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), html);
  }
}

const page = (title: string): string => `<!doctype html><title>${title}</title><h1>2.0 ${title}</h1>`;

/** A release of module `a` with one page, as the site writes it. */
const complete: Record<string, string> = {
  'index.html': page('Modules'),
  '404.html': page('Not found'),
  'modules/a/index.html': page('Module A'),
  'modules/a/one/index.html': page('Partners &amp; &quot;friends&quot;'),
  '_astro/x.css': 'body{}',
};
const contents: ReleaseContents = {
  moduleSlugs: ['a'],
  pages: [{ url: '/modules/a/one/', title: 'Partners & "friends"' }],
  unreachable: [],
};

describe('verifyRelease', () => {
  it('accepts a release with every published page and its title, and counts its HTML files', async () => {
    await files(complete);
    await expect(verifyRelease(dir, contents)).resolves.toBe(4);
  });

  it('accepts an empty site when nothing is published', async () => {
    await files({ 'index.html': page('Modules'), '404.html': page('Not found') });
    await expect(verifyRelease(dir, { moduleSlugs: [], pages: [], unreachable: [] })).resolves.toBe(2);
  });

  it.each([
    ['the home page', 'index.html', /missing index\.html/],
    ['the 404 page', '404.html', /missing 404\.html/],
    ['a module home', 'modules/a/index.html', /missing modules\/a\/index\.html/],
    ['a published page', 'modules/a/one/index.html', /missing \/modules\/a\/one\/ \("Partners & "friends""\)/],
  ])('refuses a release without %s, naming it', async (_name, left, message) => {
    await files(Object.fromEntries(Object.entries(complete).filter(([name]) => name !== left)));
    await expect(verifyRelease(dir, contents)).rejects.toThrow(message);
  });

  it('refuses a page that does not show the title it was published with', async () => {
    await files({ ...complete, 'modules/a/one/index.html': page('An older title') });
    await expect(verifyRelease(dir, contents)).rejects.toThrow(/\/modules\/a\/one\/ does not show its title/);
  });

  it('lists the first 20 problems and counts the rest', async () => {
    await files(complete);
    const many = Array.from({ length: 25 }, (_, index) => ({
      url: `/modules/a/p${String(index)}/`,
      title: `P${String(index)}`,
    }));
    const error = await verifyRelease(dir, { ...contents, pages: many }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/\(25 problems\)/);
    expect(String(error)).toMatch(/p19\/.*and 5 more/);
    expect(String(error)).not.toMatch(/p20\//);
  });
});
