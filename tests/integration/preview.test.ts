import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTENT_TYPE_UIDS, previewLinkUrl, signPreviewLink } from '@lm/shared';
import { runImport } from '../../scripts/import/run-import.js';
import { buildSite } from '../../scripts/lib/build-site.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { listDocuments, strapiRequest } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { waitForPort } from '../../scripts/lib/wait-for-port.js';
import { ensurePreviewBuilt } from '../../scripts/preview-server/preview-build.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Strapi's Preview end to end: the real CMS makes the link (its admin API, as the Preview button
 * asks for it), the real preview server (its own process, as npm start runs it) checks it, sets
 * the session and renders drafts with the public site's pages; the public build knows nothing of it.
 */

const fixture = path.resolve('tests/fixtures/jekyll/partnerships-two-zero.md');
const DRAFT_WORDS = 'Words only the preview may show.';
const DRAFT_TITLE = 'Draft title in the preview';

let strapi: ThrowawayStrapi;
let preview: ResultPromise<{ all: true; reject: false }>;
let previewUrl = '';
let draftPageId = '';
let publishedPageId = '';
let sectionId = '';
let adminToken = '';
let previewOutput = '';

const loginSchema = z.object({ data: z.object({ token: z.string() }) });
const previewUrlSchema = z.object({ data: z.object({ url: z.string().url() }) });

const documentsSchema = z.array(z.object({ documentId: z.string() })).length(1);

/** The documentId of the one document of a collection the fixture made. */
async function onlyDocumentId(collection: 'modules' | 'sections' | 'pages'): Promise<string> {
  const [document] = documentsSchema.parse(
    await listDocuments(strapi.write, collection, new URLSearchParams({ status: 'draft' })),
  );
  return document?.documentId ?? '';
}

/** The preview link Strapi's admin API hands the Preview button for a document. */
async function adminPreviewLink(uid: string, documentId: string): Promise<string> {
  const response = await fetch(
    `${strapi.url}/content-manager/preview/url/${uid}?${new URLSearchParams({ documentId, status: 'draft' }).toString()}`,
    { headers: { Authorization: `Bearer ${adminToken}` } },
  );
  expect(response.status).toBe(200);
  return previewUrlSchema.parse(await response.json()).data.url;
}

/** Opens a link without following redirects, optionally with a cookie. */
const get = (url: string, cookie?: string): Promise<Response> =>
  fetch(url, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });

/** Follows the admin's link as the preview frame does: entry, cookie, redirect, page. */
async function openPreview(link: string): Promise<{ entry: Response; page: Response; html: string; cookie: string }> {
  const entry = await get(link);
  const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const location = entry.headers.get('location') ?? '';
  const page = await get(new URL(location, previewUrl).href, cookie);
  return { entry, page, html: await page.text(), cookie };
}

beforeAll(async () => {
  const port = await freePort();
  previewUrl = `http://127.0.0.1:${String(port)}`;
  // Built before Strapi boots, so the two never compete for the two cores.
  await ensurePreviewBuilt(() => undefined);
  strapi = await startThrowawayStrapi({ PREVIEW_URL: previewUrl });
  await runImport({ paths: [fixture], publish: true, dryRun: false, env: strapi.write, log: () => undefined });

  sectionId = await onlyDocumentId('sections');
  publishedPageId = await onlyDocumentId('pages');
  const created = await strapiRequest(strapi.write, 'POST', '/api/pages?status=draft', {
    data: {
      number: '2.9',
      title: 'Never published',
      slug: 'never-published',
      section: sectionId,
      body: [
        {
          __component: 'content.rich-text',
          content: [{ type: 'paragraph', children: [{ type: 'text', text: DRAFT_WORDS }] }],
        },
      ],
    },
  });
  draftPageId = z.object({ data: z.object({ documentId: z.string() }) }).parse(created).data.documentId;
  // A published page changed in draft: the preview shows the change, the public site does not.
  await strapiRequest(strapi.write, 'PUT', `/api/pages/${publishedPageId}?status=draft`, {
    data: { title: DRAFT_TITLE },
  });

  const login = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: strapi.env.ADMIN_EMAIL, password: strapi.env.ADMIN_PASSWORD }),
  });
  adminToken = loginSchema.parse(await login.json()).data.token;

  preview = execa(process.execPath, ['--import', 'tsx', 'scripts/preview-server/main.ts'], {
    cwd: repoRoot,
    env: { ...strapi.env, PREVIEW_URL: previewUrl, PREVIEW_PORT: String(port), PREVIEW_HOST: '127.0.0.1' },
    extendEnv: false,
    all: true,
    reject: false,
  });
  preview.all.on('data', (chunk: Buffer) => {
    previewOutput += chunk.toString('utf8');
  });
  await waitForPort('127.0.0.1', port, {
    what: 'The preview server',
    timeoutMs: 120_000,
    exited: preview,
    intervalMs: 200,
  });
}, 600_000);

