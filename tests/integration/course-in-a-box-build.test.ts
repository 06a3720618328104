import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runImport, type ImportSummary } from '../../scripts/import/run-import.js';
import { readCibSite } from '../../scripts/import/read-cib-site.js';
import { buildSite } from '../../scripts/lib/build-site.js';
import { startSiteServer, type RunningSiteServer } from '../../scripts/lib/site-server.js';
import { listDocuments, strapiRequest, StrapiRequestError } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { swapSymlink } from '../../scripts/rebuilder/swap-symlink.js';
import { axeViolationsOf } from '../helpers/axe-in-page.js';
import { readBuiltPage } from '../helpers/built-page.js';
import { cibPageSentences } from '../helpers/cib-page-sentences.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The course-in-a-box fixture site imported with --publish into a real Strapi, built by a real
 * `astro build`, served by the site's own server (its headers included) and read in Chromium: what
 * a library migrating such a site would check by hand, page by page.
 */

const SITE = path.resolve('tests/fixtures/course-in-a-box');
const VIDEO_PAGE = '/modules/outreach/who-is-missing/';
/** Hosts a poster must not contact before the learner asks for the player. */
const VIDEO_HOSTS =
  /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|googlevideo\.com|ggpht\.com|vimeo\.com|vimeocdn\.com)$/;
const quiet = (): void => undefined;

let strapi: ThrowawayStrapi;
let imported: ImportSummary;
let releases: string | undefined;
let outDir: string;
let server: RunningSiteServer;
let browser: Browser;
/** Each source post with the URL of the page it became. */
let posts: Array<{ file: string; url: string }>;

const pageSchema = z.object({
  slug: z.string(),
  section: z.object({ module: z.object({ slug: z.string() }) }),
  legacyPaths: z.array(z.object({ path: z.string() })),
});

/** A browser context that lets the page reach the site only: every other request is recorded and refused. */
async function siteOnlyContext(options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<{
  context: BrowserContext;
  page: Page;
  requests: string[];
  cspErrors: string[];
}> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  const requests: string[] = [];
  const cspErrors: string[] = [];
  // The test never needs the internet: a request that leaves the site is noted and refused.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(server.url)) await route.continue();
    else await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  return { context, page, requests, cspErrors };
}

