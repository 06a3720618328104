import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChildGroup, type Part } from '../../scripts/lib/child-group.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { RestartPolicy } from '../../scripts/lib/restart-policy.js';
import { parseSiteServerConfig } from '../../scripts/lib/site-server-config.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { swapSymlink } from '../../scripts/rebuilder/swap-symlink.js';
import { startParts, type StartPart } from '../../scripts/start/start-parts.js';

/**
 * The site server as npm start runs it: its own process, started first, from the same part list
 * npm start uses, with no Strapi and no rebuild service anywhere (the environment names neither).
 */

let dir = '';
let group: ChildGroup | null = null;
const lines: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-site-server-'));
  lines.length = 0;
});

afterEach(async () => {
  await group?.stop();
  group = null;
  await rm(dir, { recursive: true, force: true });
});

/** A release left live by an earlier run, as the rebuild service leaves it. */
async function leaveLiveRelease(label: string): Promise<void> {
  const release = path.join(dir, 'releases', '20260101T000000000Z');
  await mkdir(path.join(release, 'modules', 'demo'), { recursive: true });
  await writeFile(path.join(release, 'index.html'), `<h1>${label}</h1>`);
  await writeFile(path.join(release, 'modules', 'demo', 'index.html'), 'demo module');
  await writeFile(path.join(release, '404.html'), 'missing');
  await swapSymlink(path.join(dir, 'releases', 'live'), path.basename(release));
}

/** npm start's parts for an environment with only what the site server reads. */
async function partsWithoutStrapi(): Promise<{ parts: StartPart[]; url: string }> {
  const env = {
    PATH: process.env.PATH,
    RELEASES_DIR: path.join(dir, 'releases'),
    SITE_HOST: '127.0.0.1',
    SITE_PORT: String(await freePort()),
  };
  const site = parseSiteServerConfig(env, repoRoot);
  const parts = startParts(env, {
    site,
    strapiUrl: 'http://127.0.0.1:9',
    rebuildApiUrl: 'http://127.0.0.1:9',
  });
  return { parts, url: `http://127.0.0.1:${site.SITE_PORT}` };
}

function startPart(part: StartPart, policy?: () => RestartPolicy): Part {
  group = new ChildGroup({
    write: (line) => lines.push(line),
    ...(policy ? { restartPolicy: policy } : {}),
  });
  return group.spawn(part.name, part.command, part.args, { cwd: part.cwd, env: part.env });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Output:\n${lines.join('\n')}`);
    await sleep(100);
  }
}

async function homeText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${url}/`);
    return response.status === 200 ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

describe('site server', () => {
  it('is the first part npm start starts, and serves the last live release with no Strapi at all', async () => {
    await leaveLiveRelease('last release');
    const { parts, url } = await partsWithoutStrapi();
    expect(parts.map((part) => part.name)).toEqual(['site', 'cms', 'rebuild']);
    const [site] = parts;
    if (!site) throw new Error('no site part');
    const running = startPart(site);
    await site.ready(running.down);
    expect(await homeText(url)).toBe('<h1>last release</h1>');
    const module = await fetch(`${url}/modules/demo/`);
    expect(module.status).toBe(200);
    expect(module.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${url}/nope/`)).status).toBe(404);
  });

  it('answers 503 when nothing is live yet, without failing to start', async () => {
    const { parts, url } = await partsWithoutStrapi();
    const [site] = parts;
    if (!site) throw new Error('no site part');
    const running = startPart(site);
    await site.ready(running.down);
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('is restarted by npm start after kill -9 and answers again', async () => {
    await leaveLiveRelease('still here');
    const { parts, url } = await partsWithoutStrapi();
    const [site] = parts;
    if (!site) throw new Error('no site part');
    const running = startPart(site, () => new RestartPolicy({ firstDelayMs: 100 }));
    await waitFor('the site server', () => homeText(url));
    const firstPid = running.pid;
    expect(firstPid).toBeDefined();
    process.kill(firstPid ?? 0, 'SIGKILL');

    await waitFor('the restart message', () =>
      Promise.resolve(lines.find((line) => line.startsWith('[start] site exited unexpectedly'))),
    );
    expect(lines).toContain('[start] site exited unexpectedly (signal SIGKILL); restarting (1/5)…');
    expect(await waitFor('the site to answer again', () => homeText(url))).toBe('<h1>still here</h1>');
    expect(running.pid).not.toBe(firstPid);

    // A stop is not a crash: nothing restarts, and the part is reported down.
    await group?.stop();
    await running.down;
    expect(lines.filter((line) => line.includes('restarting'))).toHaveLength(1);
  });
});
