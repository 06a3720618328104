import { chmod, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/import/run-import.js';
import { buildSite } from '../../scripts/lib/build-site.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { cacheControlFor, SECURITY_HEADERS } from '../../scripts/lib/security-headers.js';
import { startSiteServer, type RunningSiteServer } from '../../scripts/lib/site-server.js';
import { listDocuments, updateDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { swapSymlink } from '../../scripts/rebuilder/swap-symlink.js';
import {
  findNginx,
  httpGet,
  nginxPrefix,
  startNginx,
  type HttpAnswer,
  type RunningNginx,
} from '../helpers/nginx-process.js';
import { pollUntil } from '../helpers/poll.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The production web server: a real nginx (the Debian package) started on a free port with the
 * config `npm run nginx:config` generates, over releases built by the real build from a real
 * Strapi, next to the Node site server as the reference for headers, redirects and the 404.
 */

const fixture = path.resolve('tests/fixtures/jekyll/partnerships-two-zero.md');
const MODULE = '/modules/partnerships/';
const PAGE = '/modules/partnerships/two-zero/';
const MOVED = '/modules/partnerships/partnerships-overview/';
const OLD_HTML = '/modules/partnerships/two-zero.html';

const nginxBinary = findNginx();
// CI installs nginx (.ci/run) and must not pass without running this file.
const required = Boolean(process.env.CI) || process.env.REQUIRE_NGINX === '1';
if (nginxBinary === null && !required) {
  console.warn(
    '[nginx test] SKIPPED: nginx is not installed here (Debian: apt-get install nginx ' +
      'libnginx-mod-http-brotli-static). CI installs it and runs this file.',
  );
}

let dir = '';
let releases = '';
let nginx: RunningNginx | null = null;
let node: RunningSiteServer | null = null;
/** An asset of both releases, at least a kilobyte (so it has compressed siblings). */
let asset = '';

const live = (): string => path.join(releases, 'live');

/** The release a page of which this file is, read from the folder it was built into. */
const releaseFile = (release: string, ...names: string[]): Promise<Buffer> =>
  readFile(path.join(releases, release, ...names));

async function bigAsset(): Promise<string> {
  const [first, second] = await Promise.all(['a', 'b'].map((name) => readdir(path.join(releases, name, '_astro'))));
  for (const name of first ?? []) {
    if (!/\.(css|js)$/.test(name) || !second?.includes(name)) continue;
    if ((await releaseFile('a', '_astro', name)).length >= 1024) return `/_astro/${name}`;
  }
  throw new Error('The build wrote no CSS or JavaScript asset of 1 kB or more under _astro/.');
}

const fromNginx = (target: string, headers: Record<string, string> = {}): Promise<HttpAnswer> => {
  if (!nginx) throw new Error('nginx did not start (see beforeAll).');
  return httpGet(nginx.port, target, headers);
};
const fromNode = (target: string): Promise<HttpAnswer> => {
  if (!node) throw new Error('The Node site server did not start (see beforeAll).');
  return httpGet(node.port, target);
};

describe.skipIf(nginxBinary === null && !required)('nginx with the generated config', () => {
  beforeAll(async () => {
    if (nginxBinary === null) {
      throw new Error('nginx is not installed, and this run requires it (CI): apt-get install -y nginx.');
    }
    dir = await tempDir('nginx');
    // Run as root, nginx's workers drop to `nobody`, who must be able to read the releases.
    await chmod(dir, 0o755);
    releases = path.join(dir, 'releases');
    await mkdir(releases);
    const strapi = await startThrowawayStrapi();
    try {
      const quiet = (): void => undefined;
      await runImport({ paths: [fixture], publish: true, dryRun: false, env: strapi.write, log: quiet });
      const env = { PATH: process.env.PATH, ...strapi.read };
      await buildSite({ outDir: path.join(releases, 'a'), env });
      // Release b: the page got a new slug, so its old addresses redirect elsewhere.
      const [page] = await listDocuments(strapi.write, 'pages', new URLSearchParams({ status: 'draft' }));
      await updateDocument(
        strapi.write,
        'pages',
        String(page?.documentId),
        { slug: 'partnerships-overview' },
        'published',
      );
      await buildSite({ outDir: path.join(releases, 'b'), env });
    } finally {
      await strapi.stop();
    }
    await swapSymlink(live(), 'a');
    asset = await bigAsset();

    const port = await freePort();
    const config = path.join(dir, 'nginx.conf');
    await execa(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/nginx/main.ts',
        '--out',
        config,
        '--standalone',
        '--prefix',
        nginxPrefix(dir),
      ].concat(['--listen', `127.0.0.1:${String(port)}`, '--releases-dir', releases]),
      { cwd: repoRoot },
    );
    nginx = await startNginx(nginxBinary, config, nginxPrefix(dir), port);
    node = await startSiteServer({ releasesDir: releases, host: '127.0.0.1', port: 0 });
  }, 900_000);

  afterAll(async () => {
    await nginx?.stop();
    await node?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('sends the Node server’s security headers, CSP, cache headers and statuses', async () => {
    const names = [...Object.keys(SECURITY_HEADERS), 'Cache-Control'].map((name) => name.toLowerCase());
    for (const target of ['/', MODULE, PAGE, asset, '/no/such/page/', OLD_HTML, '/_astro/missing.css']) {
      const [ours, reference] = await Promise.all([fromNginx(target), fromNode(target)]);
      expect(ours.status, target).toBe(reference.status);
      for (const name of names)
        expect(`${target} ${name}: ${String(ours.headers[name])}`).toBe(
          `${target} ${name}: ${String(reference.headers[name])}`,
        );
    }
    // Checked against the policy itself too, not only against the other server.
    const page = await fromNginx(PAGE);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers[name.toLowerCase()]).toBe(value);
    expect(page.headers['cache-control']).toBe(cacheControlFor(PAGE));
    expect((await fromNginx(asset)).headers['cache-control']).toBe(cacheControlFor(asset));
    expect(cacheControlFor(asset)).toContain('immutable');
  });

  it('sends the precompressed brotli and gzip files to clients that accept them', async () => {
    for (const target of [PAGE, asset]) {
      const file =
        target === PAGE
          ? await releaseFile('a', 'modules', 'partnerships', 'two-zero', 'index.html')
          : await releaseFile('a', asset);
      const plain = await fromNginx(target);
      const br = await fromNginx(target, { 'Accept-Encoding': 'gzip, deflate, br' });
      const gzip = await fromNginx(target, { 'Accept-Encoding': 'gzip' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(file)).toBe(true);
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(file)).toBe(true);
      for (const answer of [plain, br, gzip]) expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(br.body.length).toBeLessThan(file.length / 2);
      console.log(
        `[nginx test] ${target}: ${String(file.length)} bytes sent as is, ${String(gzip.body.length)} gzip, ${String(br.body.length)} brotli`,
      );
    }
  });

  it('redirects an old URL with a 301 to the page, as the Node server does', async () => {
    const [ours, reference] = await Promise.all([fromNginx(OLD_HTML), fromNode(OLD_HTML)]);
    expect(ours.status).toBe(301);
    expect(ours.headers.location).toBe(PAGE);
    expect(ours.headers.location).toBe(reference.headers.location);
  });

  it('answers an unknown path with the release’s own 404 page and status 404', async () => {
    const answer = await fromNginx('/modules/partnerships/never-existed/');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body.equals(await releaseFile('a', '404.html'))).toBe(true);
    // Hidden files are not part of the site, the redirect map in nginx's syntax among them.
    expect((await fromNginx('/.nginx-redirects.map')).status).toBe(404);
  });

  it('switches releases under load without a failed request, and ends on the new one', async () => {
    if (!nginx) throw new Error('nginx did not start (see beforeAll).');
    const running = nginx;
    // Status each path has in both releases (the old address redirects in both, elsewhere in b).
    const expected: Record<string, number> = { '/': 200, [MODULE]: 200, [asset]: 200, [OLD_HTML]: 301, '/gone/': 404 };
    const failures: string[] = [];
    let requests = 0;
    let loading = true;
    const worker = async (offset: number): Promise<void> => {
      const targets = Object.keys(expected);
      for (let index = offset; loading; index += 1) {
        const target = targets[index % targets.length] ?? '/';
        const encoding = index % 3 === 0 ? 'br' : index % 3 === 1 ? 'gzip' : 'identity';
        requests += 1;
        try {
          const answer = await fromNginx(target, { 'Accept-Encoding': encoding });
          if (answer.status !== expected[target]) failures.push(`${target}: ${String(answer.status)}`);
        } catch (error) {
          failures.push(`${target}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    // Each request on a new connection (see httpGet): a reload closes the old workers' idle
    // keep-alive connections, and a request sent on one at that moment is reset, which browsers
    // retry and this loop would count as a failure (see WEB_SERVER_RELOAD in the README).
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    // Which release answers: b's module page links the page under its new slug, and b redirects
    // the page's old folder (reading b's redirect map shows the reload is done).
    const serving = async (release: 'a' | 'b'): Promise<true | undefined> => {
      const [module, oldFolder] = await Promise.all([fromNginx(MODULE), fromNginx(PAGE)]);
      const isB = module.body.toString().includes(`href="${MOVED}"`) && oldFolder.headers.location === MOVED;
      const isA = !module.body.toString().includes(`href="${MOVED}"`) && oldFolder.status === 200;
      return (release === 'b' ? isB : isA) ? true : undefined;
    };
    try {
      for (const release of ['b', 'a', 'b', 'a', 'b'] as const) {
        const before = requests;
        await swapSymlink(live(), release);
        await running.reload();
        await pollUntil(`nginx to serve release ${release}`, () => serving(release), 60_000);
        // Some requests ran across each swap and reload, not only between them.
        await pollUntil(
          'requests during the swap',
          () => Promise.resolve(requests > before + 20 ? true : undefined),
          60_000,
        );
      }
    } finally {
      loading = false;
      await load;
    }
    expect(failures, running.output()).toEqual([]);
    expect(requests).toBeGreaterThan(100);
    console.log(`[nginx test] ${String(requests)} requests during 5 swaps and reloads, none failed`);
    expect((await fromNginx(OLD_HTML)).headers.location).toBe(MOVED);
    expect((await fromNginx(MOVED)).status).toBe(200);
  });
});
