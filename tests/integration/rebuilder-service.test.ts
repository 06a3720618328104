import { request as httpRequest } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fetchRebuildStatus } from '../helpers/fetch-rebuild-status.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { startSiteServer, type RunningSiteServer } from '../../scripts/lib/site-server.js';
import type { BuildRunner } from '../../scripts/rebuilder/build-runner.js';
import type { ReleaseContents } from '../../scripts/rebuilder/release-contents.js';
import type { ContentReader } from '../../scripts/rebuilder/content-reader.js';
import { REBUILD_SECRET_HEADER, type Fingerprint, type RebuildStatus } from '@lm/shared';
import { createLogger } from '../../scripts/rebuilder/logger.js';
import { runRebuilder, type RunningRebuilder } from '../../scripts/rebuilder/run-rebuilder.js';

/**
 * The rebuild service over real HTTP on 127.0.0.1, with an injected build runner that writes a
 * small fake site (this tests the service, not Astro) and a fake fingerprint reader. Windows are
 * short (debounce 50 ms), so nothing waits long.
 */

const SECRET = 'integration-test-webhook-secret';
const runRebuilderPath = fileURLToPath(new URL('../../scripts/rebuilder/run-rebuilder.ts', import.meta.url));
const siteServerPath = fileURLToPath(new URL('../../scripts/lib/site-server.ts', import.meta.url));

type Status = RebuildStatus;

const fingerprintOf = (version: number): Fingerprint => ({
  modules: { total: 1, latestUpdate: `v${version}`, latestPublish: `v${version}` },
  sections: { total: 1, latestUpdate: `v${version}`, latestPublish: `v${version}` },
  pages: { total: 1, latestUpdate: `v${version}`, latestPublish: `v${version}` },
});

