import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as devalue from 'devalue';
import { afterEach, describe, expect, it, vi } from 'vitest';
// Astro's own data store, patched by site/patches/astro+5.18.2.patch (see the README). The build
// renders pages from the file this class writes, so what the file holds is what the site shows.
import { MutableDataStore } from '../../../node_modules/astro/dist/content/mutable-data-store.js';
import { pollUntil } from '../../helpers/poll.js';
import { tempDir } from '../../helpers/temp-dir.js';

const dirs: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The ids of one collection in the data-store file on disk. */
async function idsOnDisk(file: string, collection: string): Promise<string[]> {
  const parsed: unknown = devalue.parse(await readFile(file, 'utf8'));
  if (!(parsed instanceof Map)) throw new Error('The data store file does not hold a Map.');
  const entries: unknown = parsed.get(collection);
  return entries instanceof Map ? [...entries.keys()].map(String) : [];
}

describe("Astro's content data store on disk", () => {
  // Astro 5.18.2 retried a write that overlapped another with the older write's data
  // (withastro/astro#15672): a debounced save still in flight when the content sync ended wrote the
  // store as it was before the last entries. Cold builds at 1,000 pages then lost the last batches
  // of pages fetched (104 pages in 2 of 25 builds) and exited 0.
  it('holds every entry set before the sync waited for the save, even when a save was in flight', async () => {
    const dir = await tempDir('data-store');
    dirs.push(dir);
    const file = path.join(dir, 'data-store.json');
    const store = await MutableDataStore.fromFile(pathToFileURL(file));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    // A large first batch, so its write takes several I/O round trips.
    const body = 'x'.repeat(2_000);
    for (let index = 0; index < 2_000; index += 1) store.set('pages', `early-${String(index)}`, { id: index, body });
    // The debounce elapses: the first save starts and is now waiting on the file system.
    vi.advanceTimersByTime(600);
    // The loader sets its last batch, and the content sync waits for the save, as Astro's sync does.
    for (let index = 0; index < 100; index += 1) store.set('pages', `late-${String(index)}`, { id: index, body });
    await store.waitUntilSaveComplete();
    vi.useRealTimers();
    // A write may still be queued: wait until the file holds the late entries. With the race, the
    // last write leaves them out for good, and the wait ends at its deadline with what is on disk.
    const ids = await pollUntil(
      'the late entries on disk',
      async () => {
        const onDisk = await idsOnDisk(file, 'pages').catch(() => []);
        return onDisk.some((id) => id.startsWith('late-')) ? onDisk : undefined;
      },
      3_000,
      50,
    ).catch(() => idsOnDisk(file, 'pages'));
    expect(ids.filter((id) => id.startsWith('late-'))).toHaveLength(100);
    expect(ids).toHaveLength(2_100);
  });
});
