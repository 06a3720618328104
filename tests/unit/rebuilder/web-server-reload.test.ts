import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NGINX_REDIRECT_MAP_FILE } from '../../../scripts/nginx/nginx-redirect-map.js';
import { webServerReload } from '../../../scripts/rebuilder/web-server-reload.js';
import { tempDir } from '../../helpers/temp-dir.js';

let dir = '';
beforeEach(async () => {
  dir = await tempDir('reload');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function release(id: string, map: string): Promise<void> {
  await mkdir(path.join(dir, id));
  await writeFile(path.join(dir, id, NGINX_REDIRECT_MAP_FILE), map);
}

describe('webServerReload', () => {
  it('runs the command through the shell, again only when the redirect map changed', async () => {
    const log = path.join(dir, 'reloads.log');
    const reload = webServerReload(`echo "reload $((1 + 1))" >> '${log}'`, dir);
    await release('r1', '"/old" "/a/";\n');
    await release('r2', '"/old" "/a/";\n');
    await release('r3', '"/old" "/b/";\n');
    for (const id of ['r1', 'r2', 'r3', 'r1']) await reload(id);
    expect(await readFile(log, 'utf8')).toBe('reload 2\nreload 2\nreload 2\n');
  });

  it('fails with the command, its exit code and its output, and tries again at the next swap', async () => {
    await release('r1', '');
    const reload = webServerReload('echo "nginx: [error] no pid file" >&2; exit 3', dir);
    await expect(reload('r1')).rejects.toThrow(/WEB_SERVER_RELOAD \(.*\) exited with 3: nginx: \[error\] no pid file/);
    await expect(reload('r1')).rejects.toThrow(/exited with 3/);
  });
});
