import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { z } from 'zod';
import { REBUILD_SECRET_HEADER } from '@lm/shared';
import { gate } from '../helpers/fake-rebuild.js';
import { fetchRebuildStatus } from '../helpers/fetch-rebuild-status.js';
import { RebuilderHarness } from '../helpers/rebuilder-harness.js';
import { deliver, postLarge, publish, SECRET, settledStatus } from '../helpers/rebuilder-webhook.js';

/**
 * The rebuild service's webhook API over real HTTP, with a fake build (see the harness): what it
 * serves, how it answers good and bad deliveries, and how deliveries become builds.
 */

const harness = new RebuilderHarness();
beforeEach(() => harness.setUp());
afterEach(() => harness.tearDown());

describe('rebuild service over HTTP', () => {
  it('builds on first start, serves the release with the right headers, and reports it', async () => {
    const { service, status } = await harness.startLive();
    expect(harness.builds.calls).toBe(1);
    expect(status.live).toMatchObject({ pageCount: 4 });
    expect(status.history[0]?.result).toBe('success');
    expect(status.history[0]?.trigger).toContain('nothing is live yet');

    const home = await fetch(`${service.siteUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('release 1');
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(home.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(home.headers.get('x-frame-options')).toBe('DENY');
    expect(home.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(home.headers.get('permissions-policy')).toContain('camera=()');

    const css = await fetch(`${service.siteUrl}/_astro/site.abc123.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const missing = await fetch(`${service.siteUrl}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    expect(missing.headers.get('content-security-policy')).toContain("script-src 'self'");

    // The release's description is a dotfile: never served.
    expect((await fetch(`${service.siteUrl}/.release.json`)).status).toBe(404);
    expect(await (await fetch(`${service.apiUrl}/healthz`)).json()).toEqual({ ok: true });
  });

  it('answers each bad request with its own status and queues nothing', async () => {
    const { service } = await harness.startLive();
    const url = service.apiUrl;
    const cases: Array<[string, () => Promise<number>, number]> = [
      ['no secret', async () => (await deliver(url, publish(), { [REBUILD_SECRET_HEADER]: '' })).status, 401],
      [
        'a wrong secret',
        async () => (await deliver(url, publish(), { [REBUILD_SECRET_HEADER]: `${SECRET}x` })).status,
        401,
      ],
      [
        'a text body',
        async () => (await deliver(url, 'event=entry.publish', { 'content-type': 'text/plain' })).status,
        415,
      ],
      ['malformed JSON', async () => (await deliver(url, '{"event": "entry.publish",')).status, 400],
      [
        'a body that is not a webhook',
        async () => (await deliver(url, JSON.stringify({ hello: 'world' }))).status,
        400,
      ],
      [
        'entry that is not an object',
        async () => (await deliver(url, JSON.stringify({ event: 'entry.publish', createdAt: 'x', entry: 3 }))).status,
        400,
      ],
      ['a declared body over 1 MB', () => postLarge(url, 1024 * 1024 + 1, true), 413],
      ['a streamed body over 1 MB', () => postLarge(url, 3 * 1024 * 1024, false), 413],
      ['a rollback without the secret', async () => (await fetch(`${url}/rollback`, { method: 'POST' })).status, 401],
      ['GET on the webhook', async () => (await fetch(`${url}/hooks/strapi`)).status, 405],
      ['an unknown route', async () => (await fetch(`${url}/nope`)).status, 404],
    ];
    for (const [name, send, expected] of cases) {
      expect({ name, status: await send() }).toEqual({ name, status: expected });
    }
    // A delivery is queued before it is answered, so once all are answered nothing can still come.
    const status = await fetchRebuildStatus(url);
    expect(status.deliveries).toEqual([]);
    expect(status.queued).toBe(false);
    expect(status.running).toBeNull();
    expect(harness.builds.calls).toBe(1);
  });

  it('accepts a delivery with 202 at once, without waiting for the build, and ignores draft saves', async () => {
    const { service } = await harness.startLive();
    // The build is held until the end of the test, so an answer that waited for it would never come.
    harness.builds.hold = gate();
    harness.builds.started = gate();
    const response = await deliver(service.apiUrl);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ queued: true });
    await harness.builds.started.promise;
    expect((await fetchRebuildStatus(service.apiUrl)).running?.trigger).toBe('entry.publish api::page.page');

    const draft = await deliver(
      service.apiUrl,
      JSON.stringify({ event: 'entry.update', createdAt: 'x', uid: 'api::page.page', entry: null }),
    );
    expect(draft.status).toBe(202);
    const answer = z.object({ queued: z.boolean(), reason: z.string() }).parse(await draft.json());
    expect(answer.queued).toBe(false);
    expect(answer.reason).toContain('draft save');
    const afterDraft = await fetchRebuildStatus(service.apiUrl);
    expect(afterDraft.queued).toBe(false);
    expect(afterDraft.deliveries.map(({ event, rebuild }) => ({ event, rebuild }))).toEqual([
      { event: 'entry.update', rebuild: false },
      { event: 'entry.publish', rebuild: true },
    ]);
    harness.builds.hold.open();
    await settledStatus(service.apiUrl);
    expect(harness.builds.calls).toBe(2);
  });

  it('turns 50 concurrent deliveries into one build plus at most one follow-up', async () => {
    const { service } = await harness.startLive();
    // Hold the first build until every delivery is answered: each one then lands before that build
    // or during it, however slowly this machine sends them.
    harness.builds.hold = gate();
    const responses = await Promise.all(Array.from({ length: 50 }, () => deliver(service.apiUrl)));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(202));
    harness.builds.hold.open();
    const status = await settledStatus(service.apiUrl, (current) => current.history.length >= 2);
    const newBuilds = status.history.slice(0, -1);
    expect(newBuilds.length).toBeGreaterThanOrEqual(1);
    expect(newBuilds.length).toBeLessThanOrEqual(2);
    expect(harness.builds.calls).toBe(1 + newBuilds.length);
    // Every delivery is answered by a build: none dropped.
    expect(newBuilds.reduce((sum, entry) => sum + entry.requests, 0)).toBe(50);
  });
});