/** Writes what a build of the demo module would: home, 404, the module page, one page, a hashed asset. */
async function writeFakeSite(outDir: string, label: string, options: { withModulePage?: boolean } = {}): Promise<void> {
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

interface Gate {
  promise: Promise<void>;
  open: () => void;
}
function gate(): Gate {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** The injected build: counts calls, can be held at a gate, can fail or write an incomplete site. */
class FakeBuilds {
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

class FakeContent implements ContentReader {
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

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

const getStatus = fetchRebuildStatus;

/** Waits until nothing runs or waits and `check` holds for the status. */
function settledStatus(apiUrl: string, check: (status: Status) => boolean = () => true): Promise<Status> {
  return waitFor('the service to settle', async () => {
    const status = await getStatus(apiUrl);
    return !status.running && !status.queued && check(status) ? status : undefined;
  });
}

const publish = (uid = 'api::page.page') =>
  JSON.stringify({ event: 'entry.publish', createdAt: new Date().toISOString(), model: 'page', uid, entry: { id: 1 } });

function deliver(apiUrl: string, body: string = publish(), headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${apiUrl}/hooks/strapi`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [REBUILD_SECRET_HEADER]: SECRET, ...headers },
    body,
  });
}

/** POSTs `size` bytes with node:http (chunked, or with a declared length) and returns the status. */
function postLarge(apiUrl: string, size: number, declareLength: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', [REBUILD_SECRET_HEADER]: SECRET };
    if (declareLength) headers['content-length'] = String(size);
    const request = httpRequest(`${apiUrl}/hooks/strapi`, { method: 'POST', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // The server answers and closes before the body is sent in full; writing on may then fail.
    request.on('error', (error) => {
      reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let remaining = size;
    const writeMore = (): void => {
      while (remaining > 0) {
        const part = chunk.subarray(0, Math.min(chunk.length, remaining));
        remaining -= part.length;
        if (!request.write(part)) {
          request.once('drain', writeMore);
          return;
        }
      }
      request.end();
    };
    writeMore();
  });
}

let dir = '';
let builds: FakeBuilds;
let content: FakeContent;
let rebuilder: RunningRebuilder | null = null;
const sites: RunningSiteServer[] = [];
const logLines: string[] = [];

/** The service plus a site server on its releases (the service does not serve the site itself). */
type Started = RunningRebuilder & { siteUrl: string };

async function startService(extraEnv: Record<string, string> = {}): Promise<Started> {
  rebuilder = await runRebuilder({
    env: {
      STRAPI_URL: 'http://127.0.0.1:9',
      STRAPI_READ_TOKEN: 'read-token-'.padEnd(48, 'x'),
      REBUILD_WEBHOOK_SECRET: SECRET,
      REBUILD_HOST: '127.0.0.1',
      REBUILD_PORT: '0',
      SITE_PORT: '0',
      REBUILD_DEBOUNCE_MS: '50',
      REBUILD_MAX_WAIT_MS: '300',
      RECONCILE_INTERVAL_MS: '0',
      RELEASES_DIR: path.join(dir, 'releases'),
      RELEASES_KEEP: '5',
      ...extraEnv,
    },
    build: builds.runner,
    content,
    logger: createLogger(
      (line) => logLines.push(line),
      (line) => logLines.push(line),
    ),
  });
  const site = await startSiteServer({ releasesDir: path.join(dir, 'releases'), host: '127.0.0.1', port: 0 });
  sites.push(site);
  return { ...rebuilder, siteUrl: site.url };
}

/** Starts the service and waits for its first release (nothing is live in a fresh folder). */
async function startLive(): Promise<{ service: Started; status: Status }> {
  const service = await startService();
  const status = await settledStatus(service.apiUrl, (current) => current.live !== null);
  return { service, status };
}

const siteText = async (siteUrl: string, pathname = '/'): Promise<string> =>
  (await fetch(`${siteUrl}${pathname}`)).text();

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-rebuilder-'));
  builds = new FakeBuilds();
  content = new FakeContent();
  logLines.length = 0;
});

afterEach(async () => {
  await rebuilder?.stop();
  rebuilder = null;
  await Promise.all(sites.splice(0).map((site) => site.stop()));
  await rm(dir, { recursive: true, force: true });
});

describe('rebuild service over HTTP', () => {
  it('builds on first start, serves the release with the right headers, and reports it', async () => {
    const { service, status } = await startLive();
    expect(builds.calls).toBe(1);
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
    const { service } = await startLive();
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
    const status = await getStatus(url);
    expect(status.deliveries).toEqual([]);
    expect(status.queued).toBe(false);
    expect(status.running).toBeNull();
    expect(builds.calls).toBe(1);
  });

  it('accepts a delivery with 202 at once, without waiting for the build, and ignores draft saves', async () => {
    const { service } = await startLive();
    // The build is held until the end of the test, so an answer that waited for it would never come.
    builds.hold = gate();
    builds.started = gate();
    const response = await deliver(service.apiUrl);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ queued: true });
    await builds.started.promise;
    expect((await getStatus(service.apiUrl)).running?.trigger).toBe('entry.publish api::page.page');

    const draft = await deliver(
      service.apiUrl,
      JSON.stringify({ event: 'entry.update', createdAt: 'x', uid: 'api::page.page', entry: null }),
    );
    expect(draft.status).toBe(202);
    const answer = z.object({ queued: z.boolean(), reason: z.string() }).parse(await draft.json());
    expect(answer.queued).toBe(false);
    expect(answer.reason).toContain('draft save');
    const afterDraft = await getStatus(service.apiUrl);
    expect(afterDraft.queued).toBe(false);
    expect(afterDraft.deliveries.map(({ event, rebuild }) => ({ event, rebuild }))).toEqual([
      { event: 'entry.update', rebuild: false },
      { event: 'entry.publish', rebuild: true },
    ]);
    builds.hold.open();
    await settledStatus(service.apiUrl);
    expect(builds.calls).toBe(2);
  });

  it('turns 50 concurrent deliveries into one build plus at most one follow-up', async () => {
    const { service } = await startLive();
    // Hold the first build until every delivery is answered: each one then lands before that build
    // or during it, however slowly this machine sends them.
    builds.hold = gate();
    const responses = await Promise.all(Array.from({ length: 50 }, () => deliver(service.apiUrl)));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(202));
    builds.hold.open();
    const status = await settledStatus(service.apiUrl, (current) => current.history.length >= 2);
    const newBuilds = status.history.slice(0, -1);
    expect(newBuilds.length).toBeGreaterThanOrEqual(1);
    expect(newBuilds.length).toBeLessThanOrEqual(2);
    expect(builds.calls).toBe(1 + newBuilds.length);
    // Every delivery is answered by a build: none dropped.
    expect(newBuilds.reduce((sum, entry) => sum + entry.requests, 0)).toBe(50);
  });

  it('answers deliveries that arrive during a build with exactly one follow-up build', async () => {
    const { service } = await startLive();
    builds.hold = gate();
    builds.started = gate();
    await deliver(service.apiUrl);
    await builds.started.promise;
    // Five deliveries spread over more than the debounce window, all while build 2 runs.
    for (let index = 0; index < 5; index += 1) {
      expect((await deliver(service.apiUrl)).status).toBe(202);
      await sleep(30);
    }
    expect(builds.calls).toBe(2);
    expect((await getStatus(service.apiUrl)).queued).toBe(true);
    builds.hold.open();
    // Settled means nothing runs or waits, so no further build can start after this.
    const status = await settledStatus(service.apiUrl, (current) => current.history.length === 3);
    expect(builds.calls).toBe(3);
    expect(status.history[0]).toMatchObject({ result: 'success', requests: 5 });
    expect(await siteText(service.siteUrl)).toContain('release 3');
  });

  it('keeps the last good release live when a build fails, shows why, and recovers on the next build', async () => {
    const { service, status: first } = await startLive();
    const liveId = first.live?.id;

    builds.failWith = new Error('[build] astro build failed (exit 1)', {
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
    builds.failWith = null;
    content.down = true;
    await deliver(service.apiUrl);
    status = await settledStatus(service.apiUrl, (current) => current.history.length === 3);
    expect(status.history[0]?.error).toContain('ECONNREFUSED');
    expect(status.live?.id).toBe(liveId);

    // A release missing a module page fails verification and is not deployed.
    content.down = false;
    builds.withModulePage = false;
    await deliver(service.apiUrl);
    status = await settledStatus(service.apiUrl, (current) => current.history.length === 4);
    expect(status.history[0]?.error).toContain('modules/demo/index.html');
    expect(status.live?.id).toBe(liveId);
    expect(await siteText(service.siteUrl)).toContain('release 1');

    builds.withModulePage = true;
    await deliver(service.apiUrl);
    status = await settledStatus(service.apiUrl, (current) => current.history.length === 5);
    expect(status.history[0]?.result).toBe('success');
    expect(status.live?.id).not.toBe(liveId);
    expect(await siteText(service.siteUrl)).toContain(`release ${builds.calls}`);
    // No partial release is left behind by the failures.
    expect((await readdir(path.join(dir, 'releases'))).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('rolls back to the previous release without building, and answers 409 when there is none', async () => {
    const { service } = await startLive();
    const rollback = () =>
      fetch(`${service.apiUrl}/rollback`, { method: 'POST', headers: { [REBUILD_SECRET_HEADER]: SECRET } });
    expect((await rollback()).status).toBe(409);

    await deliver(service.apiUrl);
    await settledStatus(service.apiUrl, (current) => current.history.length === 2);
    expect(await siteText(service.siteUrl)).toContain('release 2');

    const response = await rollback();
    expect(response.status).toBe(200);
    const status = await getStatus(service.apiUrl);
    expect(status.live?.id).toBe(status.history[1]?.id);
    expect(await siteText(service.siteUrl)).toContain('release 1');
    expect(builds.calls).toBe(2);
    expect((await rollback()).status).toBe(409);
  });

  it('notices content changed while it was stopped and rebuilds at start; keeps serving when Strapi is down', async () => {
    const { service, status } = await startLive();
    const liveId = status.live?.id;
    await service.stop();

    // Same content: a restart builds nothing, once its startup check has found the content current.
    const again = await startService();
    const checked = await settledStatus(again.apiUrl, (current) => current.reconcile.lastAt !== null);
    expect(checked.reconcile.result).toBe('current');
    expect(checked.live?.id).toBe(liveId);
    expect(builds.calls).toBe(1);
    await again.stop();

    // Strapi down at start: the last release stays live, nothing is built.
    content.down = true;
    const down = await startService();
    const failed = await settledStatus(down.apiUrl, (current) => current.reconcile.lastAt !== null);
    expect(failed.reconcile.result).toBe('failed');
    expect(failed.live?.id).toBe(liveId);
    expect(await siteText(down.siteUrl)).toContain('release 1');
    expect(builds.calls).toBe(1);
    await down.stop();

    content.down = false;
    content.version = 2;
    const changed = await startService();
    const rebuilt = await settledStatus(changed.apiUrl, (current) => current.live?.id !== liveId);
    expect(rebuilt.history[0]?.trigger).toContain('published content changed');
    expect(builds.calls).toBe(2);
  });
});

describe('rebuild service process', () => {
  let child: ResultPromise | null = null;
  afterEach(async () => {
    child?.kill('SIGKILL');
    await child;
    child = null;
  });

  /** A tiny entry that runs the real service with a fake build: the first build is quick, later ones hang. */
  const entrySource = `
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runRebuilder } from ${JSON.stringify(runRebuilderPath)};
import { startSiteServer } from ${JSON.stringify(siteServerPath)};

const fingerprint = JSON.parse(process.env.FAKE_FINGERPRINT ?? '{}');
let builds = 0;
const rebuilder = await runRebuilder({
  env: process.env,
  content: { fingerprint: async () => fingerprint, releaseContents: async () => ({ moduleSlugs: ['demo'], pages: [], unreachable: [] }) },
  build: async ({ outDir, signal }) => {
    builds += 1;
    const write = async (name, body) => {
      await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
      await writeFile(path.join(outDir, name), body);
    };
    await write('index.html', process.env.FAKE_LABEL + ' ' + builds);
    if (builds > 1) await sleep(60_000, undefined, { signal });
    await write('404.html', 'not found');
    await write('modules/demo/index.html', 'demo');
    await write('modules/demo/one/index.html', 'one');
    return { warnings: [] };
  },
});
const site = await startSiteServer({ releasesDir: process.env.RELEASES_DIR, host: '127.0.0.1', port: 0 });
console.log('READY ' + JSON.stringify({ apiUrl: rebuilder.apiUrl, siteUrl: site.url }));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void rebuilder.stop().then(() => process.exit(0)));
}
`;

  async function spawnService(entry: string, label: string): Promise<{ apiUrl: string; siteUrl: string }> {
    const spawned = execa(process.execPath, ['--import', 'tsx', entry], {
      cwd: repoRoot,
      env: {
        STRAPI_URL: 'http://127.0.0.1:9',
        STRAPI_READ_TOKEN: 'read-token-'.padEnd(48, 'x'),
        REBUILD_WEBHOOK_SECRET: SECRET,
        REBUILD_PORT: '0',
        SITE_PORT: '0',
        REBUILD_DEBOUNCE_MS: '20',
        REBUILD_MAX_WAIT_MS: '100',
        RECONCILE_INTERVAL_MS: '0',
        RELEASES_DIR: path.join(dir, 'releases'),
        FAKE_FINGERPRINT: JSON.stringify(fingerprintOf(1)),
        FAKE_LABEL: label,
      },
      all: true,
      reject: false,
    });
    child = spawned;
    let output = '';
    const ready = new Promise<{ apiUrl: string; siteUrl: string }>((resolve, reject) => {
      spawned.all.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const line = /^READY (.*)$/m.exec(output)?.[1];
        if (line) resolve(z.object({ apiUrl: z.string(), siteUrl: z.string() }).parse(JSON.parse(line)));
      });
      void spawned.then(() => {
        reject(new Error(`The service exited before it was ready:\n${output}`));
      });
    });
    return ready;
  }

  it('survives kill -9 in the middle of a build: the partial release is removed and the last good one stays live', async () => {
    const entry = path.join(dir, 'service-entry.mts');
    await writeFile(entry, entrySource);
    const releases = path.join(dir, 'releases');

    const first = await spawnService(entry, 'first');
    const initial = await settledStatus(first.apiUrl, (current) => current.live !== null);
    expect(await siteText(first.siteUrl)).toBe('first 1');

    expect((await deliver(first.apiUrl)).status).toBe(202);
    const running = await waitFor('the second build to start', async () => {
      const status = await getStatus(first.apiUrl);
      return status.running ?? undefined;
    });
    const partial = path.join(releases, `${running.id}.partial`);
    await waitFor('the partial release to be written', () =>
      Promise.resolve(existsSync(path.join(partial, 'index.html')) || undefined),
    );

    const killed = child;
    killed?.kill('SIGKILL');
    const result = await killed;
    expect(result?.signal).toBe('SIGKILL');
    // The kill left the half-written release on disk.
    expect(existsSync(partial)).toBe(true);

    const second = await spawnService(entry, 'second');
    const status = await getStatus(second.apiUrl);
    expect(existsSync(partial)).toBe(false);
    expect((await readdir(releases)).filter((name) => name.startsWith('live.tmp'))).toEqual([]);
    expect(status.live?.id).toBe(initial.live?.id);
    expect(status.running).toBeNull();
    expect(status.history[0]).toMatchObject({ id: running.id, result: 'failed', durationMs: null });
    expect(await siteText(second.siteUrl)).toBe('first 1');

    // Same content as the live release: the restart builds nothing. SIGTERM stops it cleanly.
    const checked = await settledStatus(second.apiUrl, (current) => current.reconcile.lastAt !== null);
    expect(checked.reconcile.result).toBe('current');
    expect(checked.history).toHaveLength(2);
    child?.kill('SIGTERM');
    expect((await child)?.exitCode).toBe(0);
  });

  it('stops on SIGTERM during a build, aborting it and removing its partial release', async () => {
    const entry = path.join(dir, 'service-entry.mts');
    await writeFile(entry, entrySource);
    const service = await spawnService(entry, 'first');
    await settledStatus(service.apiUrl, (current) => current.live !== null);
    await deliver(service.apiUrl);
    const running = await waitFor(
      'the second build to start',
      async () => (await getStatus(service.apiUrl)).running ?? undefined,
    );
    child?.kill('SIGTERM');
    expect((await child)?.exitCode).toBe(0);
    expect((await readdir(path.join(dir, 'releases'))).filter((name) => name.endsWith('.partial'))).toEqual([]);
    // The build was aborted, not waited for (it would hang a minute): the next start shows why.
    const restarted = await spawnService(entry, 'second');
    const [aborted] = (await getStatus(restarted.apiUrl)).history;
    expect(aborted).toMatchObject({ id: running.id, result: 'failed' });
    expect(aborted?.error).toContain('the rebuild service is stopping');
  });
});
