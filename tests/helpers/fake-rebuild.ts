import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Fingerprint } from '@lm/shared';
import type { BuildRunner } from '../../scripts/rebuilder/build-runner.js';
import type { ContentReader } from '../../scripts/rebuilder/content-reader.js';
import type { ReleaseContents } from '../../scripts/rebuilder/release-contents.js';

/**
 * Stand-ins for Astro and Strapi that the rebuild service's tests inject: a build that writes a
 * small fake site and can be held, failed or made incomplete, and a content reader whose version
 * and availability the test sets. They test the service, not Astro.
 */

/** A fingerprint that changes with `version`. */
export const fingerprintOf = (version: number): Fingerprint => ({
  modules: { total: 1, latestUpdate: `v${version}`, latestPublish: `v${version}` },
  sections: { total: 1, latestUpdate: `v${version}`, latestPublish: `v${version}` },
  pages: { total: 1, latestUpdate: `v${version}`, latestPublish: `v${version}` },
});

/** Writes what a build of the demo module would: home, 404, the module page, one page, a hashed asset. */
export async function writeFakeSite(
  outDir: string,
  label: string,
  options: { withModulePage?: boolean } = {},
): Promise<void> {
  const files: Record<string, string> = {
    'index.html': `<!doctype html><title>${label}</title><link rel="stylesheet" href="/_astro/site.abc123.css"><h1>${label}</h1>`,
    '404.html': '<!doctype html><title>Not found</title><h1>Page not found</h1>',
    'modules/demo/one/index.html': `<!doctype html><title>One</title><p>${label}</p>`,
    '_astro/site.abc123.css': 'body{margin:0}',
  };
  if (options.withModulePage !== false) files['modules/demo/index.html'] = '<!doctype html><title>Demo</title>';
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
    await writeFile(path.join(outDir, name), body);
  }
}

export interface Gate {
  promise: Promise<void>;
  open: () => void;
}
export function gate(): Gate {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** The injected build: counts calls, can be held at a gate, can fail or write an incomplete site. */
export class FakeBuilds {
  calls = 0;
  label = 'release';
  hold: Gate | null = null;
  failWith: Error | null = null;
  withModulePage = true;
  /** Resolves the moment the next build starts. */
  started: Gate = gate();

  readonly runner: BuildRunner = async ({ outDir }) => {
    this.calls += 1;
    this.started.open();
    await this.hold?.promise;
    if (this.failWith) throw this.failWith;
    await writeFakeSite(outDir, `${this.label} ${this.calls}`, { withModulePage: this.withModulePage });
    return { warnings: [] };
  };
}

export class FakeContent implements ContentReader {
  version = 1;
  down = false;
  fingerprint(): Promise<Fingerprint> {
    if (this.down) return Promise.reject(new Error('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
    return Promise.resolve(fingerprintOf(this.version));
  }
  releaseContents(): Promise<ReleaseContents> {
    return Promise.resolve({
      moduleSlugs: ['demo'],
      pages: [{ url: '/modules/demo/one/', title: 'One' }],
      unreachable: [],
    });
  }
}
