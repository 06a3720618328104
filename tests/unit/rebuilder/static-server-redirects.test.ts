import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDIRECT_MAP_FILE } from '@lm/shared';
import { findRedirect, redirectLookup } from '../../../scripts/lib/redirects.js';
import { swapSymlink } from '../../../scripts/rebuilder/swap-symlink.js';
import { get, header, raw } from '../../helpers/raw-http.js';
import { staticServerFixture } from './static-server-fixture.js';

const fixture = staticServerFixture();

/** A release whose map sends the Jekyll addresses of page `x/two-zero` to `to`. */
async function releaseWithMap(name: string, to: string): Promise<void> {
  await fixture.release(name, name);
  const redirects = { '/modules/x/two-zero.html': to, '/modules/x/two-zero/': to };
  await writeFile(path.join(fixture.dir, name, REDIRECT_MAP_FILE), JSON.stringify({ version: 1, redirects }));
}

describe('findRedirect', () => {
  const lookup = redirectLookup({ '/a/b.html': '/x/', '/c/d/': '/y/', '/caf%C3%A9/': '/z/' });
  it.each([
    [['a', 'b.html'], '/x/'],
    [['c', 'd'], '/y/'],
    [['café'], '/z/'],
    [['a', 'b'], null],
    [[], null],
  ])('%j -> %j', (segments, location) => {
    expect(findRedirect(lookup, segments)).toBe(location);
  });
});

describe('createStaticServer and old addresses', () => {
  it('answers an old address with a 301 to the current URL, with the security headers', async () => {
    await releaseWithMap('a', '/modules/x/moved/');
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    const port = await fixture.serve();
    for (const target of ['/modules/x/two-zero.html', '/modules/x/two-zero/', '/modules/x/two-zero?utm=1']) {
      const response = await raw(port, get(target));
      expect({ target, status: response.status }).toEqual({ target, status: 301 });
      expect(header(response, 'location')).toBe('/modules/x/moved/');
      expect(header(response, 'content-security-policy')).toContain("default-src 'self'");
      expect(header(response, 'x-content-type-options')).toBe('nosniff');
    }
    expect((await raw(port, get('/modules/x/other.html'))).status).toBe(404);
    expect((await raw(port, get('/modules/x/'))).status).toBe(200);
  });

  it('reads the map of the release that is live now, after a swap', async () => {
    await releaseWithMap('a', '/modules/x/first/');
    await releaseWithMap('b', '/modules/x/second/');
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    const port = await fixture.serve();
    expect(header(await raw(port, get('/modules/x/two-zero.html')), 'location')).toBe('/modules/x/first/');
    await swapSymlink(path.join(fixture.dir, 'live'), 'b');
    expect(header(await raw(port, get('/modules/x/two-zero.html')), 'location')).toBe('/modules/x/second/');
  });

  it('never redirects to another host, whatever the map says', async () => {
    await releaseWithMap('a', 'https://evil.example/');
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    const port = await fixture.serve();
    const response = await raw(port, get('/modules/x/two-zero.html'));
    expect(response.status).toBe(404);
    expect(header(response, 'location')).toBeUndefined();
    expect(fixture.errors.join('\n')).toContain('not a valid redirect map');
  });

  it('ignores a map that is a symlink', async () => {
    await fixture.release('a', 'A');
    const elsewhere = path.join(fixture.dir, 'elsewhere.json');
    await writeFile(elsewhere, JSON.stringify({ version: 1, redirects: { '/modules/x/two-zero.html': '/' } }));
    await symlink(elsewhere, path.join(fixture.dir, 'a', REDIRECT_MAP_FILE));
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    const port = await fixture.serve();
    expect((await raw(port, get('/modules/x/two-zero.html'))).status).toBe(404);
  });
});