afterAll(async () => {
  preview.kill('SIGTERM');
  await preview;
  await strapi.stop();
});

describe('a draft page in the preview', () => {
  it('is shown with the public page template, its module sidebar and the banner', async () => {
    const { entry, page, html } = await openPreview(await adminPreviewLink(CONTENT_TYPE_UIDS.page, draftPageId));
    expect(entry.status, previewOutput).toBe(303);
    expect(entry.headers.get('location')).toBe(`/preview/pages/${draftPageId}/`);
    expect(page.status, previewOutput).toBe(200);
    expect(html).toContain(DRAFT_WORDS);
    expect(html).toContain('<strong>Draft preview</strong>');
    expect(html).toContain('2.9 Never published');
    // The public page's own parts: the module sidebar (listing the draft too) and the position.
    expect(html).toMatch(/<nav class="module-nav"[^>]*aria-label="Module contents"/);
    expect(html).toContain('Section 1 of 1 · Page 2 of 2');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('shows the draft of a published page, not what is published', async () => {
    const { html } = await openPreview(await adminPreviewLink(CONTENT_TYPE_UIDS.page, publishedPageId));
    expect(html).toContain(`2.0 ${DRAFT_TITLE}`);
  });

  it('shows a module as its home, and a section at its place on it', async () => {
    const moduleId = await onlyDocumentId('modules');
    const home = await openPreview(await adminPreviewLink(CONTENT_TYPE_UIDS.module, moduleId));
    expect(home.page.status).toBe(200);
    expect(home.html).toContain('2.9 Never published');
    expect(home.html).toContain('<strong>Draft preview</strong>');
    const section = await openPreview(await adminPreviewLink(CONTENT_TYPE_UIDS.section, sectionId));
    expect(section.page.status).toBe(302);
    expect(section.page.headers.get('location')).toMatch(
      new RegExp(`^/preview/modules/${moduleId}/#section-what-is-a-community-partnership$`),
    );
  });

  it('sets an HttpOnly, SameSite cookie and sends noindex and a frame-ancestors of the admin only', async () => {
    const { entry, page } = await openPreview(await adminPreviewLink(CONTENT_TYPE_UIDS.page, draftPageId));
    expect(entry.headers.get('set-cookie')).toMatch(
      /^lm_preview=\d+\.[\w-]+; Path=\/; Max-Age=7200; HttpOnly; SameSite=Lax$/,
    );
    for (const response of [entry, page]) {
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain(
        `frame-ancestors ${new URL(strapi.url).origin};`,
      );
    }
  });
});

describe('without a valid link or session', () => {
  const draftPath = (): string => `${previewUrl}/preview/pages/${draftPageId}/`;

  it('answers 401 with a readable page and no draft, whatever is asked for', async () => {
    for (const url of [draftPath(), `${previewUrl}/_astro/`, `${previewUrl}/modules/partnerships/`]) {
      const response = await get(url);
      expect(response.status).toBe(401);
      const html = await response.text();
      expect(html).toContain('<h1>Preview not available</h1>');
      expect(html).not.toContain(DRAFT_WORDS);
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    }
    expect((await get(draftPath(), 'lm_preview=9999999999999.forged')).status).toBe(401);
  });

  it('refuses a link with no value, an expired one and a tampered one', async () => {
    const secret = strapi.env.PREVIEW_SECRET ?? '';
    const target = { uid: CONTENT_TYPE_UIDS.page, documentId: draftPageId };
    const valid = new URL(await adminPreviewLink(CONTENT_TYPE_UIDS.page, draftPageId));
    const tampered = new URL(valid);
    tampered.searchParams.set('documentId', publishedPageId);
    const unsigned = new URL(valid);
    unsigned.searchParams.delete('signature');
    const expired = previewLinkUrl(previewUrl, signPreviewLink(secret, target, Date.now() - 11 * 60_000));
    for (const [link, words] of [
      [unsigned.href, 'incomplete'],
      [expired, 'expired'],
      [tampered.href, 'changed on the way'],
      [previewLinkUrl(previewUrl, signPreviewLink('x'.repeat(40), target)), 'changed on the way'],
    ] as const) {
      const response = await get(link);
      expect(response.status, link).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toContain(words);
    }
  });

  it('redirects only to its own preview paths, whatever else the link carries', async () => {
    const link = new URL(await adminPreviewLink(CONTENT_TYPE_UIDS.page, draftPageId));
    for (const [name, value] of [
      ['redirect', 'https://evil.example/'],
      ['to', '//evil.example/'],
      ['next', '/preview/../../etc/passwd'],
    ]) {
      const withExtra = new URL(link);
      withExtra.searchParams.set(name ?? '', value ?? '');
      const response = await get(withExtra.href);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/preview/pages/${draftPageId}/`);
    }
  });
});

describe("in the admin's preview frame (Chromium)", () => {
  it('shows the draft framed by the admin with no blocked code, and reloads only when the admin says it saved', async () => {
    // The stand-in admin page below is served by the browser's own request interception, which
    // Chromium takes for a public address; its Local Network Access checks would then block the
    // frame's request to the loopback preview server, which the real admin (itself on loopback) never meets.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-features=LocalNetworkAccessChecks'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      let frameLoads = 0;
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) frameLoads += 1;
      });
      // A stand-in for the admin's preview page, served as if from Strapi's origin, framing the link.
      const adminOrigin = new URL(strapi.url).origin;
      const link = await adminPreviewLink(CONTENT_TYPE_UIDS.page, draftPageId);
      await page.route(`${adminOrigin}/preview-frame`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>Admin</title><iframe title="Preview" src="${link}" style="width:1240px;height:860px;border:0"></iframe>`,
        }),
      );
      await page.goto(`${adminOrigin}/preview-frame`);
      const frame = page.frameLocator('iframe');
      await frame.getByText(DRAFT_WORDS).waitFor();
      await frame.getByText('Draft preview').waitFor();
      const screenshot = path.join(tmpdir(), 'lm-preview-draft-page.png');
      await page.screenshot({ path: screenshot });
      console.log(`[preview test] screenshot: ${screenshot}`);
      expect(errors).toEqual([]);

      const loadsBefore = frameLoads;
      // A message from any other origin (here the preview itself) is ignored...
      await page.frames()[1]?.evaluate("window.postMessage({ type: 'strapiUpdate' }, '*')");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(frameLoads).toBe(loadsBefore);
      // ...the admin's reloads the preview, which still holds its session.
      await page.evaluate(
        `document.querySelector('iframe').contentWindow.postMessage({ type: 'strapiUpdate' }, '${previewUrl}')`,
      );
      await expect.poll(() => frameLoads).toBe(loadsBefore + 1);
      await frame.getByText(DRAFT_WORDS).waitFor();

      // Framed by any other origin, the browser refuses to show it (frame-ancestors).
      await page.route('http://elsewhere.test/frame', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><iframe title="Preview" src="${previewUrl}/preview/pages/${draftPageId}/"></iframe>`,
        }),
      );
      await page.goto('http://elsewhere.test/frame');
      await expect.poll(() => errors.some((error) => error.includes('frame-ancestors'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});

describe('the public build', () => {
  it('holds neither the preview nor the drafts', async () => {
    const outDir = await tempDir('preview-public');
    try {
      await buildSite({ outDir, env: { PATH: process.env.PATH, ...strapi.read } });
      const files = (await readdir(outDir, { recursive: true })).map(String);
      expect(
        files.some((file) => file.startsWith('preview') || file.startsWith('_preview') || file.endsWith('.mjs')),
      ).toBe(false);
      const html = await Promise.all(
        files.filter((file) => file.endsWith('.html')).map((file) => readFile(path.join(outDir, file), 'utf8')),
      );
      expect(html.length).toBeGreaterThan(3);
      for (const text of html) {
        expect(text).not.toContain('lm-preview-banner');
        expect(text).not.toContain(DRAFT_WORDS);
        expect(text).not.toContain(DRAFT_TITLE);
        expect(text).not.toContain('Draft preview');
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
