import path from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build-site.js';
import { startSiteServer, type RunningSiteServer } from '../../scripts/lib/site-server.js';
import { runImport, type ImportSummary } from '../../scripts/import/run-import.js';
import { listDocuments, StrapiRequestError, updateDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { swapSymlink } from '../../scripts/rebuilder/swap-symlink.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = path.resolve('tests/fixtures/jekyll/partnerships-two-zero.md');
const quiet = (): void => undefined;
const OLD_HTML = '/modules/partnerships/two-zero.html';
const OLD_FOLDER = '/modules/partnerships/two-zero/';

let strapi: ThrowawayStrapi;
let releases: string;
let server: RunningSiteServer;
let firstImport: ImportSummary;

/** Builds the published content into a new release and makes it live, as the rebuild service does. */
async function buildAndSwap(name: string): Promise<string> {
  const outDir = path.join(releases, name);
  await buildSite({ outDir, env: { PATH: process.env.PATH, ...strapi.read } });
  await swapSymlink(path.join(releases, 'live'), name);
  return outDir;
}

/** One request, redirects not followed, as a browser's first hop sees it. */
async function head(urlPath: string): Promise<{ status: number; location: string | null; csp: string | null }> {
  const response = await fetch(`${server.url}${urlPath}`, { redirect: 'manual' });
  await response.arrayBuffer();
  return {
    status: response.status,
    location: response.headers.get('location'),
    csp: response.headers.get('content-security-policy'),
  };
}

async function pageId(): Promise<string> {
  const [page] = await listDocuments(strapi.write, 'pages', new URLSearchParams({ status: 'draft' }));
  return String(page?.documentId);
}

/** The CMS's refusal of a write, as the editor (or a script) reads it. */
async function refusal(write: Promise<unknown>): Promise<string> {
  const error: unknown = await write.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(StrapiRequestError);
  return error instanceof Error ? error.message : '';
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  releases = await tempDir('old-urls');
  firstImport = await runImport({ paths: [fixture], publish: true, dryRun: false, env: strapi.write, log: quiet });
  server = await startSiteServer({ releasesDir: releases, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await server.stop();
  await strapi.stop();
  await rm(releases, { recursive: true, force: true });
});

describe('old Jekyll URLs', () => {
  it('are recorded on the imported page, and a re-import adds no duplicate', async () => {
    expect(firstImport.failed).toEqual([]);
    const again = await runImport({ paths: [fixture], publish: true, dryRun: false, env: strapi.write, log: quiet });
    expect(again.skipped).toContain('page partnerships/two-zero');
    const [page] = await listDocuments(
      strapi.write,
      'pages',
      new URLSearchParams({ status: 'published', 'populate[legacyPaths]': 'true' }),
    );
    expect(page?.legacyPaths).toEqual([
      expect.objectContaining({ path: OLD_HTML }),
      expect.objectContaining({ path: OLD_FOLDER }),
    ]);
  });

  it('answer with a 301 to the page, and the build holds a static redirect page', async () => {
    const outDir = await buildAndSwap('r1');
    const redirect = await head(OLD_HTML);
    expect(redirect).toMatchObject({ status: 301, location: '/modules/partnerships/two-zero/' });
    expect(redirect.csp).toContain("default-src 'self'");
    // The folder form is the page's own URL: it is the page, not a redirect.
    expect((await head(OLD_FOLDER)).status).toBe(200);
    const html = await readFile(path.join(outDir, 'modules/partnerships/two-zero.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/modules/partnerships/two-zero/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<link rel="canonical" href="');
    expect(html).toContain('<a href="/modules/partnerships/two-zero/">');
    expect(html).not.toContain('<script');
    const map: unknown = JSON.parse(await readFile(path.join(outDir, 'redirects.json'), 'utf8'));
    expect(map).toEqual({ version: 1, redirects: { [OLD_HTML]: '/modules/partnerships/two-zero/' } });
  });

  it('follow the page when an editor changes its slug', async () => {
    await updateDocument(strapi.write, 'pages', await pageId(), { slug: 'partnerships-overview' }, 'published');
    const outDir = await buildAndSwap('r2');
    const moved = '/modules/partnerships/partnerships-overview/';
    for (const old of [OLD_HTML, OLD_FOLDER, '/modules/partnerships/two-zero']) {
      expect(await head(old)).toMatchObject({ status: 301, location: moved });
    }
    expect((await head(moved)).status).toBe(200);
    const folderPage = await readFile(path.join(outDir, 'modules/partnerships/two-zero/index.html'), 'utf8');
    expect(folderPage).toContain(`<a href="${moved}">`);
    expect((await head('/modules/partnerships/never-existed.html')).status).toBe(404);
  });
});

describe('the CMS', () => {
  it('refuses an old address that is not a path of this site', async () => {
    const id = await pageId();
    for (const bad of ['https://evil.example/x', '//evil.example/x', '/a/../b', '/a?b=1', '/a b']) {
      const message = await refusal(
        updateDocument(strapi.write, 'pages', id, { legacyPaths: [{ path: bad }] }, 'draft'),
      );
      expect(message).toMatch(/old address|path/i);
    }
  });

  it('refuses an old address another page keeps, naming that page', async () => {
    const [section] = await listDocuments(strapi.write, 'sections', new URLSearchParams({ status: 'draft' }));
    const attempt = fetch(`${strapi.url}/api/pages?status=draft`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${strapi.write.STRAPI_WRITE_TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        data: {
          number: '2.1',
          title: 'Thief',
          slug: 'thief',
          section: section?.documentId,
          legacyPaths: [{ path: OLD_HTML }],
        },
      }),
    });
    const response = await attempt;
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).toContain(`[cms] The old address \\"${OLD_HTML}\\" already redirects to page \\"2.0 Overview\\"`);
    expect(text).toContain('Community Partnerships');
  });
});
