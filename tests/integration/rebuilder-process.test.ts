import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repoRoot } from '../../scripts/lib/paths.js';
import { fingerprintOf } from '../helpers/fake-rebuild.js';
import { fetchRebuildStatus } from '../helpers/fetch-rebuild-status.js';
import { pollUntil } from '../helpers/poll.js';
import { RebuilderHarness, siteText } from '../helpers/rebuilder-harness.js';
import { deliver, SECRET, settledStatus } from '../helpers/rebuilder-webhook.js';

/**
 * The rebuild service as its own process, killed or stopped in the middle of a build: a tiny entry
 * runs the real service with a fake build whose first build is quick and later ones hang.
 */

const runRebuilderPath = fileURLToPath(new URL('../../scripts/rebuilder/run-rebuilder.ts', import.meta.url));
const siteServerPath = fileURLToPath(new URL('../../scripts/lib/site-server.ts', import.meta.url));

const harness = new RebuilderHarness();
beforeEach(() => harness.setUp());
afterEach(() => harness.tearDown());

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
        RELEASES_DIR: harness.releasesDir,
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
    const entry = path.join(harness.dir, 'service-entry.mts');
    await writeFile(entry, entrySource);
    const releases = harness.releasesDir;

    const first = await spawnService(entry, 'first');
    const initial = await settledStatus(first.apiUrl, (current) => current.live !== null);
    expect(await siteText(first.siteUrl)).toBe('first 1');

    expect((await deliver(first.apiUrl)).status).toBe(202);
    const running = await pollUntil('the second build to start', async () => {
      const status = await fetchRebuildStatus(first.apiUrl);
      return status.running ?? undefined;
    });
    const partial = path.join(releases, `${running.id}.partial`);
    await pollUntil('the partial release to be written', () =>
      Promise.resolve(existsSync(path.join(partial, 'index.html')) || undefined),
    );

    const killed = child;
    killed?.kill('SIGKILL');
    const result = await killed;
    expect(result?.signal).toBe('SIGKILL');
    // The kill left the half-written release on disk.
    expect(existsSync(partial)).toBe(true);

    const second = await spawnService(entry, 'second');
    const status = await fetchRebuildStatus(second.apiUrl);
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
    const entry = path.join(harness.dir, 'service-entry.mts');
    await writeFile(entry, entrySource);
    const service = await spawnService(entry, 'first');
    await settledStatus(service.apiUrl, (current) => current.live !== null);
    await deliver(service.apiUrl);
    const running = await pollUntil(
      'the second build to start',
      async () => (await fetchRebuildStatus(service.apiUrl)).running ?? undefined,
    );
    child?.kill('SIGTERM');
    expect((await child)?.exitCode).toBe(0);
    expect((await readdir(harness.releasesDir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
    // The build was aborted, not waited for (it would hang a minute): the next start shows why.
    const restarted = await spawnService(entry, 'second');
    const [aborted] = (await fetchRebuildStatus(restarted.apiUrl)).history;
    expect(aborted).toMatchObject({ id: running.id, result: 'failed' });
    expect(aborted?.error).toContain('the rebuild service is stopping');
  });
});
