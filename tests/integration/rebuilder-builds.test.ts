import { readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REBUILD_SECRET_HEADER } from '@lm/shared';
import { gate } from '../helpers/fake-rebuild.js';
import { fetchRebuildStatus } from '../helpers/fetch-rebuild-status.js';
import { RebuilderHarness, siteText } from '../helpers/rebuilder-harness.js';
import { deliver, SECRET, settledStatus } from '../helpers/rebuilder-webhook.js';

/**
 * The rebuild service's builds over real HTTP, with a fake build (see the harness): follow-ups,
 * failures that leave the live release alone, rollback, and the check at start.
 */

const harness = new RebuilderHarness();
beforeEach(() => harness.setUp());
afterEach(() => harness.tearDown());

describe('rebuild service builds', () => {
  it('answers deliveries that arrive during a build with exactly one follow-up build', async () => {
    const { service } = await harness.startLive();
    harness.builds.hold = gate();
    harness.builds.started = gate();
    await deliver(service.apiUrl);
    await harness.builds.started.promise;
    // Five deliveries spread over more than the debounce window, all while build 2 runs.
    for (let index = 0; index < 5; index += 1) {
      expect((await deliver(service.apiUrl)).status).toBe(202);
      await sleep(30);
    }
    expect(harness.builds.calls).toBe(2);
    expect((await fetchRebuildStatus(service.apiUrl)).queued).toBe(true);
    harness.builds.hold.open();
    // Settled means nothing runs or waits, so no further build can start after this.
    const status = await settledStatus(service.apiUrl, (current) => current.history.length === 3);
    expect(harness.builds.calls).toBe(3);
    expect(status.history[0]).toMatchObject({ result: 'success', requests: 5 });
    expect(await siteText(service.siteUrl)).toContain('release 3');
  });

  it('keeps the last good release live when a build fails, shows why, and recovers on the next build', async () => {
    const { service, status: first } = await harness.startLive();
    const liveId = first.live?.id;

    harness.builds.failWith = new Error('[build] astro build failed (exit 1)', {
      cause: new Error('bad block in page two-zero'),
    });
    await deliver(service.apiUrl);
    let status = await settledStatus(service.apiUrl, (current) => current.history.length === 2);
    expect(status.live?.id).toBe(liveId);
    expect(status.history[0]).toMatchObject({ result: 'failed' });
    expect(status.history[0]?.error).toContain('astro build failed');
    expect(status.history[0]?.error).toContain('bad block in page two-zero');
    expect(await siteText(service.siteUrl)).toContain('release 1');

    // Strapi down: the fingerprint (read alongside the build) cannot be read, so nothing goes live.
    harness.builds.failWith = null;
    harness.content.down = true;
    await deliver(service.apiUrl);
    status = await settledStatus(service.apiUrl, (current) => current.history.length === 3);
    expect(status.history[0]?.error).toContain('ECONNREFUSED');
    expect(status.live?.id).toBe(liveId);

    // A release missing a module page fails verification and is not deployed.
    harness.content.down = false;
    harness.builds.withModulePage = false;
    await deliver(service.apiUrl);
    status = await settledStatus(service.apiUrl, (current) => current.history.length === 4);
    expect(status.history[0]?.error).toContain('modules/demo/index.html');
    expect(status.live?.id).toBe(liveId);
    expect(await siteText(service.siteUrl)).toContain('release 1');

    harness.builds.withModulePage = true;
    await deliver(service.apiUrl);
    status = await settledStatus(service.apiUrl, (current) => current.history.length === 5);
    expect(status.history[0]?.result).toBe('success');
    expect(status.live?.id).not.toBe(liveId);
    expect(await siteText(service.siteUrl)).toContain(`release ${harness.builds.calls}`);
    // No partial release is left behind by the failures.
    expect((await readdir(harness.releasesDir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('rolls back to the previous release without building, and answers 409 when there is none', async () => {
    const { service } = await harness.startLive();
    const rollback = () =>
      fetch(`${service.apiUrl}/rollback`, { method: 'POST', headers: { [REBUILD_SECRET_HEADER]: SECRET } });
    expect((await rollback()).status).toBe(409);

    await deliver(service.apiUrl);
    await settledStatus(service.apiUrl, (current) => current.history.length === 2);
    expect(await siteText(service.siteUrl)).toContain('release 2');

    const response = await rollback();
    expect(response.status).toBe(200);
    const status = await fetchRebuildStatus(service.apiUrl);
    expect(status.live?.id).toBe(status.history[1]?.id);
    expect(await siteText(service.siteUrl)).toContain('release 1');
    expect(harness.builds.calls).toBe(2);
    expect((await rollback()).status).toBe(409);
  });

  it('notices content changed while it was stopped and rebuilds at start; keeps serving when Strapi is down', async () => {
    const { service, status } = await harness.startLive();
    const liveId = status.live?.id;
    await service.stop();

    // Same content: a restart builds nothing, once its startup check has found the content current.
    const again = await harness.startService();
    const checked = await settledStatus(again.apiUrl, (current) => current.reconcile.lastAt !== null);
    expect(checked.reconcile.result).toBe('current');
    expect(checked.live?.id).toBe(liveId);
    expect(harness.builds.calls).toBe(1);
    await again.stop();

    // Strapi down at start: the last release stays live, nothing is built.
    harness.content.down = true;
    const down = await harness.startService();
    const failed = await settledStatus(down.apiUrl, (current) => current.reconcile.lastAt !== null);
    expect(failed.reconcile.result).toBe('failed');
    expect(failed.live?.id).toBe(liveId);
    expect(await siteText(down.siteUrl)).toContain('release 1');
    expect(harness.builds.calls).toBe(1);
    await down.stop();

    harness.content.down = false;
    harness.content.version = 2;
    const changed = await harness.startService();
    const rebuilt = await settledStatus(changed.apiUrl, (current) => current.live?.id !== liveId);
    expect(rebuilt.history[0]?.trigger).toContain('published content changed');
    expect(harness.builds.calls).toBe(2);
  });
});
