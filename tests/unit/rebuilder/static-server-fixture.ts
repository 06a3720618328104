import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createStaticServer } from '../../../scripts/lib/static-server.js';

/** A file of 1,000 bytes whose byte i is `i % 251`, so any slice is recognisable. */
export const BIG = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 251));

export interface StaticServerFixture {
  /** This test's releases folder; `live` inside it is the link the server follows. */
  readonly dir: string;
  /** What the server logged as errors during this test. */
  readonly errors: string[];
  /** Writes a release named `name` whose pages say `label`. */
  release: (name: string, label: string) => Promise<void>;
  /** Serves `dir/live` on a free port; returns the port. */
  serve: () => Promise<number>;
}

/**
 * A fresh releases folder for each test of the calling file, and the server on it closed after the
 * test. Call it at the top of a test file: it registers that file's beforeEach and afterEach.
 */
export function staticServerFixture(): StaticServerFixture {
  let dir = '';
  let server: Server | null = null;
  const errors: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lm-static-'));
    errors.length = 0;
  });
  afterEach(async () => {
    if (server) await new Promise((resolve) => server?.close(resolve));
    server = null;
    await rm(dir, { recursive: true, force: true });
  });

  return {
    get dir() {
      return dir;
    },
    errors,
    release: async (name, label) => {
      await mkdir(path.join(dir, name, 'modules', 'x'), { recursive: true });
      await writeFile(path.join(dir, name, 'index.html'), label);
      await writeFile(path.join(dir, name, 'modules', 'x', 'index.html'), `${label} module`);
      await writeFile(path.join(dir, name, '404.html'), `${label} missing`);
      await writeFile(path.join(dir, name, 'big.bin'), BIG);
      await writeFile(path.join(dir, name, '.render-manifest.json'), '{}');
    },
    serve: async () => {
      const started = createStaticServer(() => path.join(dir, 'live'), {
        logError: (message) => errors.push(message),
      });
      server = started;
      await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
      const address = started.address();
      return typeof address === 'object' && address ? address.port : 0;
    },
  };
}
