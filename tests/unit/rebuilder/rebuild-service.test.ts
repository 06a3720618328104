import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildRunner } from '../../../scripts/rebuilder/build-runner.js';
import type { Fingerprint } from '@lm/shared';
import { createLogger } from '../../../scripts/rebuilder/logger.js';
import { RebuildService } from '../../../scripts/rebuilder/rebuild-service.js';
import { ReleaseStore } from '../../../scripts/rebuilder/release-store.js';
import { FakeScheduler, settle } from './fake-scheduler.js';

const fingerprintOf = (version: number): Fingerprint => ({
  modules: { total: 0, latestUpdate: null, latestPublish: null },
  sections: { total: 0, latestUpdate: null, latestPublish: null },
  pages: { total: 1, latestUpdate: `v${version}`, latestPublish: `v${version}` },
});

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-service-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A service on a fake clock whose content and build the test controls. */
function setup(
  options: { reconcileIntervalMs?: number; buildTimeoutMs?: number; afterSwap?: (id: string) => Promise<void> } = {},
) {
  const scheduler = new FakeScheduler();
  const content = { version: 1, down: false };
  const reusedFrom: Array<string | null> = [];
  let firstStarted: () => void = () => undefined;
  /** Resolves when the first build has started. */
  const started = new Promise<void>((resolve) => {
    firstStarted = resolve;
  });
  const builds = { calls: 0, hang: false, reusedFrom, started };
  const lines: string[] = [];
  const build: BuildRunner = async ({ outDir, reuseFrom, signal }) => {
    builds.calls += 1;
    firstStarted();
    builds.reusedFrom.push(reuseFrom);
    if (builds.hang) {
      await new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(new Error('astro was stopped'));
        });
      });
    }
    await mkdir(path.join(outDir, 'modules', 'm', 'p'), { recursive: true });
    for (const file of ['index.html', '404.html', 'modules/m/p/index.html']) {
      await writeFile(path.join(outDir, file), `build ${builds.calls}`);
    }
    return { warnings: [] };
  };
  const service = new RebuildService({
    store: new ReleaseStore(dir, 5),
    build,
    content: {
      fingerprint: () =>
        content.down ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve(fingerprintOf(content.version)),
      releaseContents: () => Promise.resolve({ moduleSlugs: [], pages: [], unreachable: [] }),
    },
    scheduler,
    logger: createLogger(
      (line) => lines.push(line),
      (line) => lines.push(line),
    ),
    debounceMs: 100,
    maxWaitMs: 1_000,
    reconcileIntervalMs: options.reconcileIntervalMs ?? 60_000,
    buildTimeoutMs: options.buildTimeoutMs ?? 600_000,
    afterSwap: options.afterSwap,
  });
  /** Lets the fake clock run and real file work finish. */
  const run = async (ms: number): Promise<void> => {
    for (let step = 0; step < 5; step += 1) {
      await scheduler.advance(ms / 5);
      await service.whenIdle();
      await settle();
    }
  };
  return { scheduler, service, content, builds, lines, run };
}

describe('RebuildService', () => {
  it('tells the web server after each swap of live, deploy or rollback, and survives its failure', async () => {
    const swapped: string[] = [];
    let failing = false;
    const afterSwap = (id: string): Promise<void> => {
      swapped.push(id);
      return failing ? Promise.reject(new Error('nginx: [error] invalid PID number')) : Promise.resolve();
    };
    const { service, content, lines, run } = setup({ afterSwap });
    await service.start();
    await run(1_000);
    const first = service.status().live?.id;
    content.version = 2;
    failing = true;
    service.request('entry.publish api::page.page');
    await run(1_000);
    const second = service.status().live?.id;
    expect(service.status().history[0]?.result).toBe('success');
    expect(lines.join('\n')).toContain(`Release ${String(second)} is live, but the web server was not reloaded`);
    failing = false;
    await service.rollback();
    expect(swapped).toEqual([first, second, first]);
    await service.stop();
  });

  it('keeps serving and retries on the interval when Strapi is down at start', async () => {
    const { service, content, builds, run } = setup();
    content.down = true;
    await service.start();
    await run(1_000);
    expect(builds.calls).toBe(0);
    expect(service.status().reconcile).toMatchObject({ result: 'failed', error: 'ECONNREFUSED' });
    content.down = false;
    await run(60_000);
    expect(builds.calls).toBe(1);
    expect(service.status().live).not.toBeNull();
    await service.stop();
  });

  it('rebuilds on the interval only when the published content changed', async () => {
    const { service, content, builds, run } = setup();
    await service.start();
    await run(1_000);
    expect(builds.calls).toBe(1);
    await run(60_000);
    expect(builds.calls).toBe(1);
    expect(service.status().reconcile.result).toBe('current');
    content.version = 2;
    await run(60_000);
    expect(builds.calls).toBe(2);
    expect(service.status().history[0]?.trigger).toBe('reconcile (interval): the published content changed');
    await service.stop();
  });

  it('offers each build the live release to copy unchanged pages from, even after a rollback', async () => {
    const { service, content, builds, run } = setup();
    await service.start();
    await run(1_000);
    const first = service.status().live?.id;
    content.version = 2;
    service.request('entry.publish api::page.page');
    await run(1_000);
    await service.rollback();
    service.request('entry.publish api::page.page');
    await run(1_000);
    expect(builds.reusedFrom).toEqual([null, path.join(dir, String(first)), path.join(dir, String(first))]);
    await service.stop();
  });

  it('does not undo a rollback on the next reconcile', async () => {
    const { service, content, builds, run } = setup();
    await service.start();
    await run(1_000);
    content.version = 2;
    service.request('entry.publish api::page.page');
    await run(1_000);
    expect(builds.calls).toBe(2);
    const rolledBack = await service.rollback();
    expect(rolledBack?.fingerprint).toEqual(fingerprintOf(1));
    await run(120_000);
    expect(builds.calls).toBe(2);
    expect(service.status().live?.id).toBe(rolledBack?.id);
    await service.stop();
  });

  it('aborts a build that takes too long and records why', async () => {
    const { scheduler, service, builds } = setup({ buildTimeoutMs: 5_000 });
    builds.hang = true;
    await service.start();
    await scheduler.advance(200);
    await builds.started;
    expect(builds.calls).toBe(1);
    await scheduler.advance(5_000);
    await service.whenIdle();
    const [failed] = service.status().history;
    expect(failed).toMatchObject({ result: 'failed' });
    expect(failed?.error).toContain('took longer than 5.0 s');
    expect(service.status().live).toBeNull();
    await service.stop();
  });
});
