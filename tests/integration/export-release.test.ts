import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import send from 'send';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishRelease } from '../../scripts/lib/finish-release.js';
import { close, listen } from '../../scripts/lib/listen.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { createLogger } from '../../scripts/rebuilder/logger.js';
import { runRebuilder } from '../../scripts/rebuilder/run-rebuilder.js';
import { FakeContent, writeFakeSite } from '../helpers/fake-rebuild.js';
import { SECRET, settledStatus } from '../helpers/rebuilder-webhook.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * `npm run export` as an operator runs it: a release built and made live by the real rebuild
 * service (its build writes a small site, then the release gets its nginx map and precompressed
 * siblings as a real build does), exported by the CLI, and served by a plain static file server
 * that knows nothing of releases, links or this project.
 */

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
let dir = '';
let releasesDir = '';

/** Runs the export CLI; resolves with its exit code and output whatever the code. */
function exportCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ['scripts/export/main.ts', ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A static host: files under `root`, folders by their index.html, anything else the 404 page with 404. */
async function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    send(request, new URL(request.url ?? '/', 'http://host').pathname, { root, index: ['index.html'] })
      .on('error', (error: { status?: number }) => {
        response.statusCode = error.status ?? 500;
        if (response.statusCode === 404) createReadStream(path.join(root, '404.html')).pipe(response);
        else response.end();
      })
      .on('directory', () => {
        response.statusCode = 301;
        response.setHeader('location', `${request.url ?? '/'}/`);
        response.end();
      })
      .pipe(response);
  });
  const port = await listen(server, '127.0.0.1', 0, 'test port');
  return { url: `http://127.0.0.1:${port}`, server };
}

async function allEntries(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries.map((entry) => path.join(root, entry));
}

beforeAll(async () => {
  dir = await tempDir('export');
  releasesDir = path.join(dir, 'releases');
  const log = (): void => undefined;
  const rebuilder = await runRebuilder({
    env: {
      STRAPI_URL: 'http://127.0.0.1:9',
      STRAPI_READ_TOKEN: 'read-token-'.padEnd(48, 'x'),
      REBUILD_WEBHOOK_SECRET: SECRET,
      REBUILD_PORT: '0',
      REBUILD_DEBOUNCE_MS: '50',
      REBUILD_MAX_WAIT_MS: '300',
      RECONCILE_INTERVAL_MS: '0',
      RELEASES_DIR: releasesDir,
    },
    build: async ({ outDir }) => {
      await writeFakeSite(outDir, 'Exported release');
      // A page long enough to be precompressed, and the redirect map a real build writes.
      await writeFile(path.join(outDir, 'modules/demo/long.html'), `<p>${'Partnerships '.repeat(400)}</p>`);
      await writeFile(
        path.join(outDir, 'redirects.json'),
        JSON.stringify({ version: 1, redirects: { '/modules/demo/one.html': '/modules/demo/one/' } }),
      );
      await finishRelease(outDir);
      return { warnings: [] };
    },
    content: new FakeContent(),
    logger: createLogger(log, log),
  });
  try {
    await settledStatus(rebuilder.apiUrl, (status) => status.live !== null);
  } finally {
    await rebuilder.stop();
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run export', () => {
  it('refuses, with a message and a non-zero exit, when no release is live', async () => {
    const empty = path.join(dir, 'no-releases');
    await mkdir(empty);
    const result = await exportCli(path.join(dir, 'out-none'), '--releases-dir', empty);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('[export] No release is live');
  });

  it('writes a folder a plain static server serves: pages, 404, precompressed files, redirects, no links', async () => {
    const out = path.join(dir, 'out');
    // A link inside the release (to a file of the release) is copied as the file it points at.
    const live = path.join(releasesDir, 'live');
    await symlink('index.html', path.join(live, 'home-link.html'));
    const result = await exportCli(out, '--releases-dir', releasesDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[export\] Release .+: \d+ files .* and 1 redirects written/);

    for (const entry of await allEntries(out)) expect((await lstat(entry)).isSymbolicLink(), entry).toBe(false);
    const names = await readdir(out, { recursive: true });
    expect(names).toEqual(
      expect.arrayContaining(['404.html', 'modules/demo/long.html.br', 'modules/demo/long.html.gz', '_redirects']),
    );
    expect(names).toEqual(expect.arrayContaining(['.nginx-redirects.map', 'redirects.json', 'EXPORT-README.txt']));
    expect(names).not.toContain('.release.json');
    expect(await readFile(path.join(out, '_redirects'), 'utf8')).toContain(
      '/modules/demo/one.html /modules/demo/one/ 301',
    );

    const { url, server } = await serveStatic(out);
    try {
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<h1>Exported release');
      expect(await (await fetch(`${url}/modules/demo/one/`)).text()).toContain('Exported release');
      expect(await (await fetch(`${url}/home-link.html`)).text()).toContain('<h1>Exported release');
      const missing = await fetch(`${url}/modules/nothing-here/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('Page not found');
    } finally {
      await close(server);
    }
  });

  it('refuses a folder that is not empty unless told to replace it', async () => {
    const out = path.join(dir, 'busy');
    await mkdir(out);
    await writeFile(path.join(out, 'keep.txt'), 'someone else’s file');
    const refused = await exportCli(out, '--releases-dir', releasesDir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('is not empty');
    expect(await readFile(path.join(out, 'keep.txt'), 'utf8')).toContain('someone');

    const forced = await exportCli(out, '--force', '--releases-dir', releasesDir);
    expect(forced.code).toBe(0);
    const names = await readdir(out);
    expect(names).toContain('index.html');
    expect(names).not.toContain('keep.txt');
  });

  it('refuses a release holding a link to a file outside it', async () => {
    const outside = path.join(dir, 'secret.txt');
    await writeFile(outside, 'not part of the site');
    await symlink(outside, path.join(releasesDir, 'live', 'leak.txt'));
    try {
      const result = await exportCli(path.join(dir, 'out-leak'), '--releases-dir', releasesDir);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('outside the release');
      expect(await readdir(dir)).not.toContain('out-leak');
    } finally {
      await rm(path.join(releasesDir, 'live', 'leak.txt'));
    }
  });
});
