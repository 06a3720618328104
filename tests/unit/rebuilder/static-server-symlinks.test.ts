import { rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { swapSymlink } from '../../../scripts/rebuilder/swap-symlink.js';
import { get, raw } from '../../helpers/raw-http.js';
import { staticServerFixture } from './static-server-fixture.js';

const fixture = staticServerFixture();

describe('createStaticServer and symlinks', () => {
  it('never follows a symlink planted inside a release; the other pages stay up', async () => {
    await fixture.release('a', 'A');
    const live = path.join(fixture.dir, 'a');
    await symlink('/etc/passwd', path.join(live, 'passwd.html'));
    await symlink('/etc/passwd', path.join(live, 'modules', 'x', 'secret.txt'));
    await symlink('/', path.join(live, 'modules', 'root'));
    await symlink('/etc', path.join(live, 'etc'));
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    const port = await fixture.serve();
    for (const target of [
      '/passwd.html',
      '/passwd',
      '/modules/x/secret.txt',
      '/modules/root/',
      '/modules/root',
      '/modules/root/etc/passwd',
      '/etc/passwd',
      '/etc/',
    ]) {
      const response = await raw(port, get(target));
      expect({ target, status: response.status }).toEqual({ target, status: 404 });
      expect(response.body.toString('utf8')).not.toContain('root:');
    }
    for (const target of ['/', '/modules/x/', '/big.bin']) {
      expect({ target, status: (await raw(port, get(target))).status }).toEqual({ target, status: 200 });
    }
  });

  it('serves a plain 404 when the 404 page itself is a symlink', async () => {
    await fixture.release('a', 'A');
    await rm(path.join(fixture.dir, 'a', '404.html'));
    await symlink('/etc/passwd', path.join(fixture.dir, 'a', '404.html'));
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    const port = await fixture.serve();
    const response = await raw(port, get('/nope/'));
    expect(response.status).toBe(404);
    expect(response.body.toString('utf8')).not.toContain('root:');
  });

  it('serves nothing when live points outside the releases folder', async () => {
    await symlink('/', path.join(fixture.dir, 'live'));
    const port = await fixture.serve();
    const response = await raw(port, get('/etc/passwd'));
    expect(response.status).toBe(503);
    expect(response.body.toString('utf8')).not.toContain('root:');
  });
});