const toVideoHost = (url: string): boolean => {
  try {
    return VIDEO_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** What `document.activeElement` is, read without DOM types in this Node-side file. */
async function focused(page: Page): Promise<{ tag: string; label: string | null; outline: string }> {
  const raw: unknown = await page.evaluate(`(() => {
    const element = document.activeElement;
    const style = element ? getComputedStyle(element) : null;
    return {
      tag: element ? element.tagName.toLowerCase() : '',
      label: element ? element.getAttribute('aria-label') : null,
      outline: style ? style.outlineStyle + ' ' + style.outlineWidth : '',
    };
  })()`);
  return z.object({ tag: z.string(), label: z.string().nullable(), outline: z.string() }).parse(raw);
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  imported = await runImport({ paths: [SITE], publish: true, dryRun: false, env: strapi.write, log: quiet });
  releases = await tempDir('cib-build');
  outDir = path.join(releases, 'r1');
  await buildSite({ outDir, env: { PATH: process.env.PATH, ...strapi.read } });
  await swapSymlink(path.join(releases, 'live'), 'r1');
  server = await startSiteServer({ releasesDir: releases, host: '127.0.0.1', port: 0 });
  const site = await readCibSite(SITE);
  posts = site.modules.flatMap((module) =>
    module.posts.map((post) => ({ file: post.file, url: `/modules/${module.slug}/${post.name}/` })),
  );
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
});

afterAll(async () => {
  await browser.close();
  await server.stop();
  await strapi.stop();
  if (releases !== undefined) await rm(releases, { recursive: true, force: true });
});

describe('the course-in-a-box fixture, imported and built', () => {
  it('imports every page', () => {
    expect(imported.failed).toEqual([]);
    expect(posts).toHaveLength(6);
  });

  it('shows every sentence of every source page on its built page, in order', async () => {
    const site = await readCibSite(SITE);
    for (const post of posts) {
      const built = await readBuiltPage(outDir, post.url.slice(1, -1));
      const sentences = await cibPageSentences(post.file, site.site);
      expect(sentences.length, post.file).toBeGreaterThan(3);
      let from = 0;
      for (const sentence of sentences) {
        const at = built.mainText.indexOf(sentence, from);
        expect(at, `${post.url}: "${sentence}" should appear after position ${String(from)}`).toBeGreaterThanOrEqual(0);
        from = at + sentence.length;
      }
    }
  });

  it('shows the video as a poster with its title and length, a link to it, and nothing from the host', async () => {
    const built = await readBuiltPage(outDir, VIDEO_PAGE.slice(1, -1));
    const posters = built.all('main figure.video');
    expect(posters).toHaveLength(1);
    expect(built.text(built.one('main figure.video .video__title'))).toBe('Walking the Neighborhood');
    expect(built.text(built.one('main figure.video .video__duration'))).toBe('2:00');
    const link = built.one('main figure.video figcaption a');
    expect(link.properties.href).toBe('https://www.youtube.com/watch?v=abcDEF12345&t=30s');
    expect(built.text(link)).toBe('Watch “Walking the Neighborhood” on YouTube');
    // The poster sits in the videos callout, under its title.
    expect(built.all('aside.resource-box--videos figure.video')).toHaveLength(1);
    // Nothing on the page loads from a video host: no frame, no thumbnail, no script.
    expect(built.all('iframe')).toEqual([]);
    for (const element of built.all('[src]')) expect(String(element.properties.src)).not.toMatch(/youtube|ytimg|vimeo/);
    // The poster's script is a file of the site, not inline code the policy would have to allow.
    const scripts = built.all('script[type="module"]');
    expect(scripts.some((script) => String(script.properties.src).startsWith('/_astro/'))).toBe(true);
  });

  it('shows the asset map from the built site and links the uploaded template PDF, which downloads', async () => {
    const built = await readBuiltPage(outDir, 'modules/outreach/mapping-assets');
    const images = built.all('main img');
    const map = images.find((image) => image.properties.alt === 'A hand-drawn asset map of four blocks');
    expect(map, 'the asset map with its alt text').toBeDefined();
    const src = new URL(String(map?.properties.src), server.url);
    // Served by the site itself (optimised at build time), not fetched from the CMS by readers.
    expect(src.origin).toBe(new URL(server.url).origin);
    const picture = await fetch(src);
    await picture.arrayBuffer();
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toMatch(/^image\//);

    const uploads = z
      .array(z.object({ name: z.string(), url: z.string() }))
      .parse(await strapiRequest(strapi.write, 'GET', '/api/upload/files?pagination[limit]=100'));
    const template = uploads.find((upload) => upload.name.startsWith('asset-map-template.'));
    const link = built.all('main a').find((anchor) => built.text(anchor) === 'asset map template');
    expect(link?.properties.href).toBe(`${strapi.url}${template?.url ?? ' no upload'}`);
    const pdf = await fetch(String(link?.properties.href));
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows no broken image: the missing photo is left out, every image on the page loads', async () => {
    const built = await readBuiltPage(outDir, 'modules/outreach/mapping-assets');
    expect(built.html).not.toContain('missing-photo');
    const images = built.all('main img');
    expect(images.map((image) => image.properties.alt)).not.toContain('Old photo');
    for (const image of images) {
      const response = await fetch(new URL(String(image.properties.src), server.url));
      await response.arrayBuffer();
      expect({ src: image.properties.src, status: response.status }).toEqual({
        src: image.properties.src,
        status: 200,
      });
    }
    // The warning said so, naming the page and line, and the page itself was imported.
    const warning = imported.warnings.find((entry) => entry.message.includes('missing-photo.jpg'));
    expect(warning?.line).toBe(19);
    expect(warning?.message).toMatch(/missing-photo\.jpg is missing.*left out/);
  });

  it('links pages only to pages that exist in the build', async () => {
    const files = new Set((await readdir(outDir, { recursive: true })).map((file) => file.split(path.sep).join('/')));
    let checked = 0;
    for (const post of posts) {
      const built = await readBuiltPage(outDir, post.url.slice(1, -1));
      for (const anchor of built.all('main a[href^="/modules/"]')) {
        const target = new URL(String(anchor.properties.href), 'http://site.invalid').pathname;
        expect(files.has(`${target.slice(1)}index.html`), `${post.url} links to ${target}`).toBe(true);
        checked += 1;
      }
    }
    // The fixture's pages link to each other in three spellings; each became a link of the site.
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it("redirects each page's old URLs to its new one", async () => {
    const query = new URLSearchParams({
      status: 'published',
      'fields[0]': 'slug',
      'populate[section][populate][module][fields][0]': 'slug',
      'populate[legacyPaths]': 'true',
    });
    const pages = (await listDocuments(strapi.write, 'pages', query)).map((raw) => pageSchema.parse(raw));
    let redirected = 0;
    for (const page of pages) {
      const url = `/modules/${page.section.module.slug}/${page.slug}/`;
      for (const { path: old } of page.legacyPaths) {
        const response = await fetch(`${server.url}${old}`, { redirect: 'manual' });
        await response.arrayBuffer();
        if (old === url) {
          // The template's permalink is the new site's address too: served, not redirected.
          expect(response.status, old).toBe(200);
          continue;
        }
        expect({ old, status: response.status, location: response.headers.get('location') }).toEqual({
          old,
          status: 301,
          location: url,
        });
        redirected += 1;
      }
    }
    expect(redirected).toBeGreaterThanOrEqual(posts.length);
  });
});

describe('a video written to the CMS', () => {
  it('is refused with an id its host does not use, saying how to fix it', async () => {
    const [raw] = await listDocuments(strapi.write, 'sections', new URLSearchParams({ status: 'draft' }));
    const section = z.object({ documentId: z.string(), number: z.number() }).parse(raw);
    const write = (video: Record<string, unknown>): Promise<unknown> =>
      strapiRequest(strapi.write, 'POST', '/api/pages?status=draft', {
        data: {
          // Numbered within its section, so the course checks take it once its video passes.
          number: `${String(section.number)}.9`,
          title: 'Video check',
          slug: `video-check-${String(video.videoId)}`,
          section: section.documentId,
          body: [{ __component: 'content.video', title: 'A talk', ...video }],
        },
      });
    const error: unknown = await write({ provider: 'vimeo', videoId: 'abcDEF12345' }).catch(
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(StrapiRequestError);
    expect(error instanceof Error ? error.message : '').toContain(
      'Video in body block 1: "abcDEF12345" is not a vimeo video id: a Vimeo id is digits only',
    );
    // The same id with its own host is taken.
    await expect(write({ provider: 'youtube', videoId: 'abcDEF12345', startSeconds: 5 })).resolves.toBeDefined();
  });
});

describe('the video poster in Chromium', () => {
  it('loads nothing from the video host until the click, then the no-cookie player at the excerpt', async () => {
    const { context, page, requests, cspErrors } = await siteOnlyContext();
    try {
      await page.goto(`${server.url}${VIDEO_PAGE}`, { waitUntil: 'networkidle' });
      const button = page.getByRole('button', { name: 'Play video: Walking the Neighborhood' });
      await button.waitFor({ state: 'visible' });
      expect(requests.filter(toVideoHost)).toEqual([]);
      expect(await page.locator('iframe').count()).toBe(0);

      // The keyboard reaches the button, shows where it is, and Enter starts the player.
      let found = false;
      for (let tabs = 0; tabs < 60 && !found; tabs += 1) {
        await page.keyboard.press('Tab');
        found = (await focused(page)).label === 'Play video: Walking the Neighborhood';
      }
      expect(found).toBe(true);
      expect((await focused(page)).outline).toMatch(/^solid [1-9]/);
      const shot = path.join(os.tmpdir(), 'lm-video-poster-focused.png');
      await page.locator('figure.video').screenshot({ path: shot });
      console.info(`[test] the focused poster: ${shot}`);
      await page.keyboard.press('Enter');

      const frame = page.locator('figure.video iframe');
      await frame.waitFor({ state: 'attached' });
      expect(await frame.getAttribute('src')).toBe(
        'https://www.youtube-nocookie.com/embed/abcDEF12345?start=30&end=150&autoplay=1',
      );
      expect(await frame.getAttribute('title')).toBe('Walking the Neighborhood');
      expect((await focused(page)).tag).toBe('iframe');
      // Only now does the page ask the video host for anything, and only the no-cookie player.
      await expect
        .poll(() => requests.filter(toVideoHost), { timeout: 30_000 })
        .toEqual(['https://www.youtube-nocookie.com/embed/abcDEF12345?start=30&end=150&autoplay=1']);
      // The site's Content-Security-Policy allows that frame: nothing was refused by it.
      expect(cspErrors).toEqual([]);
      await page.locator('figure.video').screenshot({ path: path.join(os.tmpdir(), 'lm-video-poster-playing.png') });
    } finally {
      await context.close();
    }
  });

  it('passes axe in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await siteOnlyContext({ colorScheme });
      try {
        await page.goto(`${server.url}${VIDEO_PAGE}`, { waitUntil: 'networkidle' });
        await page.getByRole('button', { name: 'Play video: Walking the Neighborhood' }).waitFor();
        await page
          .locator('figure.video')
          .screenshot({ path: path.join(os.tmpdir(), `lm-video-poster-${colorScheme}.png`) });
        expect(await axeViolationsOf(page), colorScheme).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('without JavaScript shows the poster with a working link and no dead button', async () => {
    const { context, page, requests } = await siteOnlyContext({ javaScriptEnabled: false });
    try {
      await page.goto(`${server.url}${VIDEO_PAGE}`, { waitUntil: 'networkidle' });
      expect(await page.getByRole('button', { name: /Play video/ }).count()).toBe(0);
      const link = page.getByRole('link', { name: 'Watch “Walking the Neighborhood” on YouTube' });
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe('https://www.youtube.com/watch?v=abcDEF12345&t=30s');
      expect(requests.filter(toVideoHost)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
