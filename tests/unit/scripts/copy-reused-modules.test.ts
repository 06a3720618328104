import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyReusedModules } from '../../../scripts/lib/copy-reused-modules.js';

let dir = '';
let live = '';
let out = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-copy-reused-'));
  live = path.join(dir, 'live-release');
  out = path.join(dir, 'new-release');
  for (const file of ['modules/a/index.html', 'modules/a/one/index.html', 'modules/b/index.html']) {
    await mkdir(path.dirname(path.join(live, file)), { recursive: true });
    await writeFile(path.join(live, file), file);
  }
  await mkdir(out);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('copyReusedModules', () => {
  const reuse = () => copyReusedModules({ outDir: out, from: live, modules: ['a', 'b'] });

  it('copies the reused module folders from the live release', async () => {
    expect(await reuse()).toBe(3);
    expect((await readdir(path.join(out, 'modules'))).sort()).toEqual(['a', 'b']);
  });

  it('copies nothing, returning null, when the live release links to assets the new build lacks', async () => {
    await mkdir(path.join(live, '_astro'));
    await writeFile(path.join(live, '_astro', 'old.css'), '');
    expect(await reuse()).toBeNull();
    await expect(readdir(path.join(out, 'modules'))).rejects.toThrow(/ENOENT/);
  });

  it('copies when the live release differs only by the precompressed siblings of its assets', async () => {
    for (const release of [live, out]) await mkdir(path.join(release, '_astro'));
    for (const name of ['index.css', 'index.css.br', 'index.css.gz'])
      await writeFile(path.join(live, '_astro', name), '');
    await writeFile(path.join(out, '_astro', 'index.css'), '');
    expect(await reuse()).toBe(3);
  });

  const planted: Array<[string, string, string]> = [
    ['a file link to /etc/passwd', 'modules/b/passwd.html', '/etc/passwd'],
    ['a folder link to /', 'modules/a/one/root', '/'],
    ['a module folder that is a link', 'modules/b', '/etc'],
  ];
  it.each(planted)('refuses %s, naming it, and copies nothing', async (_name, where, target) => {
    await rm(path.join(live, where), { recursive: true, force: true });
    await symlink(target, path.join(live, where));
    await expect(reuse()).rejects.toThrow(path.join(live, where));
    await expect(readdir(path.join(out, 'modules'))).rejects.toThrow(/ENOENT/);
  });
});
