import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import * as devalue from 'devalue';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseBuildMemory } from '@lm/shared';
import { dataStoreModuleCode } from '../../../site/integrations/data-store-from-disk.js';
import { siteDir } from '../../../scripts/lib/paths.js';

// Inside the site's node_modules, as a build's server bundle is (scripts/lib/scratch-dir.ts), so
// that the module's `devalue` resolves as it does there.
const dirs: string[] = [];
afterEach(async () => {
  releaseBuildMemory();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes `store` as Astro writes data-store.json, and imports the content module reading it. */
async function loadContentModule(store: Map<string, Map<string, unknown>>): Promise<unknown> {
  const dir = path.join(siteDir, 'node_modules', `.lm-test-data-store-${randomBytes(4).toString('hex')}`);
  dirs.push(dir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'data-store.json');
  await writeFile(file, devalue.stringify(store));
  const modulePath = path.join(dir, 'data-layer-content.mjs');
  await writeFile(modulePath, dataStoreModuleCode(file));
  const loaded: unknown = await import(/* @vite-ignore */ pathToFileURL(modulePath).href);
  return loaded;
}

const pages = new Map<string, unknown>([
  ['p1', { id: 'p1', data: { title: 'Overview', updatedAt: new Date('2026-01-02T03:04:05Z') }, digest: 'a' }],
  ['p2', { id: 'p2', data: { title: 'Partners' }, digest: 'b' }],
]);

describe('the content module of a static build', () => {
  it("hands Astro's content runtime the store as the Map it wrote, which it takes as is", async () => {
    const loaded = await loadContentModule(new Map([['pages', pages]]));
    expect(loaded).toHaveProperty('default', new Map([['pages', pages]]));
    // ImmutableDataStore.fromModule: a Map default export is the store (no devalue.unflatten).
    const runtime = await readFile(path.join(siteDir, '../node_modules/astro/dist/content/data-store.js'), 'utf8');
    expect(runtime).toContain('data.default instanceof Map');
  });

  it('empties the store when the build is done, so a warm worker does not keep every build’s content', async () => {
    const loaded = await loadContentModule(new Map([['pages', pages]]));
    const store: unknown = Reflect.get(Object(loaded), 'default');
    if (!(store instanceof Map)) throw new Error('The content module does not export a Map.');
    expect(store.size).toBe(1);
    expect(releaseBuildMemory()).toBe(1);
    expect(store.size).toBe(0);
    // Released once: the next build's releases start from none.
    expect(releaseBuildMemory()).toBe(0);
  });
});
