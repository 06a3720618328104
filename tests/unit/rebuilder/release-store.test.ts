import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fingerprint } from '@lm/shared';
import { releaseId } from '../../../scripts/rebuilder/release-id.js';
import { ReleaseStore } from '../../../scripts/rebuilder/release-store.js';
import { selectPrunable } from '../../../scripts/rebuilder/select-prunable.js';
import { swapSymlink } from '../../../scripts/rebuilder/swap-symlink.js';

const fingerprint: Fingerprint = {
  modules: { total: 1, latestUpdate: 'a', latestPublish: 'a' },
  sections: { total: 1, latestUpdate: 'b', latestPublish: 'b' },
  pages: { total: 1, latestUpdate: 'c', latestPublish: 'c' },
};

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-releases-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Builds and publishes a release whose index.html says `label`, at time `now`. */
async function deploy(store: ReleaseStore, now: number, label: string): Promise<string> {
  const { id, dir: outDir } = await store.begin(now);
  await writeFile(path.join(outDir, 'index.html'), label);
  await store.publish({
    id,
    builtAt: new Date(now).toISOString(),
    fingerprint,
    pageCount: 1,
    trigger: label,
    durationMs: 1,
  });
  return id;
}

describe('swapSymlink', () => {
  it('replaces a link atomically: a reader never finds it missing', async () => {
    await mkdir(path.join(dir, 'a'));
    await mkdir(path.join(dir, 'b'));
    const link = path.join(dir, 'live');
    await symlink('a', link);
    const flags = { stop: false };
    let misses = 0;
    let reads = 0;
    const reader = (async () => {
      while (!flags.stop) {
        try {
          await readlink(link);
          reads += 1;
        } catch {
          misses += 1;
        }
      }
    })();
    for (let index = 0; index < 300; index += 1) await swapSymlink(link, index % 2 === 0 ? 'b' : 'a');
    flags.stop = true;
    await reader;
    expect(misses).toBe(0);
    expect(reads).toBeGreaterThan(0);
    expect(await readlink(link)).toBe('a');
    // Relative target, no temporary links left behind.
    expect((await readdir(dir)).sort()).toEqual(['a', 'b', 'live']);
  });

  it('creates the link when there is none yet', async () => {
    await mkdir(path.join(dir, 'a'));
    await swapSymlink(path.join(dir, 'live'), 'a');
    expect((await lstat(path.join(dir, 'live'))).isSymbolicLink()).toBe(true);
  });
});

describe('selectPrunable', () => {
  const ids = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
  it.each([
    ['keeps the newest five', ids, 'r7', 5, ['r2', 'r1']],
    ['never deletes the live release, even when old', ids, 'r1', 5, ['r2']],
    ['deletes nothing within the limit', ['r1', 'r2'], 'r2', 5, []],
    ['keeps one plus the live one', ['r1', 'r2', 'r3'], 'r2', 1, ['r1']],
    ['works with nothing live', ['r1', 'r2', 'r3'], null, 2, ['r1']],
  ])('%s', (_name, list, live, keep, expected) => {
    expect(selectPrunable(list, live, keep)).toEqual(expected);
  });
});

describe('releaseId', () => {
  it('sorts by time and stays unique within a millisecond', () => {
    const now = Date.UTC(2025, 10, 28, 15, 30, 12, 123);
    expect(releaseId(now, new Set())).toBe('2025-11-28T15-30-12-123Z');
    expect(releaseId(now, new Set(['2025-11-28T15-30-12-123Z']))).toBe('2025-11-28T15-30-12-123Z-1');
    expect(releaseId(now + 1, new Set()) > releaseId(now, new Set())).toBe(true);
  });
});

describe('ReleaseStore', () => {
  it('publishes into place, swaps live and keeps the last five releases', async () => {
    const store = new ReleaseStore(dir, 5);
    await store.prepare();
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) ids.push(await deploy(store, 1_000 * (index + 1), `release ${index}`));
    expect(await store.ids()).toEqual(ids.slice(2));
    expect(await store.liveId()).toBe(ids[6]);
    expect(await readFile(path.join(store.livePath, 'index.html'), 'utf8')).toBe('release 6');
    expect((await store.live())?.trigger).toBe('release 6');
    expect(await readlink(store.livePath)).toBe(ids[6]);
  });

  it.each([
    ['a file link to /etc/passwd', 'passwd.html', '/etc/passwd'],
    ['a folder link to /', 'modules/root', '/'],
  ])('refuses to publish a release holding %s; the live release stays', async (_name, where, target) => {
    const store = new ReleaseStore(dir, 5);
    await store.prepare();
    const liveId = await deploy(store, 1_000, 'good');
    const { id, dir: outDir } = await store.begin(2_000);
    await writeFile(path.join(outDir, 'index.html'), 'planted');
    await mkdir(path.dirname(path.join(outDir, where)), { recursive: true });
    await symlink(target, path.join(outDir, where));
    const meta = { id, builtAt: new Date(2_000).toISOString(), fingerprint, pageCount: 1, trigger: 'x', durationMs: 1 };
    await expect(store.publish(meta)).rejects.toThrow(`holds ${where}, a symbolic link`);
    expect(await store.liveId()).toBe(liveId);
    expect(await store.ids()).toEqual([liveId]);
    expect(await readFile(path.join(store.livePath, 'index.html'), 'utf8')).toBe('good');
  });

  it('rolls back to the previous release, keeps it through pruning, and refuses when there is none', async () => {
    const store = new ReleaseStore(dir, 2);
    await store.prepare();
    expect(await store.rollback()).toBeNull();
    const first = await deploy(store, 1_000, 'first');
    expect(await store.rollback()).toBeNull();
    const second = await deploy(store, 2_000, 'second');
    expect((await store.rollback())?.id).toBe(first);
    expect(await realpath(store.livePath)).toBe(await realpath(path.join(dir, first)));
    expect(await store.rollback()).toBeNull();
    // Two newer releases push `first` out of the retention, but it is live, so it stays.
    await deploy(store, 3_000, 'third');
    await store.rollback();
    expect(await store.liveId()).toBe(second);
    await deploy(store, 4_000, 'fourth');
    expect(await store.ids()).toHaveLength(2);
  });

  it('removes partial releases and stray temporary links at start, and leaves live alone', async () => {
    const store = new ReleaseStore(dir, 5);
    await store.prepare();
    const live = await deploy(store, 1_000, 'good');
    await mkdir(path.join(dir, '2025-01-01T00-00-00-000Z.partial', '_astro'), { recursive: true });
    await writeFile(path.join(dir, '2025-01-01T00-00-00-000Z.partial', 'index.html'), 'half');
    await symlink('nowhere', path.join(dir, 'live.tmp-123-abcd'));
    await writeFile(path.join(dir, 'state.json.tmp-1-ab'), '{');
    const removed = await store.prepare();
    expect(removed.map((entry) => entry.name)).toEqual(['2025-01-01T00-00-00-000Z.partial']);
    expect((await readdir(dir)).sort()).toEqual([live, 'live'].sort());
    expect(await readFile(path.join(store.livePath, 'index.html'), 'utf8')).toBe('good');
  });

  it('remembers state atomically and ignores an unreadable state file', async () => {
    const store = new ReleaseStore(dir, 5);
    await store.prepare();
    expect(await store.readState()).toBeNull();
    await store.writeState({ lastBuilt: { id: 'x', fingerprint }, history: [] });
    expect((await store.readState())?.lastBuilt?.id).toBe('x');
    await writeFile(path.join(dir, 'state.json'), 'not json');
    expect(await store.readState()).toBeNull();
  });
});
