import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../../scripts/lib/static-server.js';
import { swapSymlink } from '../../../scripts/rebuilder/swap-symlink.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-static-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function release(name: string, label: string): Promise<void> {
  await mkdir(path.join(dir, name, 'modules', 'x'), { recursive: true });
  await writeFile(path.join(dir, name, 'index.html'), label);
  await writeFile(path.join(dir, name, 'modules', 'x', 'index.html'), `${label} module`);
  await writeFile(path.join(dir, name, '404.html'), `${label} missing`);
}

describe('createStaticServer', () => {
  it('answers 503 until a release is live, then follows the live link from one request to the next', async () => {
    const server = createStaticServer(() => path.join(dir, 'live'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}`;
    try {
      const none = await fetch(`${base}/`);
      expect(none.status).toBe(503);
      expect(none.headers.get('x-frame-options')).toBe('DENY');

      await release('a', 'A');
      await release('b', 'B');
      await swapSymlink(path.join(dir, 'live'), 'a');
      expect(await (await fetch(`${base}/`)).text()).toBe('A');
      expect(await (await fetch(`${base}/modules/x/`)).text()).toBe('A module');
      const etag = (await fetch(`${base}/`)).headers.get('etag') ?? '';
      const revalidated = await fetch(`${base}/`, { headers: { 'if-none-match': etag } });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get('cache-control')).toBe('no-cache');

      await swapSymlink(path.join(dir, 'live'), 'b');
      expect(await (await fetch(`${base}/`)).text()).toBe('B');
      const missing = await fetch(`${base}/gone/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('B missing');
      expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
